"""The threads behind the Slack listeners."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

# Commands a process runs at once on PostgreSQL: each holds a transaction and its group's chain lock while it waits for
# Python's lock behind the others (16 at once: 11 idle in transaction, 2.3 waiting on chain locks; 4: 2.9 and 0.25).
TRANSACTIONS_AT_ONCE = 4


@dataclass(frozen=True)
class Workers:
    """The threads behind the Slack listeners: `commands` run the commands an ack waits for, `after` does what
    follows an ack. SQLite without a group-commit writer (which keeps the order itself) runs commands on one
    thread, in the order they came (a lock hands over in no particular order); other databases run at most
    TRANSACTIONS_AT_ONCE."""

    commands: ThreadPoolExecutor
    after: ThreadPoolExecutor

    @classmethod
    def for_database(cls, dialect: str, threads: int, batched: bool = False) -> Workers:
        commands = (threads if batched else 1) if dialect == "sqlite" else min(threads, TRANSACTIONS_AT_ONCE)
        return cls(ThreadPoolExecutor(commands, thread_name_prefix="slack-command"),
                   ThreadPoolExecutor(threads, thread_name_prefix="slack-listener"))

    def shutdown(self) -> None:
        """Finish every command and follow-up already accepted, then stop."""
        self.commands.shutdown(wait=True)
        self.after.shutdown(wait=True)


logger = logging.getLogger(__name__)


def logged(work: Callable[[], object]) -> None:
    """Run `work` after a Slack ack, on a worker: its failure must reach the log, not vanish with its future."""
    try:
        work()
    except Exception:
        logger.exception("work after a Slack ack failed")
