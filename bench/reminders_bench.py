"""Benchmark of the reminder scheduler on PostgreSQL, with 1 and 2 replicas as separate processes.

Run: `python bench/reminders_bench.py --groups 10000 --replicas 1,2` (sizes and replica counts are lists:
`--groups 10000,50000`). Each size gets a fresh schema of the PostgreSQL database (TEST_POSTGRES_URL, else the
local `test` database), dropped after. For each replica count, timed from a `go` sent to replicas already started
and connected, with each process's peak resident memory (VmHWM):
- first pass: every group planned, as after an installation or upgrade, in committed batches;
- 09:00 spike: the pass at 09:00 local, when the day's reminders fall due, the pass a minute before having run
  (no backlog), planned and queued;
- delivery: the queued messages sent through a notifier that does nothing;
- the naive design: one APScheduler job per reminder in SQLAlchemyJobStore on the same server, its start-up and
  its 09:00 wake (the spike's jobs due, run and removed), with up to --naive-jobs jobs registered.
The state before each timed step is restored between replica counts, so each count does the same work.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, text  # noqa: E402

from bench.record import seed  # noqa: E402
from bot.db import make_engine, upgrade  # noqa: E402

HERE = Path(__file__).resolve().parent
LOCAL_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SEATS, MEETINGS = 15, 12  # 10,000 groups: 150,000 seats and a year of monthly meetings
FIRST = dt.datetime(2026, 10, 5, 7, 0, tzinfo=dt.UTC)  # Monday 08:00 BST: the first pass
BUSY = dt.datetime(2026, 10, 5, 8, 0, tzinfo=dt.UTC)  # 09:00 BST: the day's reminders fall due
KEPT = ("reminder_plan", "scheduler_marks", "outbox")  # what a timed step changes, restored between runs


def replicas(role: str, url: str, moment: dt.datetime, count: int) -> dict[str, Any]:
    """Run `count` replica processes at once; wall seconds from `go`, and each one's report."""
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    procs = [subprocess.Popen([sys.executable, str(HERE / "reminders_replica.py"), role, url, moment.isoformat()],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
             for _ in range(count)]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    reports = [json.loads(proc.communicate()[0].strip().splitlines()[-1]) for proc in procs]
    return {"wall_s": time.perf_counter() - started, "reports": reports,
            "peak_mb": max(r["peak_mb"] for r in reports)}


def keep(engine: Engine, tag: str) -> None:
    with engine.begin() as connection:
        for table in KEPT:
            connection.execute(text(f"DROP TABLE IF EXISTS kept_{tag}_{table}"))
            connection.execute(text(f"CREATE TABLE kept_{tag}_{table} AS SELECT * FROM {table}"))


def restore(engine: Engine, tag: str) -> None:
    with engine.begin() as connection:
        for table in KEPT:
            connection.execute(text(f"DELETE FROM {table}"))
            connection.execute(text(f"INSERT INTO {table} SELECT * FROM kept_{tag}_{table}"))


def count(engine: Engine, sql: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(sql)).scalar() or 0)


def timed(engine: Engine, url: str, role: str, moment: dt.datetime, tag: str, counts: list[int]) -> dict[int, Any]:
    """The same step with each replica count, from the same state."""
    keep(engine, tag)
    results = {}
    for n in counts:
        restore(engine, tag)
        results[n] = replicas(role, url, moment, n)
    return results


def register_naive(url: str, jobs: int, due_now: int) -> float:
    """The naive design's registration: one job per reminder, `due_now` of them due at once (the spike)."""
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore

    from bench.reminders_replica import Manual

    scheduler = Manual(jobstores={"default": SQLAlchemyJobStore(url=url)}, timezone=dt.UTC)
    scheduler.start(paused=True)
    now = dt.datetime.now(dt.UTC)
    started = time.perf_counter()
    for i in range(jobs):
        at = now - dt.timedelta(seconds=1) if i < due_now else now + dt.timedelta(days=1, minutes=(i * 37) % 525600)
        scheduler.add_job("bench.reminders_replica:nothing", "date", run_date=at, args=(i,), id=f"r{i}",
                          misfire_grace_time=None)
    seconds = time.perf_counter() - started
    scheduler.shutdown(wait=False)
    return seconds


