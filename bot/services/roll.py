"""The roll call of a meeting: who is present, deputised, absent or sent apologies, and the quorum it gives."""

from __future__ import annotations

from sqlalchemy import bindparam, or_, select

from bot.errors import NotAllowed
from bot.grammar import mention
from bot.models import Attendance, DeputyNomination, Meeting, Person
from bot.rules.attendance import ATTENDED, GUEST, cap_refusal
from bot.rules.chair import holds_chair
from bot.rules.deputies import attending_refusal, beside_words, command, may_send, stays_beside, voting_words
from bot.rules.in_force import and_list
from bot.rules.quorum import Quorum, of_roll
from bot.rules.voting import casters_present, lapsed_note
from bot.services.context import Context
from bot.services.deputy_eligibility import absent_of, ineligible, ineligible_for_all, require_entitled, require_free
from bot.services.guest_seats import guest_hint, no_deputies
from bot.services.record_lock import require_unlocked
from bot.services.roll_rows import add_rows
from bot.services.roll_rows import attendance as attendance
from bot.services.roll_rows import row_for as row_for
from bot.services.standing import voting_ids


def set_status(ctx: Context, meeting: Meeting, member: Person, status: str, *, deputy: Person | None = None,
               reason: str | None = None) -> Attendance:
    require_unlocked(ctx, meeting.id, "a change to its attendance")
    row = row_for(ctx, meeting, member)
    new = row is None
    if row is None:
        row = Attendance(meeting_id=meeting.id, member_id=member.id, status=status, recorded_at=ctx.now)
    row.status, row.deputy_id, row.reason, row.recorded_at = status, deputy.id if deputy else None, reason, ctx.now
    row.left_at = None
    # Apologies stand when a deputy then attends in the member's place; turning up in person withdraws them.
    row.apologies_at = ctx.now if status == "apologies" else row.apologies_at if status == "deputised" else None
    if new:
        add_rows(ctx, meeting, [row])  # flushed, and the roll read above kept with it
    else:
        ctx.session.flush()
    return row


def organisation_of(ctx: Context, member_id: int) -> str | None:
    """The organisation the ToR's cap counts the member against; None for a seat it does not cap."""
    membership = next((m for m in ctx.memberships() if m.person_id == member_id), None)
    seat = ctx.terms.seat(membership.seat_title) if membership else None
    return seat.organisation if seat and ctx.terms.attendance.counts(seat.title) else None


def check_cap(ctx: Context, meeting: Meeting, member: Person, *, beside: bool = False) -> None:
    """Refuse one more attendee from an organisation already at the ToR's cap: `member` (or their deputy in
    their place), or, `beside` them, one more with the member present."""
    rule = ctx.terms.attendance
    organisation = organisation_of(ctx, member.id)
    if rule.max_per_organisation is None or organisation is None:
        return
    here = attendees_for(ctx, meeting, organisation, but=None if beside else member.id)
    refusal = cap_refusal(rule, organisation, len(here))
    if refusal is not None:
        listed = and_list(here) if here else ""
        raise NotAllowed(f"{refusal} Attending for {organisation} now: {listed}; one of them can say "
                         "`leaving` to make room.")


def attendees_for(ctx: Context, meeting: Meeting, organisation: str, *, but: int | None = None) -> list[str]:
    """Who attends `meeting` for `organisation` now, by name, as the cap counts them (LIEG 2.1); `but` aside."""
    rows = [a for a in attendance(ctx, meeting) if a.status in ATTENDED and organisation_of(ctx, a.member_id) ==
            organisation]
    # Everyone there now ("at any one time"): each not left, anyone beside a member (staying on if they leave), guests.
    here: list[str] = []
    for a in rows:
        member_name = name_of(ctx, a.member_id)
        if a.left_at is None and a.member_id != but:
            here.append(member_name if a.status == "present" else
                        f"{name_of(ctx, a.deputy_id)} ({ctx.terms.deputies.word} for {member_name})")
        if a.status == "present" and a.deputy_id is not None and a.beside_left_at is None:
            gone = f", who left at {a.left_at.astimezone(ctx.terms.zone):%H:%M}" if a.left_at else ""
            here.append(f"{name_of(ctx, a.deputy_id)} (beside {member_name}{gone})")
    here += [f"{name_of(ctx, a.member_id)} (guest)" for a in attendance(ctx, meeting) if a.status == GUEST
             and a.left_at is None and (a.organisation or "").casefold() == organisation.casefold()]
    return here


def name_of(ctx: Context, person_id: int | None) -> str:
    person = ctx.session.get(Person, person_id) if person_id is not None else None
    return person.display_name if person else "someone"


