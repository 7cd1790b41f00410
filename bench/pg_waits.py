"""What PostgreSQL's sessions were doing while the bench's votes ran, sampled from pg_stat_activity.

Votes per second alone cannot say why two replicas do not scale; this can. A session `idle in transaction` is
waiting for its server process (for Python's lock, on a busy server), one waiting on a `Lock` is queued behind
another transaction (an advisory lock: a group's audit chain), one on `IO`/`LWLock` is waiting for the disk (or
for the lock on a shared buffer of PostgreSQL's: the WAL's, a row-lock SLRU's).
"""

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import Engine, text

from bench import cpu

NAME = "govbot-bench"  # the application_name of the bench's sessions (its servers' and its own)
# Every session of the database, idle too: the run's (named NAME) are also followed by their process id, so that the
# CPU of one that ends during the run (a pool closing a connection it opened for a burst) is still counted.
ACTIVITY = ("SELECT pid, application_name = %s, state, wait_event_type, wait_event FROM pg_stat_activity "
            "WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()")
# Seconds between samples: enough to average over a run of a few seconds. Every 0.05 s through SQLAlchemy, sampling
# cost 0.12 ms of the load generator's CPU a vote (more than sending the vote did), taken from the servers' cores.
EVERY = 0.1


def backends(engine: Engine) -> set[int]:
    """The server process ids of the sessions open now in the bench's name: whose CPU is the run's."""
    with engine.connect() as connection:
        return set(connection.scalars(text("SELECT pid FROM pg_stat_activity WHERE application_name = :name"),
                                      {"name": NAME}))


class Sampler:
    """Samples the database's busy sessions in a thread from `start()` to `stop()`, and the CPU seconds of each of the
    run's sessions (`backends` to begin with, and any opened meanwhile) as last seen: `cpu`, for bench.cpu.snapshot,
    which counts those that ended. A session that ends counts up to its last sample, EVERY seconds or less before."""

    def __init__(self, engine: Engine, backends: set[int] | None = None) -> None:
        self.engine = engine
        self.cpu = {pid: cpu.process_seconds(pid) for pid in backends or ()}
        self.seen: Counter[str] = Counter()
        self.samples = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, name="pg-waits", daemon=True)

    def start(self) -> Sampler:
        self.thread.start()
        return self

    def stop(self) -> str:
        """Stop sampling; the sessions on average, by what they were doing."""
        self.done.set()
        self.thread.join()
        each = max(self.samples, 1)
        kinds = ", ".join(f"{count / each:.1f} {kind}" for kind, count in self.seen.most_common())
        return f"PostgreSQL sessions busy on average: {kinds or 'none'}"

    def _sample(self) -> None:
        # Autocommit: pg_stat_activity is read once per transaction, so each sample needs a transaction of its own.
        # The driver's own cursor: SQLAlchemy's path for a statement costs more Python than the sample itself.
        connection = self.engine.raw_connection()
        try:
            connection.driver_connection.autocommit = True  # type: ignore[union-attr]
            cursor = connection.cursor()
            while not self.done.wait(EVERY):
                self.samples += 1
                cursor.execute(ACTIVITY, (NAME,))
                for pid, ours, state, waiting, event in cursor.fetchall():
                    if ours:
                        self.cpu.setdefault(pid, 0.0)
                    if state is not None and state != "idle":
                        self.seen[kind(state, waiting, event)] += 1
                self._follow()
        finally:
            connection.driver_connection.autocommit = False  # type: ignore[union-attr]  # back to the pool as it came
            connection.close()


    def _follow(self) -> None:
        """Read the CPU of the run's sessions still there; an ended one keeps its last reading."""
        for pid in self.cpu:
            found = cpu.process(pid)
            if found is not None and found.name == "postgres":
                self.cpu[pid] = found.seconds


def kind(state: str, waiting: str | None, event: str | None = None) -> str:
    if state.startswith("idle in transaction"):
        return "idle in a transaction (waiting for its server)"
    if waiting == "Lock":  # which lock: `advisory` is a group's audit chain, `transactionid`/`tuple` a row
        return f"waiting for a lock ({event})"
    if waiting in ("IO", "LWLock"):  # which: `WALSync`/`WALWrite` a commit's flush, `WALInsert`, a SLRU's lock
        return f"waiting for the disk or WAL ({event})"
    return "running"
