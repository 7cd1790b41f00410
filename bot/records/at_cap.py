"""Those not there because their organisation had its cap attending (LIEG 2.1: "a maximum of two attending at any one
time"): the roll keeps them absent, yet the ToR kept them out and their authority attended in full, so the close,
the `attendance` reply and the minutes list them apart from those who did not come."""

from __future__ import annotations

from collections import Counter

from bot.models import Attendance
from bot.records.people import Seats
from bot.rules.attendance import ATTENDED, GUEST
from bot.terms import Terms


def organisations(terms: Terms, held: Seats) -> dict[int, str]:
    """The organisation each seat holder's attendance is capped for (their capped seat's organisation)."""
    found: dict[int, str] = {}
    for person_id, _, title in held:
        seat = terms.seat(title)
        if seat is not None and seat.organisation and terms.attendance.counts(seat.title):
            found[person_id] = seat.organisation
    return found


def kept_out(terms: Terms, held: Seats, rows: list[Attendance]) -> dict[int, str]:
    """{member id: organisation} of each member minuted absent whose organisation had as many attending as the ToR's
    cap allows (each member or deputy in their place, each beside a member, each guest from it); empty where the
    ToR sets no cap."""
    cap = terms.attendance.max_per_organisation
    if cap is None:
        return {}
    capped = organisations(terms, held)
    came: Counter[str] = Counter()
    for row in rows:
        if row.status == GUEST and row.organisation:
            came[row.organisation.casefold()] += 1
        elif row.status in ATTENDED and row.member_id in capped:
            came[capped[row.member_id].casefold()] += 1 + (row.status == "present" and row.deputy_id is not None)
    return {row.member_id: capped[row.member_id] for row in rows if row.status == "absent"
            and row.member_id in capped and came[capped[row.member_id].casefold()] >= cap}


def cap_words(terms: Terms) -> str:
    """`at most 2 per organisation at once, ToR 2.1`: the cap, and its clause where the ToR file gives one."""
    cap, cite = terms.attendance.max_per_organisation, terms.attendance.cap_rule.cite()
    return f"at most {cap} per organisation at once" + (f", {cite[1:-1]}" if cite else "")


def kept_out_heading(terms: Terms) -> str:
    """The minutes' line for them: `Not attending, their organisation having 2 attending (at most 2 per
    organisation at once, ToR 2.1)`."""
    return f"Not attending, their organisation having {terms.attendance.max_per_organisation} attending " \
        f"({cap_words(terms)})"


def kept_out_note(terms: Terms, organisation: str) -> str:
    """What the roll's `Not attending` adds after a name: ` (Barnet had 2 attending, at most 2 per organisation at
    once; ToR 2.1)`."""
    cap, cite = terms.attendance.max_per_organisation, terms.attendance.cap_rule.cite()
    return f" ({organisation} had {cap} attending, at most {cap} per organisation at once" + \
        (f"; {cite[1:-1]})" if cite else ")")
