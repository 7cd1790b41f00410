"""One scheduler replica for the two-process test: a pass at each time read from standard input (one ISO time a
line, answered `done` when the pass is over), each delivery logged to a file. The test feeds every replica
the same times, as replicas on synchronised clocks would see them.

Usage: python -m tests.scheduler.replica DATABASE_URL LOG_FILE
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TextIO

from bot.db import make_engine, session_factory
from bot.ports import Destination
from bot.replies import Reply
from scheduler.runner import tick


class LoggingNotifier:
    """Appends one JSON line per delivery: where it went and what it said."""

    platform = "console"

    def __init__(self, log: TextIO) -> None:
        self.log = log

    def send(self, destination: Destination, reply: Reply) -> None:
        self.log.write(json.dumps([destination.channel_id, destination.user_id, reply.title, reply.text]) + "\n")
        self.log.flush()


def main(url: str, log_file: str) -> None:
    engine = make_engine(url)
    sessions = session_factory(engine)
    with open(log_file, "a", encoding="utf-8") as log:
        notifier = LoggingNotifier(log)
        for line in sys.stdin:
            tick(sessions, {"console": notifier}, dt.datetime.fromisoformat(line.strip()))
            print("done", flush=True)
    engine.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:])
