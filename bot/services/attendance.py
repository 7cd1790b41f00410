"""Attendance at an open meeting: who is here, apologies, and the quorum each change makes."""

from __future__ import annotations

from bot import verbs
from bot.errors import NotAllowed, NotFound
from bot.refs import MeetingRef
from bot.replies import Reply
from bot.rules.calendar import show
from bot.rules.quorum import Quorum
from bot.services import conduct, lengths, roll
from bot.services.context import Context
from bot.services.lengths import kept
from bot.services.record_lock import require_unlocked


def here(ctx: Context, cmd: verbs.Here) -> Reply:
    """Record the speaker present, as a member or as a deputy for an absent member."""
    meeting = ctx.open_meeting()
    if meeting is None:
        raise NotFound("No meeting is open; the chair opens it with `meeting open`. To send apologies for the "
                       "next meeting, say `apologies`.")
    require_unlocked(ctx, meeting.id, "a change to its attendance")
    before = roll.quorum_of(ctx, meeting)
    if ctx.membership(ctx.actor) is not None and cmd.for_ is None:
        text = roll.mark_present(ctx, meeting, ctx.actor)
    else:
        for_member = ctx.person(cmd.for_) if cmd.for_ else None
        text = roll.mark_deputising(ctx, meeting, for_member)
    after = roll.quorum_of(ctx, meeting)
    return Reply(text, notices=quorum_change(before, after) + conduct.late_declaration(ctx, meeting, ctx.actor),
                 changes=(MeetingRef(meeting.id),))


def quorum_change(before: Quorum, after: Quorum) -> tuple[str, ...]:
    if before.quorate == after.quorate:
        return ()
    return (f"The meeting is now {after.text}.",)


def apologies(ctx: Context, cmd: verbs.Apologies) -> Reply:
    meeting = ctx.meeting(cmd.meeting)
    if meeting.status not in ("scheduled", "open"):
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; apologies are for a meeting to come.")
    if ctx.membership(ctx.actor) is None:
        raise NotAllowed(f"You hold no seat in {ctx.terms.name}, so no apologies are needed.")
    present = roll.row_for(ctx, meeting, ctx.actor)
    if meeting.status == "open" and present is not None and present.status == "present":
        # Withdrawing after taking part would drop them from the record of who was there and voted.
        raise NotAllowed(f"You are recorded present at meeting {meeting.number}, so apologies no longer apply. If you "
                         "are leaving early, tell the chair so the minutes can note it.")
    reason = kept(" ".join(cmd.reason).strip(), lengths.TITLE, "reason") or None
    roll.set_status(ctx, meeting, ctx.actor, "apologies", reason=reason)
    ctx.audit("attendance.apologies", meeting=meeting.id, member=ctx.actor.id, reason=reason)
    notices: tuple[str, ...] = ()
    deputies = ctx.terms.deputies
    if deputies.allowed and not roll.deputy_named(ctx, meeting, ctx.actor):
        notices = (deputies.cited("You can name a deputy to attend in your place: `deputy @person`") + ".",)
    return Reply(f"Apologies from {ctx.actor.display_name} recorded for meeting {meeting.number} "
                 f"({show(meeting.starts_at, ctx.terms.zone)}).", notices=notices, changes=(MeetingRef(meeting.id),))


def attendance_now(ctx: Context, cmd: verbs.Attendance) -> Reply:
    meeting = ctx.meeting(None)
    return Reply(f"Attendance at meeting {meeting.number} ({meeting.status}):", fields=roll.summary(ctx, meeting),
                 private=True)


def quorum_check(ctx: Context, cmd: verbs.Quorum) -> Reply:
    meeting = ctx.open_meeting()
    if meeting is None:
        raise NotFound("No meeting is open, so there is no quorum to check; the chair opens one with `meeting open`.")
    quorum = roll.quorum_of(ctx, meeting)
    verb = "is" if quorum.required is not None else "has"
    return Reply(f"Meeting {meeting.number} {verb} {quorum.text}.", subject=MeetingRef(meeting.id))
