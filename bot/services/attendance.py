"""Attendance at an open meeting: who is here, apologies, and the quorum each change makes."""

from __future__ import annotations

from bot import verbs
from bot.errors import NotAllowed, NotFound
from bot.models import Attendance, Meeting, Membership, Person
from bot.refs import MeetingRef
from bot.replies import Reply
from bot.rules.calendar import show, show_date
from bot.rules.deputies import may_send, sending_hint
from bot.rules.quorum import Quorum, proviso_note
from bot.rules.tenure import lapsed_hint, term_over, until_reappointed
from bot.services import conduct, guests, lengths, roll, roll_summary
from bot.services.context import Context
from bot.services.lengths import kept
from bot.services.record_lock import require_unlocked


def here(ctx: Context, cmd: verbs.Here) -> Reply:
    """Record the speaker present, as a member or as a deputy for an absent member."""
    meeting = ctx.open_meeting()
    if meeting is None:
        raise NotFound(f"No meeting is open. {ctx.scheduling_hint()}" if ctx.operation_over() else
                       "No meeting is open; the chair opens it with `meeting open`. To send apologies for the "
                       "next meeting, say `apologies`.")
    require_unlocked(ctx, meeting.id, "a change to its attendance")
    before = roll.quorum_of(ctx, meeting)
    row = roll.row_for(ctx, meeting, ctx.actor)  # present already (the chair who opened it): prompted then
    prompted = row is not None and row.status == "present" and row.left_at is None
    if ctx.membership(ctx.actor) is not None and cmd.for_ is None:
        text = roll.mark_present(ctx, meeting, ctx.actor)
    elif (as_guest := guests.already_guest(ctx, meeting, ctx.actor)) is not None and cmd.for_ is None \
            and not roll.nominations_for(ctx, meeting, ctx.actor):  # a guest since named deputy attends as one
        return Reply(as_guest, private=True)
    else:
        text = deputising(ctx, meeting, ctx.person(cmd.for_) if cmd.for_ else None)
    after = roll.quorum_of(ctx, meeting)
    attending = roll.attending_row(ctx, meeting, ctx.actor)  # its arrival stays the first, through any return
    late = () if prompted else conduct.late_declaration(ctx, meeting, ctx.actor,
                                                        attending.recorded_at if attending else ctx.now)
    return Reply(text, notices=quorum_change(before, after) + late,
                 changes=(MeetingRef(meeting.id),))


def deputising(ctx: Context, meeting: Meeting, for_member: Person | None) -> str:
    """Record the speaker attending as a deputy; one with no seat nor nomination hears how a guest is recorded."""
    try:
        return roll.mark_deputising(ctx, meeting, for_member) + guests.no_longer_guest(ctx, meeting)
    except NotAllowed as refused:
        if (as_guest := guests.already_guest(ctx, meeting, ctx.actor)) is not None:  # and stays one
            raise NotAllowed(f"{refused} {as_guest}") from None
        if ctx.membership(ctx.actor) is not None or roll.nominations_for(ctx, meeting, ctx.actor):
            raise
        raise NotAllowed(str(refused) + guests.how_to_record(ctx)) from None


def leaving(ctx: Context, cmd: verbs.Leaving) -> Reply:
    """Record the speaker (a member present, or a deputy attending) leaving the open meeting early: they attended,
    but count for its quorum and vote no more until they say `here` again; the quorum is told if it is lost."""
    meeting = ctx.open_meeting()
    if meeting is None:
        raise NotFound("No meeting is open, so there is none to leave.")
    require_unlocked(ctx, meeting.id, "a change to its attendance")
    row = roll.attending_row(ctx, meeting, ctx.actor)
    if row is None:
        beside = beside_leaving(ctx, meeting)
        if beside is None:
            raise NotAllowed(f"You are not recorded present at meeting {meeting.number}, so there is nothing to leave.")
        return beside
    if row.left_at is not None:
        raise NotAllowed(f"You left meeting {meeting.number} at {row.left_at.astimezone(ctx.terms.zone):%H:%M}; "
                         "say `here` when you are back.")
    before = roll.quorum_of(ctx, meeting)
    row.left_at = ctx.now
    ctx.session.flush()
    ctx.audit("attendance.left", meeting=meeting.id, member=row.member_id)
    return Reply(f"{ctx.actor.display_name} has left meeting {meeting.number} at "
                 f"{ctx.now.astimezone(ctx.terms.zone):%H:%M}.", notices=quorum_change(before, roll.quorum_of(
                     ctx, meeting)), changes=(MeetingRef(meeting.id),))


