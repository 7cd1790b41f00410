"""What happens when a seat's term ends, as the ToR says: renewable, or a new holder. Pure, no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol, TypeVar

from bot.grammar import mention
from bot.rules.calendar import show_date, term_ended
from bot.terms import Role, Seat
from bot.terms_rules import ChairRule

# They attend, but are not members: they neither vote nor count, and have no deputies of their own.
NOT_MEMBERS = frozenset({Role.SECRETARIAT, Role.OBSERVER})


class SeatHeld(Protocol):
    """A seat as the record holds it, all that the rules on members, votes and chairs read of it
    (bot.models.Membership is one; a test may pass any object with these attributes)."""

    @property
    def person_id(self) -> int: ...
    @property
    def seat_title(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def term_ends_on(self) -> dt.date | None: ...
    @property
    def chair_term_ends_on(self) -> dt.date | None: ...


def term_over(held: SeatHeld | None, today: dt.date) -> bool:
    """Whether the seat's term ended before `today`, in the group's zone (its last day is still in term)."""
    return held is not None and term_ended(held.term_ends_on, today)


def is_member(held: SeatHeld | None, today: dt.date) -> bool:
    """A member of the group in term: the secretariat and observers attend, but are not members."""
    return held is not None and held.role not in NOT_MEMBERS and not term_over(held, today)


def new_holder_due(seat: Seat | None) -> bool:
    """The ToR has a new representative appointed at the end of this seat's term, never the same person."""
    return seat is not None and seat.at_term_end == "new_holder"


def reappointment_refusal(seat: Seat, person: str) -> str:
    """Why `person`, whose term in `seat` has ended, may not be reappointed to it, and what would work."""
    return (seat.cited(f"{person} has served a term in {seat.title}, and the ToR says a new representative is "
                       "appointed after it") + f". Seat someone else: `member add @person --seat \"{seat.title}\"`.")


def awaiting(seat: Seat | None) -> str:
    """How `members` describes a seat whose term has ended: who is awaited."""
    return "a new representative is due" if new_holder_due(seat) else "seat awaiting reappointment"


def at_term_end(seat: Seat | None, holder: str) -> str:
    """The reminder's last sentence for a term ending: a new representative is due, or the term may be renewed."""
    if new_holder_due(seat):
        assert seat is not None
        return (seat.cited(f"{holder} cannot be reappointed: the ToR has a new representative appointed when the "
                           "term ends") + f". Plan who is seated next: `member add @person --seat \"{seat.title}\"`.")
    if seat is not None and "at_term_end" in seat.model_fields_set:  # the ToR says so in as many words
        return seat.cited("The ToR allows the term to be renewed") + f": reappoint {holder} or seat a successor."
    return "Plan the renewal or a successor."


def until_reappointed(seat: Seat | None, subject: str = "") -> str:
    """` until you are reappointed` (subject `you are `) for a renewable seat; nothing where a new holder is due."""
    return "" if new_holder_due(seat) else f" until {subject}reappointed"


def lapsed_hint(seat: Seat | None, seat_title: str, person: str, whom: str) -> str:
    """Who restores a holder whose term has ended (`whom`: you, them): the chair or secretariat reappoints them,
    or, where the ToR has a new representative appointed, seats someone else."""
    if new_holder_due(seat):
        return (f"The ToR has a new representative appointed to {seat_title}; the chair or secretariat seats them: "
                f"`member add @person --seat \"{seat_title}\"`.")
    return f"The chair or secretariat can reappoint {whom}: `member add {mention(person)} --seat \"{seat_title}\"`."


def chair_term_words(rule: ChairRule, role: str, ends_on: dt.date, today: dt.date) -> str:
    """`chair until 15 Jan 2027`, or, once that day is past, that the term as chair ended, citing the ToR's chair
    clause: `members` and the dashboard say it alike."""
    if ends_on < today:
        return rule.cited(f"{role}'s term ended {show_date(ends_on)}")
    return f"{role} until {show_date(ends_on)}"


def held_until(seat: Seat, holder: str, ends_on: dt.date, person: str) -> str:
    """Why `person` cannot be seated yet where `holder`'s term in `seat` runs until `ends_on`, and from when they can
    (PLPCP: "a new representative ... will be appointed" after twelve months): not by removing the holder early."""
    successor = "the new representative" if new_holder_due(seat) else "a successor, or reappoint them,"
    return (seat.cited(f"{seat.title} is held by {holder} until their term ends on {show_date(ends_on)}")
            + f": seat {successor} from {show_date(ends_on + dt.timedelta(days=1))}, with `member add "
            f"{mention(person)} --seat \"{seat.title}\"` then. If {holder} is leaving the seat before then, "
            f"`member remove {mention(holder)}` first.")


class Holding(Protocol):
    seat_title: str
    term_starts_on: dt.date
    term_ends_on: dt.date | None


H = TypeVar("H", bound=Holding)


def holding_on(seated: Iterable[H], today: dt.date) -> list[H]:
    """Of the seats held (none ended), those held on `today`, as bot/services/context.py's SEATED reads them: not a
    successor's seated ahead of their first day, nor, from that day, the predecessor whose term ended before it."""
    rows = list(seated)
    begun = [row for row in rows if row.term_starts_on <= today]
    return [row for row in begun if row.term_ends_on is None or not any(
        later is not row and later.seat_title == row.seat_title and later.term_starts_on > row.term_ends_on
        for later in begun)]
