"""Attendance at an open meeting: who is here, apologies, and the quorum each change makes."""

from __future__ import annotations

from sqlalchemy import select

from bot import verbs
from bot.errors import NotAllowed, NotFound
from bot.grammar import mention
from bot.models import AgendaItem, Meeting, Membership, Person
from bot.records.people import non_members
from bot.refs import MeetingRef
from bot.replies import Reply
from bot.rules.calendar import show_date
from bot.rules.quorum import Quorum, proviso_note
from bot.services import conduct, guests, roll, roll_summary, roll_taken, standing
from bot.services.authority import may
from bot.services.context import Context, agenda_item
from bot.services.ended import unschedulable
from bot.services.out_for_item import left_for
from bot.services.presiding import chair_hint, chair_left
from bot.services.record_lock import require_unlocked
from bot.services.tenure import successors
from bot.terms_powers import Act


def here(ctx: Context, cmd: verbs.Here) -> Reply:
    """Record the speaker present, as a member or as a deputy for an absent member."""
    meeting = ctx.open_meeting()
    if meeting is None:
        coming = None if ctx.operation_over() else ctx.next_meeting()
        raise NotFound(f"{who_opens(ctx, coming)} To send apologies for it, say `apologies`." if coming else
                       f"No meeting is open{'' if ctx.operation_over() else ' or scheduled'}. "
                       f"{ctx.scheduling_hint()}")
    require_unlocked(ctx, meeting.id, "a change to its attendance")
    before = roll.quorum_of(ctx, meeting)
    if cmd.people and cmd.for_ is None:  # the roll taken in the room (CJCG 6.3)
        text, prompts = roll_taken.record_present(ctx, meeting, cmd.people)
        return Reply(text, notices=quorum_change(before, roll.quorum_of(ctx, meeting)) + prompts,
                     changes=(MeetingRef(meeting.id),))
    row = roll.row_for(ctx, meeting, ctx.actor)  # present already (the chair who opened it): prompted then
    prompted = row is not None and row.status == "present" and row.left_at is None
    if ctx.membership(ctx.actor) is not None and cmd.for_ is None:
        text = roll.mark_present(ctx, meeting, ctx.actor)
        if prompted:  # nothing changed: theirs alone to read, not the channel's (a second press of Here)
            return Reply(text, private=True)
    elif (as_guest := guests.already_guest(ctx, meeting, ctx.actor)) is not None and cmd.for_ is None \
            and not roll.nominations_for(ctx, meeting, ctx.actor):  # a guest since named deputy attends as one
        return Reply(as_guest, private=True)
    else:
        text = deputising(ctx, meeting, ctx.person(cmd.for_) if cmd.for_ else None)
    after = roll.quorum_of(ctx, meeting)
    attending = roll.attending_row(ctx, meeting, ctx.actor)  # its arrival stays the first, through any return
    late = () if prompted or guests.guest_at(ctx, meeting.id, meeting.number) else conduct.late_declaration(
        ctx, meeting, ctx.actor, attending.recorded_at if attending else ctx.now)  # a guest declares nothing
    return Reply(text, notices=quorum_change(before, after) + late,
                 changes=(MeetingRef(meeting.id),))


def who_opens(ctx: Context, meeting: Meeting) -> str:
    """`No meeting is open; alice can open it with `meeting open`.`: who can open the next `meeting` now (the chair,
    the meeting's own chair, the secretariat until a chair is elected); where nobody can (the chair's term has
    ended, no chair is seated), why and how that is put right (bot.rules.chair.hint)."""
    able = [m.person for m in ctx.memberships() if may(ctx, Act.RUN_MEETING, meeting=meeting, person=m.person)]
    names = ["you" if person.id == ctx.actor.id else person.display_name for person in able]
    if names:
        who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        return f"No meeting is open; {who} can open it with `meeting open`."
    hint = chair_hint(ctx, meeting)
    return f"No meeting is open, and nobody can open it now: {hint[0].lower()}{hint[1:]}"