def schema_url(postgres: str) -> tuple[str, str]:
    schema = f"bench_reminders_{uuid.uuid4().hex[:8]}"
    return schema, postgres + ("&" if "?" in postgres else "?") + f"options=-csearch_path%3D{schema}"


def bench_size(postgres: str, groups: int, counts: list[int], naive_jobs: int) -> dict[str, Any]:
    schema, url = schema_url(postgres)
    admin = make_engine(postgres)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        upgrade(url)
        engine = make_engine(url)
        with engine.begin() as connection:
            seed(connection, groups=groups, seats=SEATS, start=FIRST, meetings=MEETINGS, meeting_days=365)
        out: dict[str, Any] = {"groups": groups}
        out["first"] = timed(engine, url, "derive", FIRST, "first", counts)
        out["planned"] = count(engine, "SELECT count(*) FROM reminder_plan WHERE kind <> 'replan'")
        replicas("derive", url, BUSY - dt.timedelta(minutes=1), 1)  # the pass a minute before: no backlog
        out["spike"] = timed(engine, url, "derive", BUSY, "spike", counts)
        out["queued"] = count(engine, "SELECT count(*) FROM outbox WHERE status = 'queued'")
        out["deliver"] = timed(engine, url, "deliver", BUSY, "deliver", counts)
        out["sent"] = count(engine, "SELECT count(*) FROM outbox WHERE status = 'sent'")
        jobs = min(naive_jobs, out["planned"])
        due_now = min(out["queued"], jobs)
        out["naive"] = {"jobs": jobs, "due_now": due_now, "register_s": register_naive(url, jobs, due_now),
                        **replicas("naive", url, BUSY, 1)}
        engine.dispose()
        return out
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def show(r: dict[str, Any], counts: list[int]) -> None:
    g = r["groups"]
    print(f"\n{g} groups, {g * SEATS} seats: {r['planned']} reminders planned, {r['queued']} queued at 09:00, "
          f"{r['sent']} sent")
    for n in counts:
        first, spike, deliver = r["first"][n], r["spike"][n], r["deliver"][n]
        print(f"  {n} replica{'s' if n > 1 else ' '}: first pass {first['wall_s']:7.2f}s "
              f"({g / first['wall_s']:6.0f} groups/s, peak {first['peak_mb']:4.0f}MB) | 09:00 spike planned and "
              f"queued {spike['wall_s']:6.2f}s (peak {spike['peak_mb']:4.0f}MB) | delivery {deliver['wall_s']:6.2f}s "
              f"({r['queued'] / deliver['wall_s']:5.0f} msg/s, peak {deliver['peak_mb']:4.0f}MB)")
    if len(counts) > 1:
        one, most = counts[0], counts[-1]
        print(f"  planning throughput, {most} replicas against {one}: "
              f"x{r['first'][one]['wall_s'] / r['first'][most]['wall_s']:.2f} (first pass), "
              f"x{r['spike'][one]['wall_s'] / r['spike'][most]['wall_s']:.2f} (09:00 spike)")
    naive = r["naive"]
    wake = naive["reports"][0]
    print(f"  naive design, {naive['jobs']} APScheduler jobs in SQLAlchemyJobStore (PostgreSQL): register "
          f"{naive['register_s']:.1f}s ({naive['register_s'] / max(naive['jobs'], 1) * 1000:.2f} ms a job), start-up "
          f"{wake['start_s']:.2f}s, 09:00 wake with {naive['due_now']} jobs due {wake['wake_s']:.2f}s, a wake with "
          f"none due {wake['quiet_wake_s'] * 1000:.1f}ms, "
          f"the process at {wake['peak_mb']:.0f}MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", default="10000", help="sizes, e.g. 10000,50000")
    parser.add_argument("--replicas", default="1,2", help="replica counts, e.g. 1,2")
    parser.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL", LOCAL_POSTGRES),
                        help="a PostgreSQL URL; a fresh schema is used and dropped")
    parser.add_argument("--naive-jobs", type=int, default=20000,
                        help="at most this many jobs for the naive design (registering is slow)")
    args = parser.parse_args()
    counts = [int(n) for n in args.replicas.split(",")]
    print(f"PostgreSQL {args.postgres.rsplit('@', 1)[-1]}; replicas {counts}; {os.cpu_count()} CPUs")
    for groups in (int(n) for n in args.groups.split(",")):
        show(bench_size(args.postgres, groups, counts, args.naive_jobs), counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
