"""Meetings: scheduling, agenda, opening, roll call, quorum and closing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.commands import Command
from bot.errors import NotAllowed, NotFound, UsageError
from bot.models import AgendaItem, Attendance, Meeting, Person, Poll, QuorumCheck
from bot.records import absences
from bot.replies import Button, Reply
from bot.rules.calendar import example_day, local_to_utc, parse_day_and_time, show, show_date
from bot.rules.quorum import Quorum
from bot.services import conduct, roll
from bot.services.authority import is_member, require, roles_of
from bot.services.context import Context
from bot.services.ended import require_not_ended
from bot.services.numbers import next_number
from bot.terms_powers import Act, Holder

# Two meetings of one group starting this close are one meeting submitted twice (a double click on the form, a
# retyped command) or a corrected time: either way the secretary must say which one stands.
SAME_START = dt.timedelta(minutes=15)

ROLL_CALL_BUTTONS = (Button("Here", "here", "primary"), Button("Apologies", "apologies"),
                     Button("No interests to declare", "declare none"))


def schedule(ctx: Context, cmd: Command) -> Reply:
    """Schedule a meeting at a local date and time in the group's zone (whoever the ToR's powers name)."""
    require(ctx, Act.SCHEDULE_MEETING, "schedule meetings")
    require_not_ended(ctx, "schedule meetings")
    if cmd.options.get("chair"):
        require(ctx, Act.NAME_MEETING_CHAIR, "name a meeting's chair")
    zone = ctx.terms.zone
    day, time = parse_day_and_time(cmd.args["date"], cmd.args["time"], ctx.today)
    fold = 1 if cmd.options.get("second") else 0 if cmd.options.get("first") else None
    starts_at = local_to_utc(day, time, zone, fold)
    if starts_at <= ctx.now:
        raise UsageError(f"{show(starts_at, zone)} is in the past; give a date and time still to come.")
    ends = ctx.terms.operates_until
    if ends and day > ends.date:
        raise NotAllowed(ends.cited(f"{ctx.terms.name} operates until {show_date(ends.date)}")
                         + "; schedule the meeting before then.")
    chair = ctx.person(cmd.options["chair"]) if cmd.options.get("chair") else None
    minute_taker = ctx.person(cmd.options["minutes"]) if cmd.options.get("minutes") else None
    chair_rule, minutes_rule = ctx.terms.chair, ctx.terms.minutes
    for role, person, rule, source in (("chair", chair, chair_rule, chair_rule.drawn_from),
                                       ("take the minutes", minute_taker, minutes_rule, minutes_rule.taken_by)):
        if person is not None and ctx.membership(person) is None:
            raise NotAllowed(f"{person.display_name} holds no seat in {ctx.terms.name}, so cannot {role}.")
        if person is not None and role == "chair" and not is_member(ctx, ctx.membership(person)):
            raise NotAllowed(rule.cited(f"{person.display_name} is not a member in term; the secretariat and "
                                        "observers are not members and cannot chair") + ".")
        if person is not None and source == "steering_group" and not in_steering_group(ctx, person):
            steering = ", ".join(m.person.display_name for m in ctx.memberships() if in_steering_group(ctx, m.person))
            raise NotAllowed(rule.cited(f"Under the ToR a steering group member volunteers to {role}, and "
                                        f"{person.display_name} is not in the steering group") + f". Name one of "
                             f"them: {steering}.")
    # Taking the number takes the group's turn (it locks the group's row until this commits), so of two
    # submissions at once the second waits here and then sees the first's meeting in the clash check.
    number = next_number(ctx.session, Meeting, ctx.group.id)
    clash = require_no_meeting_at(ctx, starts_at)
    where = cmd.options.get("where")
    meeting = Meeting(group_id=ctx.group.id, number=number,
                      starts_at=starts_at, place=where, status="scheduled",
                      chair_id=chair.id if chair else None, minute_taker_id=minute_taker.id if minute_taker else None)
    ctx.session.add(meeting)
    ctx.session.flush()
    ctx.audit("meeting.scheduled", meeting=meeting.id, starts_at=starts_at, place=where,
              chair=meeting.chair_id, minute_taker=meeting.minute_taker_id)
    fields = [("When", show(starts_at, zone))]
    if where:
        fields.append(("Where", where))
    if ctx.terms.meetings.max_minutes:
        fields.append(("Length", ctx.terms.meetings.cited(f"at most {ctx.terms.meetings.max_minutes} minutes")))
    if chair:
        fields.append(("Chair", chair.display_name))
    if minute_taker:
        fields.append(("Minutes", minute_taker.display_name))
    notices = (f"Meeting {clash.number} is on the same day, at {show(clash.starts_at, zone)}; if this one replaces "
               f"it, cancel it with `meeting cancel {clash.number}`.",) if clash else ()
    notices = (*notices, *conduct.cadence_warnings(ctx, meeting))
    return Reply(f"Meeting {meeting.number} scheduled.", title=f"{ctx.terms.name}: meeting {meeting.number}",
                 fields=tuple(fields), buttons=(Button("Send apologies", f"apologies --meeting {meeting.number}"),),
                 subject=f"meeting:{meeting.id}", notices=notices)


def require_no_meeting_at(ctx: Context, starts_at: dt.datetime) -> Meeting | None:
    """Refuse a second meeting of the group starting within SAME_START of a scheduled or open one (NotAllowed,
    naming it and how to see or cancel it); return another meeting on the same local day, if any, to mention.
    Call it holding the group's turn (`next_number`), so a meeting being scheduled at the same moment is seen."""
    zone = ctx.terms.zone
    day = starts_at.astimezone(zone).date()
    day_starts = dt.datetime.combine(day, dt.time(0, 0), tzinfo=zone).astimezone(dt.UTC)
    day_ends = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0, 0), tzinfo=zone).astimezone(dt.UTC)
    nearby = ctx.session.scalars(
        select(Meeting).where(Meeting.group_id == ctx.group.id, Meeting.status.in_(("scheduled", "open")),
                              Meeting.starts_at < max(day_ends, starts_at + SAME_START),
                              Meeting.starts_at > min(day_starts, starts_at - SAME_START))
        .order_by(Meeting.starts_at)).all()
    same = next((m for m in nearby if abs(m.starts_at - starts_at) < SAME_START), None)
    if same is None:
        return nearby[0] if nearby else None
    apart = abs(same.starts_at - starts_at) // dt.timedelta(minutes=1)
    why = "so I have not scheduled another at the same time" if not apart else \
        f"{apart} minutes from the time you gave; a group holds one meeting at a time, so I have not scheduled another"
    undo = f"`meeting cancel {same.number}` if the new one replaces it" if same.status == "scheduled" else \
        "`meeting close` when it ends"
    raise NotAllowed(f"Meeting {same.number} is already {same.status} for {show(same.starts_at, zone)}, {why}. "
                     f"Say `meetings` to see it, or {undo}.")