def mark_present(ctx: Context, meeting: Meeting, member: Person) -> str:
    """Record a member present; a deputy attending for them stands down."""
    row = row_for(ctx, meeting, member)
    if row is not None and row.status == "present" and row.left_at is not None:
        require_unlocked(ctx, meeting.id, "a change to its attendance")
        check_cap(ctx, meeting, member)  # others of their organisation may have come while they were out
        row.left_at = None
        ctx.audit("attendance.returned", meeting=meeting.id, member=member.id)
        return f"{member.display_name} is back at meeting {meeting.number}."
    if row is not None and row.status == "present":
        return f"{member.display_name} is already recorded present."
    check_cap(ctx, meeting, member)
    stood_down = ctx.session.get(Person, row.deputy_id) if row is not None and row.deputy_id else None
    row = set_status(ctx, meeting, member, "present")
    if stood_down is not None:  # they attended (and may have voted) until now: the roll and minutes keep them
        row.relieved_id, row.relieved_at = stood_down.id, ctx.now
    ctx.audit("attendance.present", meeting=meeting.id, member=member.id,
              **({"relieved": stood_down.id} if stood_down is not None else {}))
    text = f"{member.display_name} is present."
    if stood_down is not None:
        text += f" {stood_down.display_name} no longer {ctx.terms.deputies.stands_in()} for them" + beside_words(
            ctx.terms.deputies, stood_down.display_name, member.display_name)
    # why a member present neither votes nor counts for quorum: their term has ended
    return text + lapsed_note(ctx.terms, ctx.membership(member), ctx.today, member.display_name)


IN_FORCE = (DeputyNomination.group_id == bindparam("group_id"), DeputyNomination.revoked_at.is_(None),
            or_(DeputyNomination.meeting_id == bindparam("meeting_id"), DeputyNomination.meeting_id.is_(None)))
NAMING_DEPUTY = select(DeputyNomination).where(DeputyNomination.deputy_id == bindparam("person_id"), *IN_FORCE)
NAMED_BY = select(DeputyNomination.id).where(DeputyNomination.member_id == bindparam("person_id"), *IN_FORCE).limit(1)


def nominations_for(ctx: Context, meeting: Meeting, deputy: Person) -> list[DeputyNomination]:
    """Nominations naming `deputy` that are in force for `meeting` (statement built once)."""
    return list(ctx.session.scalars(NAMING_DEPUTY, {"group_id": ctx.group.id, "person_id": deputy.id,
                                                    "meeting_id": meeting.id}))


def deputy_named(ctx: Context, meeting: Meeting, member: Person) -> bool:
    return ctx.session.scalar(NAMED_BY, {"group_id": ctx.group.id, "person_id": member.id,
                                         "meeting_id": meeting.id}) is not None


def mark_deputising(ctx: Context, meeting: Meeting, for_member: Person | None) -> str:
    """Record the speaker attending as a deputy for an absent member who nominated them."""
    rule = ctx.terms.deputies
    if not rule.allowed:
        raise NotAllowed(no_deputies(ctx, for_member))
    seated = {m.person_id for m in ctx.memberships()}
    nominations = [n for n in nominations_for(ctx, meeting, ctx.actor) if n.member_id in seated]
    if for_member is not None:
        nominations = [n for n in nominations if n.member_id == for_member.id]
    if not nominations:
        raise NotAllowed(not_named(ctx, for_member))
    members = absent_of(ctx, meeting, {n.member_id: n.member for n in nominations})
    if len(members) > 1:
        names = ", ".join(p.display_name for p in members.values())
        which = " or ".join(f"`here --for {mention(p.display_name)}`" for p in members.values())
        raise NotAllowed(f"You are {rule.word} for {names}; say which: {which}.")
    member = next(iter(members.values()))
    seat_held = ctx.membership(member)
    if seat_held is not None:
        require_entitled(ctx, seat_held)  # e.g. the member's term ended after they named the deputy
    row = row_for(ctx, meeting, member)
    left = f"{row.left_at.astimezone(ctx.terms.zone):%H:%M}" if row is not None and row.left_at else None
    refusal = attending_refusal(rule, member.display_name, row is not None and row.status == "present", left)
    if refusal is not None:
        raise NotAllowed(refusal)
    if row is not None and row.status == "deputised" and row.deputy_id == ctx.actor.id:
        if row.left_at is None:
            return f"You are already recorded as {rule.word} for {member.display_name}."
        require_free(ctx, meeting, member)  # left carol's seat for dan's: not back in carol's while in dan's
        require_unlocked(ctx, meeting.id, "a change to its attendance")
        check_cap(ctx, meeting, member)
        row.left_at = None
        ctx.audit("attendance.returned", meeting=meeting.id, member=member.id, deputy=ctx.actor.id)
        return f"{ctx.actor.display_name} is back at meeting {meeting.number} as {rule.word} for {member.display_name}."
    if row is not None and row.status == "present":
        return attend_beside(ctx, meeting, member, row)
    require_free(ctx, meeting, member)
    check_cap(ctx, meeting, member)
    set_status(ctx, meeting, member, "deputised", deputy=ctx.actor, reason=row.reason if row else None)
    ctx.audit("attendance.deputised", meeting=meeting.id, member=member.id, deputy=ctx.actor.id)
    votes = voting_words(rule, attending=True)
    return rule.cited(f"{ctx.actor.display_name} is attending as {rule.word} for {member.display_name} "
                      f"and {votes}") + "."


