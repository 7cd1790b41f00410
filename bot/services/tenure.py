"""Terms that end: whether a person has just served a term in a seat, for ToRs that then want a new representative."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, select

from bot.errors import NotAllowed
from bot.grammar import mention
from bot.models import Membership, Person
from bot.rules.calendar import show_date
from bot.rules.tenure import held_until, new_holder_due
from bot.services.context import Context
from bot.services.standing import term_ended
from bot.terms import Seat


def served_a_term(ctx: Context, person_id: int, seat_title: str) -> bool:
    """Whether the person is the seat's latest holder and held it to the end of their term: the term ended while
    they held it (lapsed in place, or removed after it ended). A successor's term in between makes them new."""
    latest = ctx.session.scalar(select(Membership).where(
        Membership.group_id == ctx.group.id, Membership.seat_title == seat_title).order_by(Membership.id.desc())
        .limit(1))
    if latest is None or latest.person_id != person_id or latest.term_ends_on is None:
        return False
    if latest.ended_at is None:
        return term_ended(ctx, latest)
    return latest.term_ends_on < latest.ended_at.astimezone(ctx.terms.zone).date()


def refuse_occupied(seat: Seat, holding: Membership, person_id: int, person: str) -> None:
    """Refuse seating `person` where `holding` fills `seat`: while a term runs, from when they can be seated (its end,
    not the holder's removal on their last day); with no term, once the holder is removed."""
    holder = holding.person.display_name
    if holding.term_ends_on is not None and holding.person_id != person_id:
        raise NotAllowed(held_until(seat, holder, holding.term_ends_on, person))
    raise NotAllowed(f"{seat.title} is held by {holder}. Remove them first: `member remove {mention(holder)}`.")


# Those seated ahead of the day they take up their seat (`member add ... --from` a later day): context.SEATED leaves
# them out until that day.
PENDING = select(Membership).where(Membership.group_id == bindparam("group_id"), Membership.ended_at.is_(None),
                                   Membership.term_starts_on > bindparam("today")) \
    .order_by(Membership.term_starts_on, Membership.id)


def successors(ctx: Context) -> list[Membership]:
    """Those seated to take up a seat on a day still to come, the soonest first."""
    return list(ctx.session.scalars(PENDING, {"group_id": ctx.group.id, "today": ctx.today}))


def succeeded(seat: Seat, holding: Membership, person_id: int, person: str, start: dt.date, today: dt.date) -> bool:
    """Whether seating `person` from `start` succeeds `holding`, whose term ends before that day (PLPCP: a DCS
    "will stand for twelve months", a successor chosen ahead); else refuse as refuse_occupied does."""
    if start > today and holding.term_ends_on is not None and holding.term_ends_on < start and \
            holding.person_id != person_id:
        return True
    refuse_occupied(seat, holding, person_id, person)
    return False


def in_the_seat(ctx: Context, seat: Seat, person: Person, also: bool, start: dt.date) \
        -> tuple[Membership | None, Membership | None, Membership | None]:
    """What seating `person` in `seat` from `start` finds there: (lapsed, predecessor, own). `lapsed`, a holding whose
    term has ended, the seat awaiting (re)appointment, which the seating ends; `predecessor`, a holding a successor
    seated ahead follows on from (its term ends before `start`); `own`, the person's holding of the seat where `also`
    records a capacity on it. Refuses an occupied seat, or a person holding another."""
    lapsed = predecessor = None
    for membership in ctx.memberships():
        same_seat = membership.seat_title.casefold() == seat.title.casefold()
        if same_seat and term_ended(ctx, membership) and (membership.person_id == person.id
                                                          or not seat.several_holders):
            lapsed = membership
            continue
        if same_seat and membership.person_id == person.id and also:
            return None, None, membership
        if same_seat and not seat.several_holders and \
                succeeded(seat, membership, person.id, person.display_name, start, ctx.today):
            predecessor = membership
        if membership.person_id == person.id:
            raise NotAllowed(f"{person.display_name} already holds {membership.seat_title}.")
    if lapsed is not None and start > ctx.today:  # a successor's: the seat awaits them from `start`
        return None, lapsed, None
    return lapsed, predecessor, None


