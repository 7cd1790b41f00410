"""The order the minutes list those present in: the meeting's chair first, then the members in the group's
membership order (the ToR's seats, as `members` lists them), not the order the roll was recorded in (a member who
sent apologies and then came, or came late, is not listed first). Everyone else keeps the roll's order."""

from __future__ import annotations

from collections.abc import Sequence

from bot.models import Attendance
from bot.records.people import Seats
from bot.rules.tenure import NOT_MEMBERS
from bot.terms import Terms

NOT_IN_SEAT_ORDER = (2, 0)


def in_seat_order(rows: Sequence[Attendance], terms: Terms, held: Seats, chair_id: int | None) -> list[Attendance]:
    """`rows` (the roll, in the order recorded) with those present in seat order behind the chair (`held`: every
    seat held in the group, people.group_seats); the rest, apologies, absences, guests, keep their places among
    themselves, as do the secretariat and observers; members in a seat no longer in the ToR follow the others."""
    place = {seat.title.casefold(): index for index, seat in enumerate(terms.seats)}
    rank: dict[int, int] = {}
    for person_id, role, title in held:
        if role in NOT_MEMBERS:  # the secretariat and observers are in attendance, in the roll's order
            continue
        rank[person_id] = min(rank.get(person_id, len(place)), place.get(title.casefold(), len(place)))

    def key(row: Attendance) -> tuple[int, int]:
        if row.status != "present" or (row.member_id not in rank and row.member_id != chair_id):
            return NOT_IN_SEAT_ORDER
        return (0, 0) if row.member_id == chair_id else (1, rank.get(row.member_id, len(place)))
    return sorted(rows, key=key)
