"""Scheduling a meeting: one per start time, and the steering group that may call it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, select

from bot.errors import NotAllowed, UsageError
from bot.models import AgendaItem, Meeting
from bot.refs import MeetingRef
from bot.replies import Button, Reply
from bot.rules.bank_holidays import day_note
from bot.rules.cadence import where_words
from bot.rules.calendar import local_to_utc, parse_day_and_time, show, show_date
from bot.services import conduct, lengths
from bot.services.authority import require
from bot.services.context import Context
from bot.services.ended import require_operating
from bot.services.lengths import kept
from bot.services.meeting_people import check_meeting_people, named_then
from bot.services.numbers import next_number
from bot.terms_powers import Act
from bot.verbs import Apologies, MeetingSchedule

# Two meetings of one group starting this close are one meeting submitted twice (a double click on the form, a
# retyped command) or a corrected time: either way the secretary must say which one stands.
SAME_START = dt.timedelta(minutes=15)


def schedule(ctx: Context, cmd: MeetingSchedule) -> Reply:
    """Schedule a meeting at a local date and time in the group's zone (whoever the ToR's powers name)."""
    require(ctx, cmd.act, "schedule meetings")
    require_operating(ctx, "schedule meetings")
    if cmd.chair:
        require(ctx, Act.NAME_MEETING_CHAIR, "name a meeting's chair")
    zone = ctx.terms.zone
    day, starts_at = new_start(ctx, cmd.date, cmd.time, 1 if cmd.second else 0 if cmd.first else None)
    additional = conduct.require_chair_for_additional(ctx, day)
    chair = ctx.person(cmd.chair) if cmd.chair else None
    minute_taker = ctx.person(cmd.minutes) if cmd.minutes else None
    decided = check_meeting_people(ctx, cmd.decision, chair, minute_taker)
    # Taking the number takes the group's turn (it locks the group's row until this commits), so of two
    # submissions at once the second waits here and then sees the first's meeting in the clash check.
    number = next_number(ctx.session, Meeting, ctx.group.id)
    clash = require_no_meeting_at(ctx, starts_at)
    where = kept(cmd.where, lengths.TITLE, "meeting's place") if cmd.where else cmd.where
    meeting = Meeting(group_id=ctx.group.id, number=number,
                      starts_at=starts_at, place=where, status="scheduled",
                      chair_id=chair.id if chair else None, minute_taker_id=minute_taker.id if minute_taker else None)
    ctx.session.add(meeting)
    standing = standing_items(ctx, meeting)
    ctx.session.flush()
    ctx.audit("meeting.scheduled", meeting=meeting.id, starts_at=starts_at, place=where,
              chair=meeting.chair_id, minute_taker=meeting.minute_taker_id,
              **({"chair_by_motion": cmd.decision} if decided else {}))
    for item in meeting.items:
        ctx.audit("agenda.item_added", meeting=meeting.id, position=item.position, title=item.title, standing=True)
    fields = [("When", show(starts_at, zone))]
    online, in_person = where_words(ctx.terms.meetings, where, meeting.number)
    if where or online:
        fields.append(("Where", where or online or ""))
    if ctx.terms.meetings.max_minutes:
        fields.append(("Length", ctx.terms.meetings.cited(f"at most {ctx.terms.meetings.max_minutes} minutes")))
    if standing:
        fields.append(("Agenda", "; ".join(standing)))
    if chair:
        fields.append(("Chair", decided or chair.display_name))
    if minute_taker:
        fields.append(("Minutes", minute_taker.display_name))
    notices = (f"Meeting {clash.number} is on the same day, at {show(clash.starts_at, zone)}; if this one replaces "
               f"it, cancel it with `meeting cancel {clash.number}`.",) if clash else ()
    notices = (*notices, *additional, *named_then(ctx, meeting), *((in_person,) if in_person else ()),
               *conduct.cadence_warnings(ctx, meeting),
               *filter(None, (day_note(day, meeting.number),)))  # a weekend or bank holiday: a note, never a refusal
    return Reply(f"Meeting {meeting.number} scheduled.", title=f"{ctx.terms.name}: meeting {meeting.number}",
                 fields=tuple(fields), buttons=(Button("Send apologies", Apologies(meeting=meeting.number)),),
                 subject=MeetingRef(meeting.id), notices=notices)


def new_start(ctx: Context, date: str, time: str, fold: int | None) -> tuple[dt.date, dt.datetime]:
    """The local day and the UTC start of a meeting at `date` and `time` as typed, in the group's zone (`fold`: the
    first or second of a time the clocks going back gives twice). Raises UsageError for words not understood or a
    time past, NotAllowed for a day after a time-limited group stops operating."""
    zone = ctx.terms.zone
    day, at = parse_day_and_time(date, time, ctx.today)
    starts_at = local_to_utc(day, at, zone, fold)
    if starts_at <= ctx.now:
        raise UsageError(f"{show(starts_at, zone)} is in the past; give a date and time still to come.")
    ends = ctx.terms.operates_until
    if ends and day > ends.date:
        raise NotAllowed(ends.cited(f"{ctx.terms.name} operates until {show_date(ends.date)}")
                         + "; schedule the meeting before then.")
    return day, starts_at


def standing_items(ctx: Context, meeting: Meeting) -> tuple[str, ...]:
    """Put the items the ToR has on every agenda first on `meeting`'s; return each as the agenda shows it, citing
    its clause."""
    lines = []
    for position, item in enumerate(ctx.terms.meetings.standing_items, start=1):
        meeting.items.append(AgendaItem(position=position, title=item.title))
        lines.append(item.cited(f"Item {position}: {item.title}, at each meeting"))
    return tuple(lines)


# Built once: read at each meeting scheduled.
MEETINGS_BETWEEN = select(Meeting).where(
    Meeting.group_id == bindparam("group_id"), Meeting.status.in_(("scheduled", "open")),
    Meeting.starts_at < bindparam("before"), Meeting.starts_at > bindparam("after")).order_by(Meeting.starts_at)


def require_no_meeting_at(ctx: Context, starts_at: dt.datetime, moving: Meeting | None = None) -> Meeting | None:
    """Refuse a second meeting of the group starting within SAME_START of a scheduled or open one (NotAllowed,
    naming it and how to see or cancel it); return another meeting on the same local day, if any, to mention.
    Call it holding the group's turn (`next_number`), so a meeting being scheduled at the same moment is seen.
    The meeting `moving` there (`meeting move`) is no other meeting."""
    zone = ctx.terms.zone
    day = starts_at.astimezone(zone).date()
    day_starts = dt.datetime.combine(day, dt.time(0, 0), tzinfo=zone).astimezone(dt.UTC)
    day_ends = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0, 0), tzinfo=zone).astimezone(dt.UTC)
    nearby = ctx.session.scalars(MEETINGS_BETWEEN, {
        "group_id": ctx.group.id, "before": max(day_ends, starts_at + SAME_START),
        "after": min(day_starts, starts_at - SAME_START)}).all()
    nearby = [m for m in nearby if m is not moving]
    same = next((m for m in nearby if abs(m.starts_at - starts_at) < SAME_START), None)
    if same is None:
        return nearby[0] if nearby else None
    apart = abs(same.starts_at - starts_at) // dt.timedelta(minutes=1)
    done = f"moved meeting {moving.number} there" if moving else "scheduled another"
    why = f"so I have not {done} at the same time" if not apart else \
        f"{apart} minutes from the time you gave; a group holds one meeting at a time, so I have not {done}"
    undo = f"`meeting cancel {same.number}` if the new one replaces it" if same.status == "scheduled" else \
        "`meeting close` when it ends"
    raise NotAllowed(f"Meeting {same.number} is already {same.status} for {show(same.starts_at, zone)}, {why}. "
                     f"Say `meetings` to see it, or {undo}.")