def in_steering_group(ctx: Context, person: Person) -> bool:
    """A member in term whose seat sits on the steering group (never the secretariat or an observer)."""
    return Holder.STEERING_GROUP in roles_of(ctx, person)


def list_meetings(ctx: Context, cmd: Command) -> Reply:
    meetings = ctx.session.scalars(
        select(Meeting).where(Meeting.group_id == ctx.group.id, Meeting.status != "cancelled")
        .order_by(Meeting.starts_at.desc()).limit(10)
    ).all()
    if not meetings:
        return Reply("No meetings yet. A chair can schedule one: "
                     f"`meeting schedule {example_day(ctx.today).isoformat()} 10:00`.", private=True)
    zone = ctx.terms.zone
    rows = tuple((f"Meeting {m.number}", f"{show(m.starts_at, zone)}, {m.status}" + (f", {m.place}" if m.place else ""))
                 for m in reversed(meetings))
    return Reply(f"Meetings of {ctx.terms.name}:", fields=rows, private=True)


def cancel(ctx: Context, cmd: Command) -> Reply:
    require(ctx, Act.SCHEDULE_MEETING, "cancel meetings")
    meeting = ctx.meeting(cmd.args["meeting"])
    if meeting.status != "scheduled":
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; only a scheduled meeting can be cancelled.")
    meeting.status = "cancelled"
    ctx.audit("meeting.cancelled", meeting=meeting.id)
    return Reply(f"Meeting {meeting.number} ({show(meeting.starts_at, ctx.terms.zone)}) is cancelled.")


def add_item(ctx: Context, cmd: Command) -> Reply:
    meeting = ctx.meeting(cmd.options.get("meeting"))
    require(ctx, Act.PLAN_AGENDA, "set the agenda", meeting=meeting)
    if meeting.status in ("closed", "cancelled"):
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; add items to a meeting still to come.")
    ctx.require_unlocked(meeting.id, "a change to its agenda")
    title = " ".join(cmd.args["title"]).strip()
    if not title:
        raise UsageError('Give the item a title: agenda add "Budget update".')
    position = len(meeting.items) + 1
    meeting.items.append(AgendaItem(position=position, title=title[:500]))
    ctx.audit("agenda.item_added", meeting=meeting.id, position=position, title=title[:500])
    return Reply(f"Item {position} added to meeting {meeting.number}: {title[:500]}")


