"""Days people do not expect a meeting: weekends and the bank holidays of England and Wales (the seed groups are
English). Pure: the regular holidays by rule, with the usual substitute days; a one-off holiday proclaimed for a
single year (a coronation, a jubilee) is not known."""

from __future__ import annotations

import datetime as dt

from bot.rules.calendar import show_date

DAY = dt.timedelta(days=1)


def easter(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    month, day = divmod(h + m - 7 * ((a + 11 * h + 22 * m) // 451) + 114, 31)
    return dt.date(year, month, day + 1)


def monday(day: dt.date, step: int) -> dt.date:
    """The first Monday on or after `day` (step 1), or the last on or before it (step -1)."""
    while day.weekday() != 0:
        day += step * DAY
    return day


def bank_holidays(year: int) -> dict[dt.date, str]:
    """The regular bank holidays of England and Wales in `year`, a weekend one moved to the next free weekday."""
    holidays = {easter(year) - 2 * DAY: "Good Friday", easter(year) + DAY: "Easter Monday",
                monday(dt.date(year, 5, 1), 1): "Early May bank holiday",
                monday(dt.date(year, 5, 31), -1): "Spring bank holiday",
                monday(dt.date(year, 8, 31), -1): "Summer bank holiday"}
    fixed_days = ((dt.date(year, 1, 1), "New Year's Day"), (dt.date(year, 12, 25), "Christmas Day"),
                  (dt.date(year, 12, 26), "Boxing Day"))
    # a day on a weekday keeps its place first: Christmas on a Sunday is moved past Boxing Day on the Monday
    for fixed, name in sorted(fixed_days, key=lambda held: held[0].weekday() >= 5):
        day = fixed
        while day.weekday() >= 5 or day in holidays:
            day += DAY
        holidays[day] = name if day == fixed else f"substitute day for {name}"
    return holidays


def day_note(day: dt.date) -> str | None:
    """A gentle note for a meeting on a weekend or a bank holiday of England and Wales; None for a working day."""
    holiday = bank_holidays(day.year).get(day)
    if holiday is not None:
        what = f"a bank holiday in England and Wales ({holiday})"
    elif day.weekday() >= 5:
        what = f"a {day:%A}"
    else:
        return None
    return (f"{show_date(day)} is {what}; the ToR does not forbid it, but members may not expect a meeting then. "
            "To move it, cancel it with `meeting cancel N` and schedule another day.")
