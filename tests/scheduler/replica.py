"""One scheduler replica for the two-process test: a pass at each time read from standard input (one ISO time a
line, answered `done` when the pass is over), each delivery logged to a file. The test feeds every replica
the same times, as replicas on synchronised clocks would see them.

Usage: python -m tests.scheduler.replica DATABASE_URL LOG_FILE [SKEW_SECONDS]

SKEW_SECONDS (may be negative) sets this replica's clock off the times it is fed: -300 is a replica 5 minutes behind.
RATE_LIMITED (environment): `CHANNEL,…@ISO-TIME`: meeting reminders to those channels get a 429 (retry after 4 hours)
until that time, whichever replica sends them.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import json
import os
import signal
import sys
from typing import TextIO

from govbot import collector

with collector.paused():  # as `govbot` starts (govbot/collector.py): about a quarter of a replica's CPU was importing
    from bot.db import make_engine, session_factory
    from bot.ports import DeliveryFailed, Destination
    from bot.replies import Reply
    from scheduler.runner import tick
    from tests import unsynced


class LoggingNotifier:
    """Appends one JSON line per delivery: where it went and what it said."""

    platform = "console"

    def __init__(self, log: TextIO, rate_limited: str | None = None) -> None:
        self.log = log
        self.now = dt.datetime.min.replace(tzinfo=dt.UTC)
        channels, _, until = (os.environ.get("RATE_LIMITED", "") if rate_limited is None else rate_limited).partition("@")
        self.limited = set(channels.split(",")) - {""}
        self.until = dt.datetime.fromisoformat(until) if until else self.now

    def send(self, destination: Destination, reply: Reply) -> None:
        if destination.channel_id in self.limited and reply.title == "Meeting reminder" and self.now < self.until:
            raise DeliveryFailed("rate limited (429)", retry_after=4 * 3600)
        self.log.write(json.dumps([destination.channel_id, destination.user_id, reply.title, reply.text]) + "\n")
        self.log.flush()


def main(url: str, log_file: str, skew: str = "0") -> None:
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # the test asks where a pass that overran is stuck
    unsynced.install()
    engine = make_engine(url)
    sessions = session_factory(engine)
    with open(log_file, "a", encoding="utf-8") as log:
        notifier = LoggingNotifier(log)
        for line in sys.stdin:
            notifier.now = dt.datetime.fromisoformat(line.strip()) + dt.timedelta(seconds=float(skew))
            tick(sessions, {"console": notifier}, notifier.now)
            print("done", flush=True)
    engine.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:])
