"""A lock for each key in use, made on first use and dropped once no one holds it or waits for it: one turn at a
time over a record's card in a channel, on Slack's threads (handlers/slack/first_cards.py) and Teams' event loop
(handlers/teams/card_turns.py), with no lock kept for every card ever shown."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

L = TypeVar("L")


class KeyedLocks(Generic[L]):
    """`take` a key's lock (counting the caller in) before acquiring it, and `leave` the key once released."""

    def __init__(self, make: Callable[[], L]) -> None:
        self._make = make
        self._guard = threading.Lock()  # threads take and leave at once; on an event loop it is never contended
        self._held: dict[Hashable, tuple[L, int]] = {}  # the lock, and how many hold or wait for it

    def take(self, key: Hashable) -> L:
        with self._guard:
            lock, users = self._held.get(key) or (self._make(), 0)
            self._held[key] = (lock, users + 1)
            return lock

    def leave(self, key: Hashable) -> None:
        with self._guard:
            lock, users = self._held[key]
            if users > 1:
                self._held[key] = (lock, users - 1)
            else:
                del self._held[key]
