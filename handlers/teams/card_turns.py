"""One turn at a time over a record's card in a channel, within a process. A turn checks whether the posted card
shows a later change than its own, then updates it; Teams may take a while over an update, and a second vote
pressed meanwhile checked (the first not yet noted), updated the card and was overwritten by the first's older
tally when Teams applied it. Held from the check until the change is noted, the later turn sees the earlier one's
and updates the card after it. Posting a record's card is a turn too: a vote typed while Teams took its time over
the new motion's card found no card to update, and the card, posted with no votes, stayed so. Replicas hold no
lock in common: there the versions noted still keep a card from going back, but two updates in flight at once may
land in either order."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from handlers.keyed_locks import KeyedLocks


class CardTurns:
    """A lock for each (channel, record) being shown now (handlers/keyed_locks.py)."""

    def __init__(self) -> None:
        self._locks: KeyedLocks[asyncio.Lock] = KeyedLocks(asyncio.Lock)

    @asynccontextmanager
    async def one_at_a_time(self, channel: str, record: str) -> AsyncIterator[None]:
        """Hold the card of `record` in `channel`: another turn showing it there waits until this one is done."""
        key = (channel, record)
        lock = self._locks.take(key)
        try:
            async with lock:
                yield
        finally:
            self._locks.leave(key)
