"""What a refusal of a date not understood says to copy instead: a date to come, in both the forms the bot reads.
Pure, no I/O."""

from __future__ import annotations

import datetime as dt


def show_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def example_day(today: dt.date) -> dt.date:
    """The date a hint shows in its example: a week after `today` (the group's today), so an example copied as it
    stands is a date still to come, on the same weekday."""
    return today + dt.timedelta(days=7)


def unknown_date(typed: str, today: dt.date) -> str:
    """The refusal of `typed`, no date the bot reads on `today`, with a date to copy, as a sentence."""
    example = example_day(today)
    return f"'{typed}' is not a date I know; write it as {example.isoformat()} or {show_date(example)}."
