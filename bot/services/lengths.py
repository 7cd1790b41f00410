"""The longest text each kind of record keeps. Longer text is refused, saying the limit: it is never cut short
without a word, so what is recorded is what was said."""

from __future__ import annotations

from bot.errors import UsageError

TITLE = 500  # an agenda item's title, a reason for apologies
NOTE = 200  # a reference to an agreement, a capacity
TEXT = 2000  # a motion, a poll's question, an action, an interest, a review's note


def kept(text: str, limit: int, what: str) -> str:
    """`text` when the record can keep it whole; else UsageError naming `what`, its length and the limit."""
    if len(text) > limit:
        raise UsageError(f"The {what} is {len(text):,} characters; the record keeps at most {limit:,} characters. "
                         "Shorten it, or put the full text in a document and link to it.")
    return text

