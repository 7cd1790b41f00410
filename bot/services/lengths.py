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


def glimpse(text: str, limit: int = 80) -> str:
    """`text` whole when it is at most `limit` characters; else its words up to the limit and an ellipsis, so a
    sentence can name a long motion without seeming to quote all of it."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    words = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return words.rstrip(" ,;:") + "…"
