"""Moving a scheduled meeting to another time: the same meeting, its number, agenda, apologies, deputies, chair and
minute-taker kept, its time checked as `meeting schedule` checks a new one's, and its chair and minute-taker against
it (a term ending before the new day)."""

from __future__ import annotations

from sqlalchemy import bindparam, func, select

from bot.errors import NotAllowed, UsageError
from bot.models import Attendance, Meeting
from bot.numbers import take_turn
from bot.refs import MeetingRef
from bot.replies import Reply
from bot.rules.bank_holidays import day_note
from bot.rules.calendar import show
from bot.services import conduct, lengths
from bot.services.authority import require
from bot.services.context import Context
from bot.services.ended import require_operating
from bot.services.lengths import kept
from bot.services.meeting_people import named_then
from bot.services.meeting_schedule import new_start, require_no_meeting_at
from bot.verbs_meeting_move import MeetingMove

# Built once: read at each meeting moved.
SENT_APOLOGIES = select(func.count()).select_from(Attendance).where(
    Attendance.meeting_id == bindparam("meeting_id"), Attendance.status.in_(("apologies", "deputised")))

NOT_MOVED = {"open": "it is under way; close it with `meeting close`, and schedule the next one",
             "closed": "it has been held; schedule another with `meeting schedule <date> <time>`",
             "cancelled": "it was cancelled; schedule a new one with `meeting schedule <date> <time>`"}


def move_meeting(ctx: Context, cmd: MeetingMove) -> Reply:
    """Move scheduled meeting `cmd.meeting` to the date and time given, in the group's zone (whoever the ToR lets
    schedule meetings). Raises NotAllowed for someone else, a meeting not scheduled, a day the ToR forbids or a
    clash; UsageError for a time past or the same time. The reminders follow: they are derived from the record."""
    require(ctx, cmd.act, "move meetings")
    require_operating(ctx, "move meetings")
    meeting = ctx.meeting(cmd.meeting)
    if meeting.status != "scheduled":
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}, so it cannot be moved: "
                         f"{NOT_MOVED.get(meeting.status, 'only a scheduled meeting can be')}.")
    zone, was = ctx.terms.zone, meeting.starts_at
    day, starts_at = new_start(ctx, cmd.date, cmd.time, 1 if cmd.second else 0 if cmd.first else None)
    if starts_at == was and not cmd.where:
        raise UsageError(f"Meeting {meeting.number} is already at {show(was, zone)}; give the date and time it "
                         f"moves to: `meeting move {meeting.number} <date> <time>`.")
    additional = conduct.require_chair_for_additional(ctx, day, meeting)
    take_turn(ctx.session, ctx.group.id)  # as scheduling does: a meeting scheduled at this moment is seen below
    clash = require_no_meeting_at(ctx, starts_at, meeting)
    meeting.starts_at = starts_at
    if cmd.where:
        meeting.place = kept(cmd.where, lengths.TITLE, "meeting's place")
    ctx.audit("meeting.moved", meeting=meeting.id, was=was, starts_at=starts_at, place=meeting.place)
    said = f"Meeting {meeting.number} moved from {show(was, zone)} to {show(starts_at, zone)}" + \
        (f", {meeting.place}." if meeting.place else ".") if starts_at != was else \
        f"Meeting {meeting.number} ({show(was, zone)}) is now at {meeting.place}."
    notices = (*apologies_stand(ctx, meeting),
               *((f"Meeting {clash.number} is on the same day, at {show(clash.starts_at, zone)}.",) if clash else ()),
               *additional, *named_then(ctx, meeting), *conduct.cadence_warnings(ctx, meeting),
               *filter(None, (day_note(day, meeting.number),)))
    return Reply(said, title=f"{ctx.terms.name}: meeting {meeting.number} moved",
                 fields=(("When", show(starts_at, zone)), ("Was", show(was, zone))), notices=notices,
                 changes=(MeetingRef(meeting.id),), quoted=(meeting.place,) if meeting.place else ())


def apologies_stand(ctx: Context, meeting: Meeting) -> tuple[str, ...]:
    """That the apologies sent for `meeting` stand at its new time, and how a member who can now come withdraws
    theirs; nothing where none were sent."""
    sent = ctx.session.scalar(SENT_APOLOGIES, {"meeting_id": meeting.id}) or 0
    if not sent:
        return ()
    were = "1 member's apologies stand" if sent == 1 else f"{sent} members' apologies stand"
    return (f"{were} for the new time; a member who can now come says `apologies withdraw --meeting "
            f"{meeting.number}`.",)
