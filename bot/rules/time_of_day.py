"""A time of day as people type it (`10:00`, `9.30`, `2pm`), and a date or time typed at the end of a sentence
(`--closes 18 Dec 4pm.`), read as without the mark that ends it. Pure."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateparser

from bot.errors import UsageError

# A time of day as people type it: 10:00, 9.30, 2pm, 2:30pm. Never a date, so a date and a time typed in the other
# order can be told apart.
TIME_OF_DAY = re.compile(r"^(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|noon|midday)$", re.IGNORECASE)
NOON = ("noon", "midday")  # `tomorrow at noon`: refused as no time, and `--closes Friday noon` as words after a date

# What may end a sentence after its last word (`--closes 18 Dec 4pm.`, `here.`, `vote 1 For.`): read as if it were
# not there after a date or time, a number, a person and a command's words (bot.commands.STOP); free text keeps it.
SENTENCE_END = ".!?,;:"


def unended(text: str) -> str:
    """`text` without the full stop (or , ; !) a sentence ending with it would add."""
    return text.strip().rstrip(SENTENCE_END).rstrip()


def looks_like_time(text: str) -> bool:
    """Whether `text` reads as a time of day (`10:00`, `2pm`), not a date: a bare number is neither."""
    stripped = unended(text)
    return bool(TIME_OF_DAY.match(stripped)) and not stripped.isdigit()


def signed(text: str) -> bool:
    """Whether a word of a date or time begins or ends with a sign: none is typed so, and dateutil reads the sign as a
    separator or a UTC offset (`-1:00` as 01:00, `-2026-12-10` as 12 Oct 2026, `2026-12-10 -9:00` as 10 Dec with
    the time left out), so it is refused rather than read."""
    return any(word[:1] in ("-", "+") or word[-1:] in ("-", "+") for word in text.split())


def parse_time(text: str) -> dt.time:
    """A time of day: `10:00`, `14:30`, `2pm`, `9.30am`, `noon`."""
    text = unended(text)
    if signed(text):
        raise UsageError(f"'{text}' is not a time I know; write it as 10:00 or 2:30pm.")
    if text.casefold() in NOON:
        return dt.time(12, 0)
    try:
        parsed = dateparser.parse(text.replace(".", ":"), default=dt.datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None or parsed.date() != dt.date(2000, 1, 1):
        raise UsageError(f"'{text}' is not a time I know; write it as 10:00 or 2:30pm.")
    return parsed.time().replace(second=0, microsecond=0)
