"""One replica of the reminders bench, a process of its own: it connects, says `ready`, waits for `go` on standard
input (so that start-up is not timed), does one piece of the scheduler's work, and prints one JSON line: what it
did, its seconds, and its peak resident memory (VmHWM, the whole process).

Usage: python bench/reminders_replica.py ROLE DATABASE_URL ISO_TIME
ROLE: derive (derive passes until nothing is due), deliver (delivery passes through a notifier that does nothing),
naive (the naive design over the SQLAlchemyJobStore the bench filled: APScheduler's start-up, its wake with the
spike's jobs due, and a wake with none due).
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from apscheduler.schedulers.base import BaseScheduler  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from bot.db import make_engine, session_factory  # noqa: E402
from bot.models import ReminderPlan  # noqa: E402
from bot.ports import Destination  # noqa: E402
from bot.replies import Reply  # noqa: E402
from govbot import collector  # noqa: E402
from scheduler.runner import deliver_all, derive_all  # noqa: E402


def nothing(number: int) -> None:
    """A naive job: the reminder's work itself is left out, as with the notifier that does nothing."""


class DoNothing:
    """A notifier that sends nowhere: what delivery costs apart from the platform."""

    platform = "console"

    def send(self, destination: Destination, reply: Reply) -> None:
        return None


def peak_mb() -> float:
    """This process's peak resident memory: VmHWM on Linux (ru_maxrss would count the bench process it was forked
    from, which holds the whole synthetic record), else ru_maxrss."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def naive(url: str, now: dt.datetime) -> dict[str, Any]:
    """APScheduler over a job store already holding the jobs: start() (which reads the store for the next wake) and
    one wake at `now` (due jobs fetched, run, and each rescheduled or removed one by one)."""
    from apscheduler.executors.pool import ThreadPoolExecutor
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore

    scheduler = Manual(jobstores={"default": SQLAlchemyJobStore(url=url)},
                                    executors={"default": ThreadPoolExecutor(10)}, timezone=dt.UTC)
    started = time.perf_counter()
    scheduler.start()
    start_s = time.perf_counter() - started
    started = time.perf_counter()
    scheduler._process_jobs()  # noqa: SLF001 - the wake itself (due jobs fetched, submitted, removed), untimered
    wake_s = time.perf_counter() - started
    started = time.perf_counter()
    scheduler._process_jobs()  # noqa: SLF001 - a wake with nothing due: what every other wake costs
    quiet_s = time.perf_counter() - started
    scheduler.shutdown(wait=True)
    return {"start_s": start_s, "wake_s": wake_s, "quiet_wake_s": quiet_s}


def waiting(sessions: sessionmaker[Session], now: dt.datetime) -> bool:
    """Whether anything due is left: requests to replan, or reminders to queue (held by another replica or not)."""
    with sessions() as session:
        return session.scalar(select(ReminderPlan.id).where(ReminderPlan.due_at <= now).limit(1)) is not None


class Manual(BaseScheduler):
    """APScheduler with its timer left out: the bench calls its wake (`_process_jobs`) and times it."""

    def wakeup(self) -> None:
        return None

    def shutdown(self, wait: bool = True) -> None:
        super().shutdown(wait)


def main(role: str, url: str, moment: str) -> int:
    now = dt.datetime.fromisoformat(moment)
    engine = make_engine(url)
    sessions = session_factory(engine)
    collector.settle()  # as `govbot run` does before serving
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.perf_counter()
    result: dict[str, Any] = {}
    if role == "derive":
        derived = derive_all(sessions, now)
        while waiting(sessions, now):  # another replica still holds work: a replica's next pass would take it
            time.sleep(0.05)
            derived = derived.add(derive_all(sessions, now))
        result = {"replanned": derived.replanned, "planned": derived.planned, "queued": len(derived.queued)}
    elif role == "deliver":
        result = {"sent": len(deliver_all(sessions, {"console": DoNothing()}, now).sent)}
    elif role == "naive":
        result = naive(url, now)
    result.update(role=role, seconds=time.perf_counter() - started, peak_mb=peak_mb())
    print(json.dumps(result), flush=True)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