def beside_leaving(ctx: Context, meeting: Meeting) -> Reply | None:
    """Record someone attending beside a member as an additional individual (LIEG 2.4) leaving: they count for no
    quorum and cast no vote, but no longer against their authority's cap of those attending at one time (2.1);
    None for anyone else."""
    beside = next((row for row in roll.attendance(ctx, meeting)
                   if row.status == "present" and row.deputy_id == ctx.actor.id), None)
    if beside is None:
        return None
    zone = ctx.terms.zone
    if beside.beside_left_at is not None:
        raise NotAllowed(f"You left meeting {meeting.number} at {beside.beside_left_at.astimezone(zone):%H:%M}; "
                         "say `here` when you are back.")
    beside.beside_left_at = ctx.now
    ctx.session.flush()
    ctx.audit("attendance.beside_left", meeting=meeting.id, member=beside.member_id, deputy=ctx.actor.id)
    member = ctx.session.get(Person, beside.member_id)
    name = member.display_name if member else "the member"
    return Reply(f"{ctx.actor.display_name} has left meeting {meeting.number} at {ctx.now.astimezone(zone):%H:%M}. "
                 + ctx.terms.deputies.cited(f"They attended beside {name} as an additional individual, with no vote "
                                            "and no place in the quorum, so no count changes") + ".",
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
    if (lapsed := term_over_by(ctx, ctx.membership(ctx.actor), meeting)) is not None:
        raise NotAllowed(lapsed)
    present = roll.row_for(ctx, meeting, ctx.actor)
    if meeting.status == "open" and present is not None and present.status == "present":
        # Withdrawing after taking part would drop them from the record of who was there and voted.
        raise NotAllowed(f"You are recorded present at meeting {meeting.number}, so apologies no longer apply. If you "
                         "are leaving early, say `leaving`.")
    reason = kept(" ".join(cmd.reason).strip(), lengths.TITLE, "reason") or None
    if present is not None and present.status == "deputised" and present.deputy_id is not None:
        return deputy_attends(ctx, meeting, present, reason)
    roll.set_status(ctx, meeting, ctx.actor, "apologies", reason=reason)
    ctx.audit("attendance.apologies", meeting=meeting.id, member=ctx.actor.id, reason=reason)
    notices: tuple[str, ...] = ()
    held = ctx.membership(ctx.actor)
    if held is not None and may_send(ctx.terms, held, ctx.today) and not roll.deputy_named(ctx, meeting, ctx.actor):
        notices = (sending_hint(ctx.terms.deputies, held.seat_title),)
    return Reply(f"Apologies from {ctx.actor.display_name} recorded for meeting {meeting.number} "
                 f"({show(meeting.starts_at, ctx.terms.zone)}).", notices=notices, changes=(MeetingRef(meeting.id),))


def term_over_by(ctx: Context, held: Membership | None, meeting: Meeting) -> str | None:
    """Why a seat holder whose term is over by the meeting's day sends no apologies for it (None while in term)."""
    if held is None or held.term_ends_on is None or not term_over(held, meeting.starts_at.astimezone(
            ctx.terms.zone).date()):
        return None
    seat = ctx.terms.seat(held.seat_title)
    ends = "ended" if term_over(held, ctx.today) else "ends"
    rule = f"your term in {held.seat_title} {ends} on {show_date(held.term_ends_on)}, before meeting {meeting.number}"
    return (f"No apologies are needed: {seat.cited(rule) if seat else rule}, so you hold no seat at it"
            f"{until_reappointed(seat, 'you are ')}. " + lapsed_hint(seat, held.seat_title, ctx.actor.display_name,
                                                                      "you"))


def deputy_attends(ctx: Context, meeting: Meeting, row: Attendance, reason: str | None) -> Reply:
    """Apologies from a member whose deputy already attends in their place: they stand beside the deputy, as they
    do when sent first (CJCG 7.2, LIEG 2.4), rather than taking the deputy off the roll, the quorum and the vote."""
    require_unlocked(ctx, meeting.id, "a change to its attendance")
    row.apologies_at, row.reason = ctx.now, reason
    ctx.session.flush()
    ctx.audit("attendance.apologies", meeting=meeting.id, member=ctx.actor.id, reason=reason)
    deputy = ctx.session.get(Person, row.deputy_id)
    rule = ctx.terms.deputies
    attends = rule.cited(f"{deputy.display_name if deputy else 'your deputy'} attends in your place as {rule.word}")
    return Reply(f"Apologies from {ctx.actor.display_name} recorded for meeting {meeting.number} "
                 f"({show(meeting.starts_at, ctx.terms.zone)}); {attends}.", changes=(MeetingRef(meeting.id),))


def attendance_now(ctx: Context, cmd: verbs.Attendance) -> Reply:
    meeting = ctx.meeting(None)
    return Reply(f"Attendance at meeting {meeting.number} ({meeting.status}):",
                 fields=roll_summary.summary(ctx, meeting), private=True)


def quorum_check(ctx: Context, cmd: verbs.Quorum) -> Reply:
    meeting = ctx.open_meeting()
    if meeting is None:
        raise NotFound("No meeting is open, so there is no quorum to check; the chair opens one with `meeting open`.")
    quorum = roll.quorum_of(ctx, meeting)
    verb = "is" if quorum.required is not None else "has"
    proviso = proviso_note(ctx.terms.quorum, quorum)
    # An answer of its own, below, not the meeting's card: that card keeps its roll call and buttons.
    return Reply(f"Meeting {meeting.number} {verb} {quorum.text}.", notices=(proviso,) if proviso else ())