def show_agenda(ctx: Context, cmd: Command) -> Reply:
    meeting = ctx.meeting(cmd.args["meeting"])
    rows = tuple((f"Item {item.position}", item.title) for item in meeting.items)
    text = f"Agenda of meeting {meeting.number}, {show(meeting.starts_at, ctx.terms.zone)}:" if rows else \
        f"Meeting {meeting.number} has no agenda items yet. Add one with `agenda add \"title\"`."
    return Reply(text, fields=rows, private=True)


def open_meeting(ctx: Context, cmd: Command) -> Reply:
    """Open the next (or given) meeting: the opener is recorded present; roll call and interests are prompted."""
    already = ctx.open_meeting()
    if already is not None:
        raise NotAllowed(f"Meeting {already.number} is already open; close it with `meeting close` first.")
    meeting = ctx.meeting(cmd.args["meeting"])
    require(ctx, Act.RUN_MEETING, "open a meeting", meeting=meeting)
    if meeting.status != "scheduled":
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; only a scheduled meeting can be opened.")
    early = conduct.require_timely_opening(ctx, meeting, bool(cmd.options.get("confirm")))
    meeting.status, meeting.opened_at = "open", ctx.now
    if meeting.chair_id is None and ctx.presides_until_elected(ctx.actor):
        meeting.chair_id = ctx.actor.id  # chairs this meeting to its close, through the election of the chair
    if ctx.membership(ctx.actor) is not None:
        roll.mark_present(ctx, meeting, ctx.actor)
    quorum = roll.quorum_of(ctx, meeting)
    meeting.quorate_at_open = quorum.quorate
    ctx.session.add(QuorumCheck(meeting_id=meeting.id, quorate=quorum.quorate, counted=quorum.counted,
                                text=quorum.text, checked_at=ctx.now))
    ctx.audit("meeting.opened", meeting=meeting.id, quorate=quorum.quorate, counted=quorum.counted,
              **({"early": True} if early else {}))
    prompts = ["Roll call: say `here`, or `apologies`. A deputy says `here` when attending for a member."]
    if ctx.terms.interests.declare_at_start:
        prompts.append(ctx.terms.interests.cited("Declare any interests now: `declare \"...\" --item N`, or "
                                                 "`declare none`") + ".")
    if ctx.terms.meetings.max_minutes:
        prompts.append(f"This meeting should last at most {ctx.terms.meetings.max_minutes} minutes.")
    return Reply("\n".join(prompts), title=f"Meeting {meeting.number} of {ctx.terms.name} is open",
                 fields=(("Quorum", quorum.text),), buttons=ROLL_CALL_BUTTONS, subject=f"meeting:{meeting.id}",
                 notices=(early,) if early else ())


def close_meeting(ctx: Context, cmd: Command) -> Reply:
    """Close the open meeting. Refuses while a vote is open; members with no record are marked absent."""
    meeting = ctx.open_meeting()
    if meeting is None:
        raise NotFound("No meeting is open.")
    require(ctx, Act.RUN_MEETING, "close a meeting", meeting=meeting)
    open_vote = ctx.session.scalar(select(Poll).where(Poll.meeting_id == meeting.id, Poll.status == "open"))
    if open_vote is not None:
        raise NotAllowed(f"{open_vote.kind.capitalize()} {open_vote.number} is still open; close it with "
                         f"`poll close {open_vote.number}` first.")
    recorded = {a.member_id for a in roll.attendance(ctx, meeting)}
    for membership in ctx.memberships():
        # Only voting seats are expected to attend; co-opted members, observers and the secretariat come as needed.
        if membership.person_id not in recorded and ctx.is_voting(membership):
            ctx.session.add(Attendance(meeting_id=meeting.id, member_id=membership.person_id, status="absent",
                                       recorded_at=ctx.now))
    meeting.status, meeting.closed_at = "closed", ctx.now
    ctx.session.flush()
    ctx.audit("meeting.closed", meeting=meeting.id)
    notices = tuple(absence_warnings(ctx, meeting))
    return Reply(f"Meeting {meeting.number} is closed.", title=f"{ctx.terms.name}: meeting {meeting.number} closed",
                 fields=roll.summary(ctx, meeting), notices=notices, subject=f"meeting:{meeting.id}")