def deputising(ctx: Context, meeting: Meeting, for_member: Person | None) -> str:
    """Record the speaker attending as a deputy; one with no seat nor nomination hears how a guest is recorded."""
    try:
        return roll.mark_deputising(ctx, meeting, for_member) + guests.no_longer_guest(ctx, meeting)
    except NotAllowed as refused:
        if (as_guest := guests.already_guest(ctx, meeting, ctx.actor)) is not None:  # and stays one
            raise NotAllowed(f"{refused} {as_guest}") from None
        if for_member is not None and ctx.membership(for_member) is not None and \
                may(ctx, Act.RECORD_ACTIONS, meeting=meeting):  # the room recorded (CJCG 6.3), typed as a deputy's
            raise NotAllowed(f"{refused} To record {for_member.display_name} present, say "
                             f"`here {mention(for_member.display_name)}`.") from None
        if ctx.membership(ctx.actor) is not None or roll.nominations_for(ctx, meeting, ctx.actor):
            raise
        if (invited := guests.arrived(ctx, meeting)) is not None:  # LIEG 2.7: invited to this meeting
            return invited
        if (later := next((m for m in successors(ctx) if m.person_id == ctx.actor.id), None)) is not None:
            raise NotAllowed(f"You take up {later.seat_title} on {show_date(later.term_starts_on)}; until then you "
                             "are not counted as a member.") from None
        raise NotAllowed((former_seat(ctx) or str(refused)) + guests.how_to_record(ctx)) from None


def former_seat(ctx: Context) -> str | None:
    """`You no longer hold a seat in ...: you held DCS North London until 1 Mar 2027; zara holds it now.` for someone
    who held a seat of the group and left it (a term ended and a successor seated: PLPCP Membership), rather than
    the deputy rules a stranger hears; None for anyone who never held one."""
    # Left (`member remove`, `ended_at`), or succeeded: a successor seated ahead took the seat up once the term ran
    # out, the row itself unchanged (bot.records.holdings.held_on).
    held = ctx.session.scalars(select(Membership).where(
        Membership.group_id == ctx.group.id, Membership.person_id == ctx.actor.id,
        Membership.ended_at.is_not(None) | (Membership.term_ends_on < ctx.today))
        .order_by(Membership.term_starts_on.desc(), Membership.id.desc()).limit(1)).first()
    now = next((m.person.display_name for m in ctx.memberships()
                if held and m.seat_title == held.seat_title and m.person_id != ctx.actor.id), None)
    if held is None or (held.ended_at is None and (now is None or held.term_ends_on is None)):
        return None  # a term run out with the seat still theirs, none seated after them: the rules' own refusal
    left = held.ended_at.astimezone(ctx.terms.zone).date() if held.ended_at else held.term_ends_on
    assert left is not None
    until = min(left, held.term_ends_on) if held.term_ends_on else left  # the term's end, not the successor's day
    seat = ctx.terms.seat(held.seat_title)
    said = f"You no longer hold a seat in {ctx.terms.name}: you held {held.seat_title} until {show_date(until)}"
    if held.term_ends_on is not None and until == held.term_ends_on:  # the term ran out: say so, with its clause
        ended = f"your term in {held.seat_title} ended on {show_date(until)}"
        said = f"You no longer hold a seat in {ctx.terms.name}: {seat.cited(ended) if seat else ended}"
    if seat is not None and seat.several_holders:  # LCIIB's co-opted leads:
        return f"{said}."  # another holder of the seat is no successor of theirs, nor is it vacant without them
    return said + (f"; {now} holds it now." if now else ", and it is vacant.")


def leaving(ctx: Context, cmd: verbs.Leaving) -> Reply:
    """Record the speaker (a member present, or a deputy attending) leaving the open meeting early: they attended,
    but count for its quorum and vote no more until they say `here` again; the quorum is told if it is lost. With
    `@person ...`, those leaving the room, recorded by whoever records actions (CJCG 6.3), as their own would."""
    meeting = ctx.open_meeting()
    if meeting is None:
        raise NotFound("No meeting is open, so there is none to leave.")
    require_unlocked(ctx, meeting.id, "a change to its attendance")
    item = agenda_item(meeting, cmd.item) if cmd.item is not None else None
    before = roll.quorum_of(ctx, meeting)
    said = roll_taken.record_left(ctx, meeting, cmd.people, lambda them: one_leaving(them, meeting, item)) \
        if cmd.people else one_leaving(ctx, meeting, item)
    return Reply(said, notices=quorum_change(before, roll.quorum_of(ctx, meeting)), changes=(MeetingRef(meeting.id),),
                 quoted=(item.title,) if item else ())


