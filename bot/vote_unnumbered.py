"""`vote for` typed without its poll's number, retyped as a vote in a given poll (the one vote open in the group)."""

from __future__ import annotations

import datetime as dt
import re

from bot.commands import parse
from bot.errors import UsageError
from bot.grammar import Command

# `vote for`, `/gov vote yes --for @bob`: the verb, then no number
UNNUMBERED = re.compile(r"^(\s*(?:[/!]?gov\s+)?vote)(?=\s|$)(?!\s+#?\d)", re.IGNORECASE)


def unnumbered(text: str) -> bool:
    """Whether `text` is a `vote` naming no poll."""
    return UNNUMBERED.match(text) is not None


def numbered(text: str, number: int) -> str:
    """`text`, a `vote` naming no poll, as the vote in poll `number` (`vote 3 for`), the rest as typed."""
    return UNNUMBERED.sub(rf"\g<1> {number}", text, count=1)


def read_vote(typed: str, today: dt.date) -> Command | None:
    """The vote `typed` by `numbered`, or None where there is none (empty) or it does not read (`vote` alone)."""
    try:
        return parse(typed, today) if typed else None
    except UsageError:
        return None