def not_named(ctx: Context, for_member: Person | None) -> str:
    """Why the speaker may not attend as a deputy: no member (or not `for_member`) named them; and who may name
    them, or, where the ToR would refuse them as a deputy, why (never "a member can name you" that the ToR bars)."""
    rule, me = ctx.terms.deputies, ctx.actor.display_name
    unseated = "" if ctx.membership(ctx.actor) is not None else f"You hold no seat in {ctx.terms.name} and "
    # a member is never named one (bot.services.deputies.nominate): they attend in their own right
    gap = ineligible_for_all(ctx, ctx.actor, for_member) if unseated else \
        f"You hold a seat in {ctx.terms.name} and attend in your own right: say `here`."
    hint = guest_hint(ctx) if unseated else ""
    # a ToR with standing deputies only (PLPCP's alternates) names none for one meeting
    named = f"{rule.word} for this meeting" if rule.per_meeting else f"standing {rule.word}"
    if for_member is not None:
        said = f"{unseated}{for_member.display_name} has not named you their {named}"
        naming = rule.cited(f"{for_member.display_name} can name you with `{command(rule)} {mention(me)}`")
        return said + (f". {gap}" if gap else f"; {naming}.")
    nobody = f"{unseated}no member has" if unseated else "No member has"
    how = f" {gap}" if gap else " " + rule.cited(f"{namer(ctx)} can: `{command(rule)} {mention(me)}`") + "."
    return f"{nobody} named you their {named}.{how}{hint}"


def namer(ctx: Context) -> str:
    """Who can name the speaker their deputy: the one member whose seat the ToR file lists them for (PLPCP: quinn,
    West London's alternate, is erin's to name), else "A member"."""
    able = [m for m in ctx.memberships() if may_send(ctx.terms, m, ctx.today)
            and ineligible(ctx, ctx.actor, m.seat_title) is None]
    return f"{able[0].person.display_name} ({able[0].seat_title})" if len(able) == 1 else "A member"


def attend_beside(ctx: Context, meeting: Meeting, member: Person, row: Attendance) -> str:
    """Record the speaker, a deputy, beside `member`, who is present and keeps the vote (`deputies.alongside`)."""
    rule, me = ctx.terms.deputies, ctx.actor.display_name
    back = row.deputy_id == ctx.actor.id and row.beside_left_at is not None
    if row.deputy_id == ctx.actor.id and not back:  # again: still beside the member, or one who has left (LIEG 2.4)
        return stays_beside(rule, member.display_name, row.left_at.astimezone(ctx.terms.zone) if row.left_at else None)
    if row.deputy_id is None or back:
        check_cap(ctx, meeting, member, beside=True)
    row.beside_left_at = None
    require_unlocked(ctx, meeting.id, "a change to its attendance")
    row.deputy_id = ctx.actor.id  # recorded_at stays the member's arrival, which the minutes give
    ctx.audit("attendance.beside", meeting=meeting.id, member=member.id, deputy=ctx.actor.id)
    if row.left_at is not None:  # the member has left: the vote waits for them, it does not pass to the deputy
        left = f"{row.left_at.astimezone(ctx.terms.zone):%H:%M}"
        return rule.cited(f"{me} attends with {member.display_name}, who left at {left}, as an additional "
                          f"individual; {me} does not vote: {member.display_name}'s vote stays with "
                          f"{member.display_name}, who votes again on coming back") + "."
    return rule.cited(f"{me} attends with {member.display_name} as an additional individual, as the ToR "
                      f"encourages; {member.display_name} votes, {me} does not") + "."


def voters_present(ctx: Context, meeting: Meeting) -> dict[int, int]:
    """Those entitled to vote at the meeting: {member id: id of whoever casts their vote}
    (bot.rules.voting.casters_present, from its roll call so far)."""
    return casters_present(in_the_room(attendance(ctx, meeting)), voting_ids(ctx), ctx.terms.deputies.may_vote)


def quorum_of(ctx: Context, meeting: Meeting) -> Quorum:
    """The quorum verdict for a meeting from its roll call so far (bot.rules.quorum.of_roll)."""
    # A chair whose term (as chair, or in their seat) has ended is not the chair (bot.rules.chair.holds_chair).
    chairs = {m.person_id for m in ctx.memberships() if holds_chair(ctx.terms, m, ctx.today)}
    if meeting.chair_id:
        chairs.add(meeting.chair_id)
    return of_roll(ctx.terms, in_the_room(attendance(ctx, meeting)), voting=voting_ids(ctx), chairs=chairs)


def in_the_room(rows: list[Attendance]) -> list[Attendance]:
    """The roll without those who left early: they attended, but count for quorum and vote no more."""
    return [row for row in rows if row.left_at is None]


def attending_row(ctx: Context, meeting: Meeting, person: Person) -> Attendance | None:
    """The row by which `person` counts at `meeting`: theirs as a member present, or the member's they deputise for."""
    return next((row for row in attendance(ctx, meeting) if (row.status == "present" and row.member_id == person.id)
                 or (row.status == "deputised" and row.deputy_id == person.id)), None)