def one_leaving(ctx: Context, meeting: Meeting, item: AgendaItem | None) -> str:
    """Record the speaker leaving `meeting` (the room for `item`, where given); what is said of it."""
    row = roll.attending_row(ctx, meeting, ctx.actor)
    if row is None:
        beside = beside_leaving(ctx, meeting) or guests.guest_leaving(ctx, meeting)
        if beside is None:
            raise NotAllowed(f"You are not recorded present at meeting {meeting.number}, so there is nothing to leave.")
        return beside.text
    if row.left_at is not None:
        raise NotAllowed(f"You left meeting {meeting.number} at {row.left_at.astimezone(ctx.terms.zone):%H:%M}; "
                         "say `here` when you are back.")
    row.left_at = ctx.now
    ctx.session.flush()
    ctx.audit("attendance.left", meeting=meeting.id, member=row.member_id, **({"item": item.id} if item else {}))
    return (left_for(ctx, meeting, item) if item else f"{ctx.actor.display_name} has left meeting {meeting.number} "
            f"at {ctx.now.astimezone(ctx.terms.zone):%H:%M}.") + chair_left(ctx, meeting)


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


def attendance_now(ctx: Context, cmd: verbs.Attendance) -> Reply:
    try:
        meeting = ctx.meeting(None)
    except NotFound as none:  # asked after the meeting, by the secretary writing it up: where that attendance is
        held = ctx.session.scalar(select(Meeting.id).where(Meeting.group_id == ctx.group.id,
                                                           Meeting.status == "closed").limit(1))
        if held is None:
            raise
        raise NotFound(f"{none} `attendance register` shows who attended each meeting held.") from None
    return Reply(f"Attendance at meeting {meeting.number} ({meeting.status}):",
                 fields=roll_summary.summary(ctx, meeting), private=True)


def quorum_check(ctx: Context, cmd: verbs.Quorum) -> Reply:
    meeting = ctx.open_meeting()
    if meeting is None:
        raise NotFound("No meeting is open, so there is no quorum to check; "
                       + (unschedulable(ctx) or "the chair opens one with `meeting open`."))
    quorum = roll.quorum_of(ctx, meeting)
    verb = " is" if quorum.required is not None else ":"
    proviso = proviso_note(ctx.terms.quorum, quorum)
    # An answer of its own, below, not the meeting's card: that card keeps its roll call and buttons.
    return Reply(f"Meeting {meeting.number}{verb} {quorum.text}.",
                 notices=tuple(filter(None, (not_counted(ctx, meeting), proviso))))


def not_counted(ctx: Context, meeting: Meeting) -> str | None:
    """Who the roll lists present but the quorum does not count, holding no vote (CJCG 7.1's co-opted members; a
    lapsed term), so '2 members present' beside three names reads plainly; the secretariat and observers, listed
    "in attendance", are not named. None when there are none, or the ToR sets no quorum."""
    if ctx.terms.quorum is None:
        return None
    voting, officers = standing.voting_ids(ctx), non_members(ctx.session, ctx.group.id)
    seats = {m.person_id: m for m in ctx.memberships()}
    room = roll.in_the_room(roll.attendance(ctx, meeting))
    names = [f"{seat.person.display_name} ({seat.seat_title})" for row in room
             if row.status == "present" and row.member_id not in voting and row.member_id not in officers
             and (seat := seats.get(row.member_id)) is not None]
    if not names:
        return None
    return ctx.terms.quorum.cited("Present but not counted for the quorum, holding no vote: " + ", ".join(names)) + "."
