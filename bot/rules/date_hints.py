"""What a refusal of a date not understood says to copy instead: a date to come, in both the forms the bot reads.
Pure, no I/O."""

from __future__ import annotations

import datetime as dt

from dateutil import parser as dateparser

# dateutil's own names of the weekdays (`Thursday`, `Thu`): the words it reads as a weekday alone.
WEEKDAYS = dateparser.parserinfo()


def show_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def example_day(today: dt.date) -> dt.date:
    """The date a hint shows in its example: a week after `today` (the group's today), so an example copied as it
    stands is a date still to come, on the same weekday."""
    return today + dt.timedelta(days=7)


def unknown_date(typed: str, today: dt.date) -> str:
    """The refusal of `typed`, no date the bot reads on `today`, with a date to copy, as a sentence. Where it names a
    weekday (`next Thursday`), the two such days to come, and that the weekday alone reads as the first."""
    named = [(word, day) for word in typed.split() if (day := WEEKDAYS.weekday(word)) is not None]
    if named:
        word, weekday = named[0]
        coming = today + dt.timedelta(days=(weekday - today.weekday()) % 7)  # as calendar.weekday_from reads it
        after = coming + dt.timedelta(days=7)
        return (f"'{typed}' is not a date I know; write it as {coming.isoformat()} or {show_date(coming)} for the "
                f"coming {word.capitalize()} (`{word}` alone reads so), or {after.isoformat()} for the one after.")
    example = example_day(today)
    return f"'{typed}' is not a date I know; write it as {example.isoformat()} or {show_date(example)}."
