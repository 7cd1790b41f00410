"""A meeting set on a day people do not expect one gets a note: the bank holidays of England and Wales, one-off days
proclaimed for a single year and substitute days included."""

from __future__ import annotations

import datetime as dt

from bot.rules.bank_holidays import day_note


def test_a_one_off_bank_holiday_is_known() -> None:
    """CSCPWG met through 2023: the coronation bank holiday, Monday 8 May 2023, was proclaimed for that year only."""
    note = day_note(dt.date(2023, 5, 8))
    assert note is not None and "a bank holiday in England and Wales (Coronation of Charles III)" in note


def test_christmas_and_boxing_day_on_a_weekend_move_to_the_next_weekdays() -> None:
    monday, tuesday = day_note(dt.date(2027, 12, 27)), day_note(dt.date(2027, 12, 28))
    assert monday is not None and "(substitute day for Christmas Day)" in monday
    assert tuesday is not None and "(substitute day for Boxing Day)" in tuesday
    assert day_note(dt.date(2027, 12, 29)) is None
