"""Typed references to the record a message is about: a poll's card, a meeting's, the minutes of a meeting.

A reply names the record it shows (`Reply.subject`) and the records whose cards it changed (`Reply.changes`) by
these, never by strings to be parsed back. Each has a `key` (`poll:17`), its one spelling where a reference must be
stored or carried as text (the table of posted cards, a Teams card's data, a message waiting in the outbox);
`from_key` reads it back. Database ids stay internal: people name records by their number in the group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class RecordRef:
    """A record of the group by its database id."""

    id: int
    kind: ClassVar[str] = ""

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class PollRef(RecordRef):
    """A poll or motion: its card shows the question, the tally and the vote buttons."""

    kind: ClassVar[str] = "poll"


@dataclass(frozen=True)
class MeetingRef(RecordRef):
    """A meeting: its card shows when, the roll call and the quorum."""

    kind: ClassVar[str] = "meeting"


@dataclass(frozen=True)
class MinutesRef(RecordRef):
    """The minutes of a meeting (`id` is the meeting's)."""

    kind: ClassVar[str] = "minutes"


@dataclass(frozen=True)
class ActionRef(RecordRef):
    """An action agreed at a meeting."""

    kind: ClassVar[str] = "action"


MAX_ID = 2**31 - 1  # the record's ids are 32-bit integers on PostgreSQL (SQLite's are 64-bit)
KINDS: dict[str, type[RecordRef]] = {ref.kind: ref for ref in (PollRef, MeetingRef, MinutesRef, ActionRef)}


def from_key(key: object) -> RecordRef | None:
    """The reference a stored `key` spells (`poll:17`); None for anything else (a card from before cards named
    their record, the forms menu, a key of a kind this version does not know)."""
    if not isinstance(key, str):
        return None
    kind, _, number = key.partition(":")
    known = KINDS.get(kind)
    # A database id: ASCII digits within the record's integers. A Teams card's data comes back from the client,
    # and a larger number failed the read of the card (PostgreSQL refuses it) with an ERROR and a traceback.
    if known is None or not (number.isascii() and number.isdigit()) or len(number) > 10 or int(number) > MAX_ID:
        return None
    return known(int(number))
