"""CPU and queries per group and per message of the reminder scheduler, in one process, on PostgreSQL: figures that
hold on a shared machine, where wall-clock seconds do not.

Run: `python bench/reminders_profile.py --groups 2000 [--profile first|spike|deliver] [--top 30]`. The record is the
bench's (bench/record.py) in a fresh schema, dropped after. For each step (first pass, the pass a minute before
09:00, the 09:00 spike, delivery through a notifier that does nothing) it prints this process's CPU seconds, the
CPU seconds of its PostgreSQL backends (read from /proc, so only on the database's machine), the statements it
sent, and each per group planned or per message queued or sent. With --profile, the cProfile of that step.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, text  # noqa: E402

from bench.cpu import process_seconds  # noqa: E402
from bench.record import seed  # noqa: E402
from bench.reminders_bench import BUSY, FIRST, LOCAL_POSTGRES, MEETINGS, SEATS, count, schema_url  # noqa: E402
from bench.reminders_replica import DoNothing  # noqa: E402
from bot.db import make_engine, session_factory, upgrade  # noqa: E402
from govbot import collector  # noqa: E402
from scheduler.runner import deliver_all, derive_all  # noqa: E402


class Meter:
    """Statements sent and the PostgreSQL backends that ran them."""

    def __init__(self) -> None:
        self.statements = 0
        self.backends: set[int] = set()

    def attach(self, engine: Any) -> None:
        @event.listens_for(engine, "connect")
        def _backend(dbapi_connection: Any, _record: Any) -> None:
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.backends.add(cursor.fetchone()[0])

        @event.listens_for(engine, "before_cursor_execute")
        def _count(*_args: Any) -> None:
            self.statements += 1

    def database_seconds(self) -> float:
        return sum(process_seconds(pid) for pid in self.backends)


def step(meter: Meter, name: str, work: Any, per: str, profile: str | None, top: int) -> Any:
    statements, db, cpu, wall = meter.statements, meter.database_seconds(), time.process_time(), time.perf_counter()
    profiler = cProfile.Profile() if profile == name else None
    if profiler:
        profiler.enable()
    result, units = work()
    if profiler:
        profiler.disable()
    cpu, db = time.process_time() - cpu, meter.database_seconds() - db
    statements, wall = meter.statements - statements, time.perf_counter() - wall
    n = max(units, 1)
    print(f"{name:8} {units:6} {per:8} | python CPU {cpu:6.2f}s ({cpu / n * 1000:5.2f} ms/{per[:-1]}) | PostgreSQL "
          f"CPU {db:6.2f}s ({db / n * 1000:5.2f} ms/{per[:-1]}) | {statements:6} statements "
          f"({statements / n:5.2f}/{per[:-1]}) | wall {wall:6.2f}s")
    if profiler:
        stats = pstats.Stats(profiler).strip_dirs()
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)
    return result


def dump(engine: Any, path: str) -> None:
    with engine.connect() as connection, open(path, "w", encoding="utf-8") as out:
        for row in connection.execute(text("SELECT occurrence, kind, subject, instance, due_at, expires_at "
                                           "FROM reminder_plan ORDER BY occurrence")):
            print("plan", *row, sep="\t", file=out)
        for row in connection.execute(text("SELECT key, status, due_at, expires_at, title, text, last_error, "
                                           "recipient_id, channel_binding_id FROM outbox ORDER BY key")):
            print("outbox", *row, sep="\t", file=out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=2000)
    parser.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL", LOCAL_POSTGRES))
    parser.add_argument("--profile", choices=("first", "spike", "deliver"))
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--dump", help="write the plan and the outbox (keys, status, words) to this file, to compare "
                                       "two versions' output")
    args = parser.parse_args()
    schema, url = schema_url(args.postgres)
    admin = make_engine(args.postgres)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        upgrade(url)
        with make_engine(url).begin() as connection:
            seed(connection, groups=args.groups, seats=SEATS, start=FIRST, meetings=MEETINGS, meeting_days=365)
        engine = make_engine(url)
        meter = Meter()
        meter.attach(engine)
        sessions = session_factory(engine)
        collector.settle()  # as `govbot run` does before serving
        print(f"{args.groups} groups; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")

        def first() -> tuple[Any, int]:
            derived = derive_all(sessions, FIRST)
            return derived, derived.replanned

        step(meter, "first", first, "groups", args.profile, args.top)
        derive_all(sessions, BUSY - dt.timedelta(minutes=1))  # the pass a minute before: no backlog at 09:00

        def spike() -> tuple[Any, int]:
            derived = derive_all(sessions, BUSY)
            return derived, len(derived.queued)

        step(meter, "spike", spike, "messages", args.profile, args.top)

        def deliver() -> tuple[Any, int]:
            delivered = deliver_all(sessions, {"console": DoNothing()}, BUSY)
            return delivered, len(delivered.sent)

        step(meter, "deliver", deliver, "messages", args.profile, args.top)
        if args.dump:
            dump(engine, args.dump)
        sent = count(engine, "SELECT count(*) FROM outbox WHERE status = 'sent'")
        print(f"sent {sent}; load average {os.getloadavg()[0]:.2f}")
        engine.dispose()
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
