"""Days people do not expect a meeting: weekends and the bank holidays of England and Wales (the seed groups are
English), as the `holidays` package keeps them: the regular ones, their substitute days and the one-off days
proclaimed for a single year (the coronation on 8 May 2023). Pure: no clock, no record."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from bot.rules.calendar import show_date

OBSERVED = " (observed)"


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> dict[dt.date, str]:
    """The bank holidays of England and Wales in `year`, a weekend one's substitute day named as such."""
    # Imported on first use (~0.06 s, and ~0.15 s more here: the country table imports every country's module),
    # which the processes that never schedule a meeting (a migration, a server's start, a reminder pass) skip.
    import holidays

    days = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return {day: f"substitute day for {name.removesuffix(OBSERVED)}" if name.endswith(OBSERVED) else name
            for day, name in days.items()}


def day_note(day: dt.date, number: int | str = "N") -> str | None:
    """A gentle note for meeting `number` on a weekend or a bank holiday of England and Wales; None for a working
    day."""
    holiday = bank_holidays(day.year).get(day)
    if holiday is not None:
        what = f"a bank holiday in England and Wales ({holiday})"
    elif day.weekday() >= 5:
        what = f"a {day:%A}"
    else:
        return None
    return (f"{show_date(day)} is {what}; the ToR does not forbid it, but members may not expect a meeting then. "
            f"To move it, cancel it with `meeting cancel {number}` and schedule another day.")
