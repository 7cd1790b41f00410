"""One post at a time of a record's card in a channel, within a process. A card is noted (handlers/slack/cards.py)
only once Slack has answered its post; a second command on the same record arriving meanwhile (`meeting schedule`,
then at once `meeting open`) found no card noted and posted one of its own, which nothing noted or updated again.
Held around showing a record, the later command finds the first card noted and updates it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

Key = tuple[str, str]  # (channel, record key)


class CardPosts:
    """A lock for each (channel, record) being shown now, made on first use and dropped when no one holds it."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._held: dict[Key, tuple[threading.Lock, int]] = {}  # the lock, and how many hold or wait for it

    @contextmanager
    def one_at_a_time(self, key: Key) -> Iterator[None]:
        """Hold the card of `key`'s turn: a command showing the same record in the same channel waits for it."""
        with self._guard:
            lock, users = self._held.get(key, (threading.Lock(), 0))
            self._held[key] = (lock, users + 1)
        try:
            with lock:
                yield
        finally:
            with self._guard:
                users = self._held[key][1] - 1
                if users:
                    self._held[key] = (lock, users)
                else:
                    del self._held[key]
