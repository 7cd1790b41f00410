"""Seats and terms: who sits on the group, in which seat, until when."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.errors import NotAllowed, NotFound, UsageError
from bot.models import Membership, Poll
from bot.replies import Reply
from bot.rules.calendar import parse_start, show_date, term_end
from bot.rules.chair import naming, seating_refusal
from bot.rules.composition import Breach, breaches
from bot.rules.powers import power_for
from bot.rules.tenure import awaiting, chair_term_words, new_holder_due, reappointment_refusal
from bot.services import lengths
from bot.services.authority import may, require
from bot.services.chairs import make_chair as make_chair
from bot.services.chairs import may_chair as may_chair
from bot.services.chairs import require_chair_agreed
from bot.services.composition import holdings, refuse_steering_as_capacity, standing_breaches, warnings_after
from bot.services.context import Context
from bot.services.lengths import kept
from bot.services.standing import term_ended
from bot.services.tenure import cancel_successor, in_the_seat, refuse_pending, served_a_term, successors, taking_up
from bot.terms import CHAIR_ROLES, Role, Seat
from bot.terms_powers import Act
from bot.verbs import MemberAdd, MemberRemove, Members

MOTION_REFERENCE = re.compile(r"\s*motion\s*(?:no\.?\s*|#\s*)?(\d+)\s*", re.IGNORECASE)  # "motion 2", "Motion #2"


def refuse_motion_not_carried(ctx: Context, act: Act, agreed: str | None) -> None:
    """Raise NotAllowed where `--agreed` names one of the group's motions by number ("motion 2") that does not
    exist or did not carry: it records no agreement (LCIIB Membership, "Subject to the agreement of the board").
    A reference in other words ("meeting of 12 Jan, minute 5") is taken as given."""
    named, power = MOTION_REFERENCE.fullmatch(agreed or ""), power_for(ctx.terms, act)
    if named is None or power.agreement is None or power.agreement.body is None:
        return
    number = int(named[1])
    poll = ctx.session.scalar(select(Poll).where(Poll.group_id == ctx.group.id, Poll.number == number))
    if poll is not None and poll.kind == "motion" and (poll.outcome or "").startswith("carried"):
        return
    why = f"there is no motion {number} in {ctx.terms.name}" if poll is None or poll.kind != "motion" else \
        f"motion {number} was not carried ({poll.outcome})" if poll.status == "closed" else \
        f"motion {number} is still {'open for votes' if poll.status == 'open' else poll.status}, not carried"
    raise NotAllowed(f"Under the ToR this needs the agreement of {power.agreement.body}{power.cite()}, and {why}. "
                     "Give the number of a motion that carried (`polls` lists them), or where the agreement was "
                     'made: `--agreed "meeting of 12 Jan, minute 5"`.')


def list_members(ctx: Context, cmd: Members) -> Reply:
    """Every seat with its holder and the end of their term."""
    held: dict[str, list[Membership]] = {}
    for m in ctx.holders():
        held.setdefault(m.seat_title.casefold(), []).append(m)
    later: dict[str, list[str]] = {}  # successors seated ahead of the day they take up the seat
    for m in successors(ctx):
        later.setdefault(m.seat_title.casefold(), []).append(f"{m.person.display_name} from "
                                                             f"{show_date(m.term_starts_on)}")
    rows = []
    for seat in ctx.terms.seats:
        holders = held.pop(seat.title.casefold(), [])
        label = seat.title + (f" ({seat.organisation})" if seat.organisation else "")
        steering = ", steering group" if seat.steering else ""  # LIEG 3.1: who plans, tables and approves
        holding = "; ".join(describe(ctx, m, seat.voting) + steering for m in holders) if holders else "vacant"
        rows.append((label, "; ".join([holding, *later.get(seat.title.casefold(), [])])))
    for membership in (m for ms in held.values() for m in ms):  # seats no longer in the ToR
        rows.append((membership.seat_title, describe(ctx, membership, False)))
    filled = sum(1 for _, v in rows if not v.startswith("vacant"))
    return Reply(text=f"{filled} of {len(ctx.terms.seats)} seats filled.", title=f"Members of {ctx.terms.name}",
                 fields=tuple(rows), private=True, notices=standing_breaches(ctx))


def describe(ctx: Context, membership: Membership | None, voting: bool) -> str:
    if membership is None:
        return "vacant"
    parts = [membership.person.display_name]
    role = membership.role.replace("_", "-")
    if membership.chair_term_ends_on:  # "chair until 15 Jan 2027", or that the ToR's term as chair has ended
        parts.append(chair_term_words(ctx.terms.chair, role, membership.chair_term_ends_on, ctx.today))
    elif membership.role != Role.MEMBER:
        parts.append(role)
    if not voting:
        parts.append("non-voting")
    if membership.also:
        parts.append(f"also {membership.also}")
    if membership.term_ends_on and term_ended(ctx, membership):
        seat = ctx.terms.seat(membership.seat_title)
        ended = f"term ended {show_date(membership.term_ends_on)}: {awaiting(seat)}"
        parts.append(seat.cited(ended) if seat else ended)
    elif membership.term_ends_on:
        parts.append(f"term ends {show_date(membership.term_ends_on)}")
    return ", ".join(parts)


def add_member(ctx: Context, cmd: MemberAdd) -> Reply:
    """Seat a person (whoever the ToR's powers name; a co-opted seat may need another body's agreement, recorded
    with --agreed). Refuses an unknown or occupied seat, and the chair for the secretariat or an observer."""
    if not may(ctx, Act.CO_OPT_MEMBER):  # refused before the seat is looked at, naming the power the seat asks
        named = ctx.terms.seat(cmd.seat) if cmd.seat else None
        co_opting = (named is not None and named.role == Role.CO_OPTED) or (cmd.role or "").casefold() == "co_opted"
        require(ctx, Act.CO_OPT_MEMBER if co_opting else cmd.act,
                "co-opt members" if co_opting else "add members")
    seat, role = seat_and_role(ctx, cmd)
    agreed = kept((cmd.agreed or "").strip(), lengths.NOTE, "reference to the agreement") or None
    co_opted = role == Role.CO_OPTED or seat.role == Role.CO_OPTED
    require(ctx, Act.CO_OPT_MEMBER if co_opted else cmd.act, "co-opt members" if co_opted else "add members",
            agreed=agreed)
    refuse_motion_not_carried(ctx, Act.CO_OPT_MEMBER if co_opted else cmd.act, agreed)
    require_chair_may_hold(ctx, seat, role)
    person = ctx.person(cmd.person)
    also = kept((cmd.also or "").strip(), lengths.NOTE, "capacity") or None
    refuse_steering_as_capacity(ctx, person.display_name, seat.title, also or "")
    before = breaches(ctx.terms, holdings(ctx))
    start = parse_start(cmd.from_, ctx.today) if cmd.from_ else ctx.today
    lapsed, predecessor, own = in_the_seat(ctx, seat, person, bool(also), start)
    if own is not None and also:
        return record_capacity(ctx, own, also, before)
    if new_holder_due(seat) and served_a_term(ctx, person.id, seat.title):
        raise NotAllowed(reappointment_refusal(seat, person.display_name))
    require_chair_agreed(ctx, seat.title, role, person.display_name, agreed)  # after: the seat is free to fill
    refuse_pending(ctx, seat, person.id, person.display_name)
    ends = term_end(start, seat.term_months) if seat.term_months else None
    chair_ends = term_end(start, ctx.terms.chair.term_months) if role in CHAIR_ROLES and \
        ctx.terms.chair.term_months else None
    if lapsed is not None:
        if lapsed.person_id != person.id:
            require_open_meeting_keeps_a_chair(ctx, lapsed, f"seating {person.display_name} in {seat.title}",
                                               successor_chairs=role in CHAIR_ROLES)
        lapsed.ended_at = ctx.now
        ctx.audit("member.term_ended", person=lapsed.person_id, seat=lapsed.seat_title, term_ended=lapsed.term_ends_on)
    ctx.session.add(Membership(group_id=ctx.group.id, person_id=person.id, seat_title=seat.title, role=role,
                               term_starts_on=start, term_ends_on=ends, chair_term_ends_on=chair_ends, also=also))
    ctx.memberships_changed()
    ctx.audit("member.seated", person=person.id, seat=seat.title, role=role, term_ends=ends, agreed=agreed,
              also=also)
    term = seat.cited(f"; term ends {show_date(ends)}") if ends else ""
    if agreed:
        term += f"; agreed: {agreed}"
    notices = warnings_after(ctx, seat.title, before)
    if start > ctx.today:
        return Reply(taking_up(person.display_name, seat, start, predecessor, term, ctx.today), notices=notices)
    if lapsed is not None and lapsed.person_id == person.id:
        return Reply(f"{person.display_name} is reappointed to {seat.title} as {role.replace('_', '-')} for a new "
                     f"term from {show_date(start)}{term}.", notices=notices)
    capacity = f", also {also}" if also else ""
    return Reply(f"{person.display_name} now holds {seat.title} as {role.replace('_', '-')}{capacity}{term}.",
                 notices=notices)


def record_capacity(ctx: Context, membership: Membership, also: str, before: list[Breach]) -> Reply:
    """Record that a seat holder also holds `also` (a capacity a composition rule asks about)."""
    membership.also = also
    ctx.audit("member.capacity", person=membership.person_id, seat=membership.seat_title, also=also)
    return Reply(f"{membership.person.display_name} ({membership.seat_title}) is recorded as also {also}.",
                 notices=warnings_after(ctx, membership.seat_title, before))


def seat_and_role(ctx: Context, cmd: MemberAdd) -> tuple[Seat, Role]:
    """The seat `--seat` names and the role `--role` gives (the seat's own by default); UsageError or NotFound
    saying what would work."""
    title = cmd.seat
    if not title and cmd.also:  # `member add @erin --also "..."`: the one seat erin holds
        person = ctx.person(cmd.person)
        held = [m.seat_title for m in ctx.memberships() if m.person_id == person.id]
        title = held[0] if len(held) == 1 else None
    if not title:
        raise UsageError(f'Say which seat with --seat "title". {vacancies(ctx)}')
    seat = ctx.terms.seat(title)
    if seat is None:
        guest = ctx.terms.guests.cited(" Someone who attends a meeting without a seat is recorded at it as a guest") \
            + ': `guest @person --from "organisation"`.' if "guests" in ctx.terms.model_fields_set and \
            ctx.terms.guests.allowed else ""  # CJCG 7.1's "Subject experts as required"
        raise NotFound(f"The ToR has no seat '{title[:80]}'. {vacancies(ctx)} Seats are those the ToR file lists: "
                       f"add it there and load the file again (govbot group import FILE).{guest}")
    if not cmd.role:
        return seat, seat.role
    try:
        return seat, Role(cmd.role.casefold().replace("-", "_"))
    except ValueError:
        raise UsageError(f"--role must be one of {', '.join(r.value for r in Role)}.") from None


def vacancies(ctx: Context) -> str:
    """The vacant seats, briefly: what `member add` can fill."""
    held = {m.seat_title.casefold() for m in ctx.memberships()}
    vacant = [s.title for s in ctx.terms.seats if s.title.casefold() not in held]
    if not vacant:
        return "Every seat is filled; say `members` to see them."
    shown = "; ".join(vacant[:3]) + (f"; and {len(vacant) - 3} more" if len(vacant) > 3 else "")  # a reply kept short
    return f"Vacant seats: {shown}. Say `members` for every seat."


def require_chair_may_hold(ctx: Context, seat: Seat, role: Role) -> None:
    """Refuse a chair role for a seat that is not a voting member's (the secretariat and observers are not
    members), and any chair by seating where the ToR has the group elect it or choose one each meeting."""
    refusal = seating_refusal(ctx.terms, seat, role)
    if refusal is not None:
        raise NotAllowed(refusal)


def remove_member(ctx: Context, cmd: MemberRemove) -> Reply:
    require(ctx, cmd.act, "remove members")
    person = ctx.person(cmd.person)
    membership = ctx.membership(person)
    if membership is None and (cancelled := cancel_successor(ctx, person)) is not None:
        return Reply(cancelled)
    if membership is None:
        raise NotFound(f"{person.display_name} holds no seat in {ctx.terms.name}. Say `members` to see who does.")
    require_open_meeting_keeps_a_chair(ctx, membership, f"removing {person.display_name}")
    before = breaches(ctx.terms, holdings(ctx))
    membership.ended_at = ctx.now
    ctx.memberships_changed()
    ctx.audit("member.removed", person=person.id, seat=membership.seat_title)
    # a seat several hold at once (LCIIB's co-opted theme leads) stays with the others
    others = [m.person.display_name for m in ctx.memberships() if m.seat_title == membership.seat_title]
    left = f"{', '.join(others)} still {'holds' if len(others) == 1 else 'hold'} it" if others else "the seat is vacant"
    return Reply(f"{person.display_name} no longer holds {membership.seat_title}; {left}.",
                 notices=warnings_after(ctx, membership.seat_title, before))


def require_open_meeting_keeps_a_chair(ctx: Context, leaving: Membership, doing: str,
                                      successor_chairs: bool = False) -> None:
    """Refuse `doing` (ending `leaving`'s seat) when it would leave the group's open meeting with nobody in the
    chair: `leaving` is the chair named for that meeting, or holds the group's last chair role and no successor
    takes it (`successor_chairs`). Raises NotAllowed saying what would work; handing over with `chair @person`
    first is fine, since the new chair takes the meeting over."""
    meeting = ctx.open_meeting()
    if meeting is None:
        return
    named = meeting.chair_id == leaving.person_id
    last_chair = meeting.chair_id is None and leaving.role in CHAIR_ROLES and not successor_chairs and \
        not any(m.role in CHAIR_ROLES for m in ctx.memberships() if m.id != leaving.id)
    if not (named or last_chair):
        return
    who = leaving.person.display_name
    refusal = ctx.terms.chair.cited(f"{who} chairs meeting {meeting.number}, which is open, so {doing} now would "
                                    "leave it with nobody in the chair") + "."
    if named:  # the meeting's own chair stays for the whole meeting: `chair @person` names the group's chair
        raise NotAllowed(f"{refusal} Close the meeting first with `meeting close`, then try again.")
    raise NotAllowed(f"{refusal} Close the meeting first with `meeting close`, or make another member chair with "
                     f"`{naming(ctx.terms)}` first, then try again.")
