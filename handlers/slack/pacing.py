"""Pacing a card's refreshes: votes arriving together cost one or two updates, and the card still shows them all."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Coalesced:
    """Runs one refresh per card at a time; requests arriving meanwhile fold into one more run after it, at most
    one a `pace` (in seconds).

    A lone vote shows on the card at once. Thirty clicks cost two or three chat.update calls, not thirty (Slack
    rate-limits updates and asks for no more than about one message a second in a channel), and the card still
    ends showing every vote: a vote commits before it asks for the refresh.
    """

    def __init__(self, pace: float = 0.0) -> None:
        self.pace = pace
        self.lock = threading.Lock()
        self.dirty: dict[tuple[str, str], bool] = {}

    def run(self, key: tuple[str, str], refresh: Callable[[], None]) -> None:
        with self.lock:
            if key in self.dirty:
                self.dirty[key] = True
                return
            self.dirty[key] = False
        try:
            while True:
                refresh()
                with self.lock:
                    if not self.dirty[key]:
                        return
                time.sleep(self.pace)  # what arrives meanwhile folds into the next run too
                with self.lock:
                    self.dirty[key] = False
        finally:
            with self.lock:
                self.dirty.pop(key, None)
