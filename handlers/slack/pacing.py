"""Card refreshes at Slack's pace: folded per card within a process, and one turn a channel across replicas."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import time
from collections.abc import Callable, Hashable

from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.pacing import take_turn, turn_over
from handlers.slack.payloads import PLATFORM

Gate = Callable[[str], float]  # channel id -> seconds to wait for its turn (0: taken)


class SharedTurns:
    """The channel turns kept in the record, shared by every replica: `take` one before calling Slack, and say when
    the call is over (`over`), from which the next turn counts."""

    def __init__(self, take: Gate, over: Callable[[str], None]) -> None:
        self.take = take
        self.over = over


class Coalesced:
    """Runs one refresh per card at a time; requests arriving meanwhile fold into one more run after it, at most
    one a `pace` (in seconds). With a `gate`, `wait_turn` takes the channel's turn, shared by every replica: the
    refresh calls it just before it calls Slack, so the pace holds between the calls themselves.

    A lone vote shows on the card at once. Thirty clicks cost two or three chat.update calls, not thirty (Slack
    rate-limits updates and asks for no more than about one message a second in a channel), and the card still
    ends showing every vote: a vote commits before it asks for the refresh.
    """

    def __init__(self, pace: float = 0.0, gate: SharedTurns | None = None) -> None:
        self.pace = pace
        self.gate = gate
        self.lock = threading.Lock()
        self.folded: dict[tuple[str, str], dict[Hashable, Callable[[], None]]] = {}
        self.turns = itertools.count(1)
        # Each card's latest change (`changing`), while the command making it is under way (`done` forgets it):
        # one entry a card being changed now, not one a card ever changed in the life of the process.
        self.changed: dict[tuple[str, str], int] = {}

    def run(self, key: tuple[str, str], refresh: Callable[[], None], again: Callable[[], None] | None = None,
            where: Hashable = None) -> None:
        """Refresh card `key` now, or fold into the run going on. `where` tells requests apart that may refresh
        different messages (the message a click was on): the next run makes `again` (the refresh, reading the card
        anew) once for each `where` folded into it and for the running request's own, so no message a request would
        have refreshed on its own is left out."""
        again = again or refresh
        with self.lock:
            if key in self.folded:
                self.folded[key].setdefault(where, again)
                return
            self.folded[key] = {}
        runs = [refresh]
        try:
            while True:
                for one in runs:
                    one()
                with self.lock:  # ending and letting go of the key under one hold: a request folding in between
                    if not self.folded[key]:  # would be dropped with the key, and its vote never shown
                        del self.folded[key]
                        return
                time.sleep(self.pace)  # what arrives meanwhile folds into the next run too
                with self.lock:
                    folded, self.folded[key] = self.folded[key], {}
                runs = list(({where: again} | folded).values())
        except BaseException:
            with self.lock:
                self.folded.pop(key, None)
            raise

    def pending(self, key: tuple[str, str]) -> bool:
        """Whether a refresh of `key` is running: one asked for now folds into the run after it, which reads anew."""
        return key in self.folded

    def changing(self, key: tuple[str, str]) -> tuple[bool, int]:
        """A command is changing card `key`, in its transaction: whether a refresh of it is running (`pending`), and
        the change's number. A card the command composes is shown only while its change is `latest`: its refresh
        can come after that of a later change (its receipt slow to reach Slack), and would put back an older card.
        Commands changing one card commit in the order they ask (one writer, or the group's chain lock)."""
        with self.lock:
            turn = self.changed[key] = next(self.turns)
            return key in self.folded, turn

    def latest(self, key: tuple[str, str], turn: int) -> bool:
        """Whether change `turn` is the last this process has seen of card `key`."""
        return self.changed.get(key) == turn

    def done(self, key: tuple[str, str], turn: int) -> None:
        """The command that made change `turn` of card `key` has shown it, or failed: forget the change unless a
        later one came since, whose command still asks `latest`. Forgetting is safe: turns only grow, so a command
        whose change is gone is told it is not the latest, and reads the card anew."""
        with self.lock:
            if self.changed.get(key) == turn:
                del self.changed[key]

    def wait_turn(self, channel_id: str) -> None:
        """Return when this process may refresh a card in the channel (at once without a gate)."""
        while self.gate is not None and (wait := self.gate.take(channel_id)) > 0:
            time.sleep(wait)  # another replica refreshed in this channel less than a pace ago

    def turn_done(self, channel_id: str) -> None:
        """This process's refresh in the channel has been sent: the channel's next turn counts from now."""
        if self.gate is not None:
            self.gate.over(channel_id)


def shared_gate(sessions: sessionmaker[Session], pace: float) -> SharedTurns | None:
    """The channel turns kept in the record, for several replicas on PostgreSQL; None on SQLite (one process, whose
    own pacing suffices, and whose single writer should not take a write for every refresh)."""
    if sessions.kw["bind"].dialect.name == "sqlite":
        return None
    step = dt.timedelta(seconds=pace)

    def gate(channel_id: str) -> float:
        with unit_of_work(sessions) as session:
            # The machine's clock, not the governance clock: this paces real calls to Slack (replicas' clocks agree).
            return take_turn(session, PLATFORM, channel_id, dt.datetime.now(dt.UTC), step)

    def over(channel_id: str) -> None:
        with unit_of_work(sessions) as session:
            turn_over(session, PLATFORM, channel_id, dt.datetime.now(dt.UTC))

    return SharedTurns(gate, over)
