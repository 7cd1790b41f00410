"""Meetings as the ToR has them run: the cadence warned of when one is scheduled, opening hours early only on the
chair's confirmation, and late arrivals asked to declare their interests."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, select

from bot.errors import NotAllowed
from bot.models import Interest, Meeting, Person
from bot.rules.attendance import LATE_AFTER
from bot.rules.cadence import cadence_breaks, cadence_words, early_by, how_long, last_regular, too_soon
from bot.rules.calendar import show, show_date
from bot.rules.in_force import declares_at_start, plural
from bot.rules.tenure import NOT_MEMBERS
from bot.services.context import Context
from bot.services.presiding import holds_chair, is_chair, presides_until_elected

HELD = ("scheduled", "open", "closed")
# Built once: read at each meeting scheduled.
OTHER_MEETING_STARTS = select(Meeting.starts_at, Meeting.number, Meeting.status).where(
    Meeting.group_id == bindparam("group_id"), Meeting.status.in_(HELD), Meeting.id != bindparam("meeting_id"))
HELD_MEETINGS = select(Meeting).where(Meeting.group_id == bindparam("group_id"), Meeting.status.in_(HELD))
DECLARED = select(Interest.id).where(Interest.meeting_id == bindparam("meeting_id"),
                                     Interest.person_id == bindparam("person_id")).limit(1)


def cadence_warnings(ctx: Context, meeting: Meeting) -> tuple[str, ...]:
    """Warnings, citing the ToR, when `meeting` breaks the group's cadence (bot.rules.cadence)."""
    zone = ctx.terms.zone
    day = meeting.starts_at.astimezone(zone).date()
    others = [(m.starts_at.astimezone(zone).date(), m.number, m.status == "scheduled") for m in ctx.session.execute(
        OTHER_MEETING_STARTS, {"group_id": ctx.group.id, "meeting_id": meeting.id})]
    days = [d for d, _, _ in others]
    previous = max((d for d in days if d <= day), default=None)
    following = min((d for d in days if d > day), default=None)
    in_year = sum(1 for d in days if day - dt.timedelta(days=365) < d <= day)
    soon = too_soon(ctx.terms.meetings, day, others)
    return tuple(f"Cadence: {text}." for text in cadence_breaks(ctx.terms.meetings, day, previous, following,
                                                                  in_year)) + ((f"Cadence: {soon}",) if soon else ())


def require_chair_for_additional(ctx: Context, day: dt.date, moving: Meeting | None = None) -> tuple[str, ...]:
    """Where the ToR has additional meetings agreed by the chair, refuse anyone but the chair a meeting on `day`
    that comes sooner than the cadence after the last regular meeting (NotAllowed, naming the chair); return the
    notice the chair's additional meeting carries. Before a chair is in office, whoever presides schedules. The
    meeting `moving` to `day` (`meeting move`) is not counted where it was."""
    rule = ctx.terms.meetings
    if not rule.additional_agreed_by_chair:
        return ()
    zone = ctx.terms.zone
    earlier = [(m.starts_at.astimezone(zone).date(), m.number) for m in ctx.session.scalars(
        HELD_MEETINGS, {"group_id": ctx.group.id}) if m is not moving]
    regular = last_regular(rule, day, earlier)
    if regular is None:
        return ()
    cadence = f"the ToR has the group meet {cadence_words(rule)}"
    if is_chair(ctx):
        # no chair to agree it while the group awaits its election: say who did schedule it (CSCPWG Operation)
        if presides_until_elected(ctx, ctx.actor):
            return (rule.cited(f"An additional meeting, scheduled by {ctx.actor.display_name}, who presides until "
                               f"the group elects its chair: {cadence}, with additional meetings agreed by the "
                               "chair") + ".",)
        return (rule.cited(f"An additional meeting, agreed by the chair: {cadence}") + ".",)
    chairs = [m.person.display_name for m in ctx.memberships() if holds_chair(ctx, m)]
    ask = f" Ask {' or '.join(chairs)}." if chairs else ""
    after = f"the day of meeting {regular[1]}" if regular[0] == day else \
        f"{how_long(regular[0], day)} after meeting {regular[1]} ({show_date(regular[0])})"
    raise NotAllowed(rule.cited(f"{show_date(day)} is {after}, so it would be an additional meeting; {cadence}, with "
                                "additional meetings where required and agreed by the chair") + f".{ask}")


def require_timely_opening(ctx: Context, meeting: Meeting, confirmed: bool) -> str | None:
    """Refuse to open `meeting` an hour or more before its scheduled start unless the chair confirms; return the
    notice an early opening carries (None when on time)."""
    early = early_by(meeting.starts_at, ctx.now)
    if early is None:
        return None
    hours = plural(early // dt.timedelta(hours=1), "hour") if early < dt.timedelta(days=2) else \
        how_long(ctx.now.astimezone(ctx.terms.zone).date(), meeting.starts_at.astimezone(ctx.terms.zone).date())
    when = show(meeting.starts_at, ctx.terms.zone)
    if not confirmed:
        raise NotAllowed(f"Meeting {meeting.number} is scheduled for {when}, {hours} from now, and members "
                         "expect it then. If the meeting really is starting now, confirm with "
                         f"`meeting open {meeting.number} --confirm`; to change its time, "
                         f"`meeting move {meeting.number} <date> <time>` keeps its agenda and apologies.")
    return (f"Opened {hours} before its scheduled time ({when}) on the chair's confirmation; the minutes record "
            f"the date and time it opened, {show(ctx.now, ctx.terms.zone)}.")


def late_declaration(ctx: Context, meeting: Meeting, person: Person, arrived: dt.datetime) -> tuple[str, ...]:
    """The prompt for someone who joins an open meeting without having declared for it, where the ToR has
    interests declared at the start of each meeting. `arrived` is when they first came: one back from stepping
    out answered the roll call, and is not told they joined late."""
    if not declares_at_start(ctx.terms):
        return ()
    held = ctx.membership(person)
    if held is not None and held.role in NOT_MEMBERS:  # the secretariat and observers decide nothing
        return ()
    declared = ctx.session.scalar(DECLARED, {"meeting_id": meeting.id, "person_id": person.id})
    if declared is not None:
        return ()
    how = "declare any now with `declare \"...\" --item N`, or `declare none`"
    if meeting.opened_at is None or arrived <= meeting.opened_at + LATE_AFTER:  # answering the roll call
        text = f"Interests are declared at the start of each meeting: {person.display_name}, {how}"
    else:
        text = (f"Interests are declared at the start of each meeting, and {person.display_name} joined after meeting "
                f"{meeting.number} opened: {how}")
    return (ctx.terms.interests.cited(text) + ".",)
