"""Benchmark of the reminder scheduler: one derive pass over a large record, its growth, and the naive design.

Run: `python bench/reminders_bench.py [--groups 1000,10000,50000] [--postgres URL] [--naive-jobs N]`.
Prints, for each backend and size, the one-off first pass (plans every group), then a busy pass (09:00
local, when the day's reminders fall due) and a quiet pass (a minute with little due): time and peak memory.
Then the naive design, one APScheduler job per reminder in SQLAlchemyJobStore, on a sample of the same
reminders: time to register, memory, start-up, and the ratio to this design.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
import time
import tracemalloc
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, func, select, text, update  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from bench.record import seed  # noqa: E402
from bot.db import make_engine, session_factory, unit_of_work, upgrade  # noqa: E402
from bot.models import ReminderPlan, SchedulerMark  # noqa: E402
from scheduler.due import derive  # noqa: E402
from scheduler.plan import MARK  # noqa: E402
from scheduler.runner import derive_all  # noqa: E402

LOCAL_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SEATS, MEETINGS = 15, 12  # 10,000 groups: 150,000 seats and a year of monthly meetings
FIRST = dt.datetime(2026, 10, 5, 7, 0, tzinfo=dt.UTC)  # Monday 08:00 BST: the first pass
BUSY = dt.datetime(2026, 10, 5, 8, 0, tzinfo=dt.UTC)  # 09:00 BST: the day's reminders fall due
QUIET = dt.datetime(2026, 10, 5, 9, 17, tzinfo=dt.UTC)


def measure(action: Callable[[], Any]) -> tuple[float, float, Any]:
    """Seconds (untraced run) and peak MB (traced run) of `action`, which must be repeatable."""
    gc.collect()
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    gc.collect()
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return seconds, peak, result


def pass_at(sessions: sessionmaker[Session], moment: dt.datetime) -> Callable[[], int]:
    """One derive pass at `moment`, a minute after the last, rolled back so it can be repeated."""
    def run() -> int:
        with sessions() as session, session.begin():
            session.execute(update(SchedulerMark).where(SchedulerMark.name == MARK)
                            .values(at=moment - dt.timedelta(minutes=1)))
            derived = derive(session, moment)
            session.rollback()
        return len(derived.queued) + len(derived.set_aside)
    return run


def drain(sessions: sessionmaker[Session], moment: dt.datetime) -> int:
    """Bounded passes back to back until nothing is due: what the derive job does at 09:00."""
    return len(derive_all(sessions, moment).queued)


def commit_pass(sessions: sessionmaker[Session], moment: dt.datetime) -> None:
    with unit_of_work(sessions) as session:
        derive(session, moment)


def database(backend: str, postgres: str | None, workdir: Path) -> tuple[str, Callable[[], None]]:
    if backend == "sqlite":
        path = workdir / f"bench-{uuid.uuid4().hex[:8]}.db"
        return f"sqlite:///{path}", lambda: [p.unlink(missing_ok=True) for p in workdir.glob(path.name + "*")]
    assert postgres is not None
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(postgres)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    return postgres + ("&" if "?" in postgres else "?") + f"options=-csearch_path%3D{schema}", drop


def bench_size(backend: str, groups: int, postgres: str | None, workdir: Path) -> dict[str, Any]:
    url, drop = database(backend, postgres, workdir)
    try:
        upgrade(url)
        engine: Engine = make_engine(url)
        started = time.perf_counter()
        with engine.begin() as connection:
            seed(connection, groups=groups, seats=SEATS, start=FIRST, meetings=MEETINGS, meeting_days=365)
        seeded = time.perf_counter() - started
        sessions = session_factory(engine)
        started = time.perf_counter()
        derive_all(sessions, FIRST)  # the first pass: every group, in committed batches
        first = time.perf_counter() - started
        with sessions() as session:
            planned = session.scalar(select(func.count()).select_from(ReminderPlan)) or 0
        minute = dt.timedelta(minutes=1)
        commit_pass(sessions, BUSY - minute)
        busy_s, busy_mb, busy_n = measure(pass_at(sessions, BUSY))
        started = time.perf_counter()
        spike = drain(sessions, BUSY)
        spike_s = time.perf_counter() - started
        commit_pass(sessions, QUIET - minute)
        quiet_s, quiet_mb, quiet_n = measure(pass_at(sessions, QUIET))
        engine.dispose()
        return {"backend": backend, "groups": groups, "seats": groups * SEATS, "meetings": groups * MEETINGS,
                "seeded_s": seeded, "first_s": first, "planned": planned, "busy_s": busy_s, "busy_mb": busy_mb,
                "busy_n": busy_n, "spike_s": spike_s, "spike_n": spike, "quiet_s": quiet_s, "quiet_mb": quiet_mb,
                "quiet_n": quiet_n}
    finally:
        drop()


def bench_naive(jobs: int, workdir: Path) -> dict[str, float]:
    """One APScheduler job per reminder in SQLAlchemyJobStore (SQLite): register, memory, start-up."""
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler

    path = workdir / f"naive-{uuid.uuid4().hex[:8]}.db"
    url = f"sqlite:///{path}"
    # Dates to come by the machine's clock, as APScheduler reckons them: a year of reminders.
    base = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    runs = [base + dt.timedelta(minutes=(i * 37) % (365 * 24 * 60)) for i in range(jobs)]

    def register() -> None:
        path.unlink(missing_ok=True)
        scheduler = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(url=url)}, timezone=dt.UTC)
        scheduler.start(paused=True)
        for i, moment in enumerate(runs):
            scheduler.add_job(print, "date", run_date=moment, args=(f"reminder {i}",), id=f"r{i}",
                              misfire_grace_time=None)
        scheduler.shutdown(wait=False)

    register_s, register_mb, _ = measure(register)

    def start_up() -> int:
        scheduler = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(url=url)}, timezone=dt.UTC)
        scheduler.start(paused=True)
        count = len(scheduler.get_jobs())  # what a start-up (and the UI of an operator) must read back
        scheduler.shutdown(wait=False)
        return count

    start_s, start_mb, loaded = measure(start_up)
    assert loaded == jobs
    for p in workdir.glob(path.name + "*"):
        p.unlink()
    return {"jobs": jobs, "register_s": register_s, "register_mb": register_mb, "start_s": start_s,
            "start_mb": start_mb}


def reachable(url: str) -> bool:
    try:
        engine = make_engine(url)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:  # any failure to connect means there is no database to measure
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", default="1000,10000,50000")
    parser.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL", LOCAL_POSTGRES),
                        help="a PostgreSQL URL (default: TEST_POSTGRES_URL, else the local test database); a fresh "
                             "schema is used and dropped; skipped with a note when it cannot be reached")
    parser.add_argument("--postgres-groups", default="10000", help="sizes to run on PostgreSQL")
    parser.add_argument("--naive-jobs", type=int, default=20000, help="sample size for the naive design")
    parser.add_argument("--workdir", default="/tmp")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    runs = [("sqlite", int(n)) for n in args.groups.split(",")]
    if args.postgres and not reachable(args.postgres):
        print(f"PostgreSQL is not reachable at {args.postgres}; measuring SQLite only.")
        args.postgres = None
    if args.postgres:
        runs += [("postgresql", int(n)) for n in args.postgres_groups.split(",")]
    print(f"{'backend':<11}{'groups':>7}{'seats':>9}{'planned':>9} | {'first pass':>10} | "
          f"{'busy pass (due)':>22} | {'09:00 drained (queued)':>22} | {'quiet pass (due)':>22}")
    results = []
    for backend, groups in runs:
        r = bench_size(backend, groups, args.postgres, workdir)
        results.append(r)
        print(f"{backend:<11}{groups:>7}{r['seats']:>9}{r['planned']:>9} | {r['first_s']:>9.1f}s | "
              f"{r['busy_s']:>6.3f}s {r['busy_mb']:>6.1f}MB ({r['busy_n']:>5}) | "
              f"{r['spike_s']:>13.2f}s ({r['spike_n']:>5}) | "
              f"{r['quiet_s']:>6.3f}s {r['quiet_mb']:>6.1f}MB ({r['quiet_n']:>5})", flush=True)
    if args.naive_jobs <= 0:
        return 0
    naive = bench_naive(args.naive_jobs, workdir)
    per_job = naive["register_s"] / naive["jobs"]
    print(f"\nNaive design, one APScheduler job per reminder in SQLAlchemyJobStore (SQLite), {naive['jobs']} jobs: "
          f"register {naive['register_s']:.1f}s ({per_job * 1000:.2f} ms a job, peak {naive['register_mb']:.0f}MB), "
          f"start-up and read back {naive['start_s']:.1f}s (peak {naive['start_mb']:.0f}MB)")
    for r in results:
        if r["backend"] != "sqlite":
            continue
        naive_register = per_job * r["planned"]
        naive_start = naive["start_s"] / naive["jobs"] * r["planned"]
        naive_mb = naive["start_mb"] / naive["jobs"] * r["planned"]
        print(f"  {r['groups']} groups = {r['planned']} reminders: naive register ≈ {naive_register:.0f}s "
              f"(x{naive_register / max(r['first_s'], 1e-9):.1f} this design's first pass), start-up ≈ "
              f"{naive_start:.1f}s and ≈{naive_mb:.0f}MB (x{naive_start / max(r['busy_s'], 1e-9):.0f} the time and "
              f"x{naive_mb / max(r['busy_mb'], 1e-9):.1f} the memory of a busy pass) — scaled linearly from the sample")
    return 0


if __name__ == "__main__":
    sys.exit(main())