def refuse_pending(ctx: Context, seat: Seat, person_id: int, person: str) -> None:
    """Refuse seating `person` where they are already seated from a later day, or `seat` (held by one at a time)
    already has a successor recorded."""
    for later in successors(ctx):
        same_seat = later.seat_title.casefold() == seat.title.casefold() and not seat.several_holders
        if later.person_id == person_id or same_seat:
            raise NotAllowed(f"{later.person.display_name} takes up {later.seat_title} on "
                             f"{show_date(later.term_starts_on)}; nothing is changed. If that has changed, "
                             f"`member remove {mention(later.person.display_name)}` first.")


def cancel_successor(ctx: Context, person: Person) -> str | None:
    """`member remove @nadia` for one seated ahead of their first day: they will not take the seat up; None where
    `person` is not."""
    later = next((m for m in successors(ctx) if m.person_id == person.id), None)
    if later is None:
        return None
    later.ended_at = ctx.now
    ctx.audit("member.removed", person=person.id, seat=later.seat_title, before_start=later.term_starts_on)
    return (f"{person.display_name} will not take up {later.seat_title} on {show_date(later.term_starts_on)}; "
            "nothing else has changed.")


def taking_up(person: str, seat: Seat, start: dt.date, predecessor: Membership | None, term: str,
              today: dt.date) -> str:
    """`nadia takes up DCS North London on 15 Jan 2027, succeeding bob, whose term ends on 14 Jan 2027; term ends 14
    Jan 2028 (ToR Membership). ...`: a seat taken up on a day still to come."""
    ends = predecessor.term_ends_on if predecessor is not None else None
    after = f", succeeding {predecessor.person.display_name}, whose term {'ended' if ends < today else 'ends'} on " \
        f"{show_date(ends)}" if predecessor is not None and ends is not None else ""
    return (f"{person} takes up {seat.title} on {show_date(start)}{after}{term}. Until then {person} is not counted "
            "as a member.")


def successor(ctx: Context, membership: Membership) -> Membership | None:
    """The person seated ahead to take up `membership`'s seat when its term ends, if any."""
    return next((m for m in successors(ctx) if m.seat_title == membership.seat_title and
                 m.person_id != membership.person_id), None)


def succession(ctx: Context, membership: Membership) -> str:
    """`nadia takes it up on 15 Jan 2027, as recorded.` where a successor to `membership`'s seat is seated ahead;
    nothing where none is (the reminder then asks for one)."""
    later = successor(ctx, membership)
    return f"{later.person.display_name} takes it up on {show_date(later.term_starts_on)}, as recorded." \
        if later is not None else ""


def last_day(ctx: Context, membership: Membership, seat: Seat | None, ends_on: dt.date) -> str:
    """The channel's notice on a holder's last day in term: the successor recorded to take the seat up, or that a new
    representative is due (PLPCP: a new one after twelve months), or that the seat is vacant until renewed."""
    holder = membership.person.display_name
    text = f"{holder}'s term in the seat {membership.seat_title} ends today, {show_date(ends_on)}"
    add = f"`member add @person --seat \"{membership.seat_title}\"`"
    then = f": a new representative is due from tomorrow, {show_date(ends_on + dt.timedelta(days=1))} ({add})." \
        if new_holder_due(seat) else f": the seat is vacant until the term is renewed or the seat filled ({add})."
    if taken := succession(ctx, membership):
        then = f"; {taken}"
    return (seat.cited(text) if seat else text) + then


def next_nominator(ctx: Context, membership: Membership, seat: Seat | None, word: str) -> str:
    """Who names the seat's next standing deputy once `membership`'s term ends: the successor seated ahead, the new
    representative the ToR has appointed (PLPCP: never the same DCS again); nothing for a seat the holder may be
    renewed in."""
    holder = membership.person.display_name
    if (later := successor(ctx, membership)) is not None:
        return (f"{later.person.display_name} takes up the seat on {show_date(later.term_starts_on)}, as recorded, "
                f"and nominates their own {word}.")
    if new_holder_due(seat):
        return (f"{holder} cannot be reappointed: the new representative for {membership.seat_title} nominates "
                f"their own {word} once seated.")
    return ""


def has_left(ctx: Context, person_id: int) -> bool:
    """Whether the person held a seat in the group and holds none now (`member remove`): one named for a meeting's
    chair or minutes (LIEG 5.1, 5.2: a steering group member volunteers) no longer serves."""
    if any(m.person_id == person_id for m in ctx.memberships()):
        return False
    ended = list(ctx.session.scalars(select(Membership.ended_at).where(
        Membership.group_id == ctx.group.id, Membership.person_id == person_id)))
    return bool(ended) and all(at is not None for at in ended)  # not one seated ahead to take a seat up later
