"""`vote for`, `poll close` or `casting vote for` typed without its poll's number, retyped for a given poll (the one
vote open in the group)."""

from __future__ import annotations

import datetime as dt
import re

from bot.commands import parse
from bot.errors import UsageError
from bot.grammar import Command

# `vote for`, `/gov vote yes --for @bob`, `poll close --casting for`: the verb, then no number
UNNUMBERED = re.compile(r"^(\s*(?:[/!]?gov\s+)?(?:vote|poll\s+close))(?=\s|$)(?!\s+#?\d)", re.IGNORECASE)
# `casting vote for`: the chair's casting vote, given by closing the tied vote (`poll close N --casting for`)
CASTING = re.compile(r"^\s*(?:[/!]?gov\s+)?casting(?:\s+vote)?:?\s+(for|against)\s*[.!]?\s*$", re.IGNORECASE)


def unnumbered(text: str) -> bool:
    """Whether `text` is a `vote`, `poll close` or `casting vote` naming no poll."""
    return UNNUMBERED.match(text) is not None or CASTING.match(text) is not None


def numbered(text: str, number: int) -> str:
    """`text`, naming no poll, as the command for poll `number` (`vote 3 for`, `poll close 3 --casting for`), the
    rest as typed."""
    casting = CASTING.match(text)
    if casting is not None:
        return f"poll close {number} --casting {casting.group(1).casefold()}"
    return UNNUMBERED.sub(rf"\g<1> {number}", text, count=1)


def read_vote(typed: str, today: dt.date) -> Command | None:
    """The vote `typed` by `numbered`, or None where there is none (empty) or it does not read (`vote` alone)."""
    try:
        return parse(typed, today) if typed else None
    except UsageError:
        return None
