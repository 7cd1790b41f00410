"""Attendance rules: consecutive absences and the cap per organisation. Pure, no I/O."""

from __future__ import annotations

from collections.abc import Iterable

ATTENDED = frozenset({"present", "deputised"})


def consecutive_misses(statuses_newest_first: Iterable[str], apologies_count: bool) -> int:
    """How many meetings in a row, counting back from the latest, the member did not attend.

    Apologies break the run unless the ToR counts them as absences.
    """
    misses = 0
    for status in statuses_newest_first:
        if status == "absent" or (status == "apologies" and apologies_count):
            misses += 1
        else:
            break
    return misses


def over_cap(attending_from_organisation: int, cap: int | None) -> bool:
    """Whether one more attendee from an organisation would exceed the ToR's cap."""
    return cap is not None and attending_from_organisation >= cap