def absence_warnings(ctx: Context, meeting: Meeting) -> list[str]:
    """Warnings for members, or member organisations when the ToR counts absences so, who have now missed the
    ToR's number of consecutive meetings."""
    rule = ctx.terms.attendance
    limit = rule.warn_after_consecutive_absences
    if not limit:
        return []
    record = absences.read(ctx.session, ctx.group, ctx.terms)
    seated = dict.fromkeys(absences.attendee(ctx.session, ctx.terms, m, m.person_id) for m in ctx.memberships())
    warnings = []
    for attendee in seated:
        run = record.run(attendee)
        if len(run) < limit:
            continue
        if attendee.is_organisation:
            dates = [show_date(m.starts_at.astimezone(ctx.terms.zone).date()) for m in run]
            sessions = f"{len(run)} consecutive sessions ({', '.join(dates[:-1])} and {dates[-1]})" \
                if len(run) > 1 else f"the session of {dates[0]}"
            text = (f"{attendee.name} has not attended for {sessions}; the ToR allows papers to be withheld "
                    f"after {limit}")
        else:
            text = (f"{attendee.name} has missed {len(run)} consecutive meetings; the ToR allows papers to be "
                    f"withheld after {limit}")
        warnings.append(rule.absence_rule.cited(text) + ".")
    return warnings


def here(ctx: Context, cmd: Command) -> Reply:
    """Record the speaker present, as a member or as a deputy for an absent member."""
    meeting = ctx.open_meeting()
    if meeting is None:
        raise NotFound("No meeting is open; the chair opens it with `meeting open`. To send apologies for the "
                       "next meeting, say `apologies`.")
    ctx.require_unlocked(meeting.id, "a change to its attendance")
    before = roll.quorum_of(ctx, meeting)
    if ctx.membership(ctx.actor) is not None and not cmd.options.get("for"):
        text = roll.mark_present(ctx, meeting, ctx.actor)
    else:
        for_member = ctx.person(cmd.options["for"]) if cmd.options.get("for") else None
        text = roll.mark_deputising(ctx, meeting, for_member)
    after = roll.quorum_of(ctx, meeting)
    return Reply(text, notices=quorum_change(before, after) + conduct.late_declaration(ctx, meeting, ctx.actor),
                 changes=(f"meeting:{meeting.id}",))


def quorum_change(before: Quorum, after: Quorum) -> tuple[str, ...]:
    if before.quorate == after.quorate:
        return ()
    return (f"The meeting is now {after.text}.",)


def apologies(ctx: Context, cmd: Command) -> Reply:
    meeting = ctx.meeting(cmd.options.get("meeting"))
    if meeting.status not in ("scheduled", "open"):
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; apologies are for a meeting to come.")
    if ctx.membership(ctx.actor) is None:
        raise NotAllowed(f"You hold no seat in {ctx.terms.name}, so no apologies are needed.")
    present = roll.row_for(ctx, meeting, ctx.actor)
    if meeting.status == "open" and present is not None and present.status == "present":
        # Withdrawing after taking part would drop them from the record of who was there and voted.
        raise NotAllowed(f"You are recorded present at meeting {meeting.number}, so apologies no longer apply. If you "
                         "are leaving early, tell the chair so the minutes can note it.")
    reason = " ".join(cmd.args["reason"]).strip()[:500] or None
    roll.set_status(ctx, meeting, ctx.actor, "apologies", reason=reason)
    ctx.audit("attendance.apologies", meeting=meeting.id, member=ctx.actor.id, reason=reason)
    notices: tuple[str, ...] = ()
    deputies = ctx.terms.deputies
    if deputies.allowed and not roll.deputy_named(ctx, meeting, ctx.actor):
        notices = (deputies.cited("You can name a deputy to attend in your place: `deputy @person`") + ".",)
    return Reply(f"Apologies from {ctx.actor.display_name} recorded for meeting {meeting.number} "
                 f"({show(meeting.starts_at, ctx.terms.zone)}).", notices=notices, changes=(f"meeting:{meeting.id}",))


def attendance_now(ctx: Context, cmd: Command) -> Reply:
    meeting = ctx.meeting(None)
    return Reply(f"Attendance at meeting {meeting.number} ({meeting.status}):", fields=roll.summary(ctx, meeting),
                 private=True)


def quorum_check(ctx: Context, cmd: Command) -> Reply:
    meeting = ctx.open_meeting()
    if meeting is None:
        raise NotFound("No meeting is open, so there is no quorum to check; the chair opens one with `meeting open`.")
    quorum = roll.quorum_of(ctx, meeting)
    verb = "is" if quorum.required is not None else "has"
    return Reply(f"Meeting {meeting.number} {verb} {quorum.text}.", subject=f"meeting:{meeting.id}")
