"""Two scheduler processes over one PostgreSQL database send every reminder of a simulated month exactly once."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from bench.record import seed
from bot.db import make_engine, session_factory, upgrade
from bot.models import Base, OutboxMessage
from tests.conftest import ROOT

START = dt.datetime(2026, 10, 5, 0, 0, tzinfo=dt.UTC)  # a month spanning the October clock change
STEP, PASSES = dt.timedelta(hours=4), 6 * 30
GROUPS, SEATS = 200, 5


def deliveries(log: Path) -> Counter[tuple[str, ...]]:
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return Counter(tuple(json.loads(line)) for line in lines)


def replica(url: str, log: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "tests.scheduler.replica", url, str(log)], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def month(processes: list[subprocess.Popen[str]]) -> None:
    """Every process passes at each time of the month together, as replicas on synchronised clocks do."""
    for k in range(PASSES):
        moment = (START + k * STEP).isoformat()
        for process in processes:
            assert process.stdin is not None
            process.stdin.write(moment + "\n")
            process.stdin.flush()
        for process in processes:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "done", f"a replica died at {moment}"
    for process in processes:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.close()
        process.stdout.close()
        assert process.wait(timeout=30) == 0


@pytest.mark.postgres
def test_two_replicas_on_postgresql_send_every_reminder_of_a_month_exactly_once(
        postgres_schema_url: str, tmp_path: Path) -> None:
    # The expectation: one process alone, on SQLite, over the same record and the same month.
    alone_url = f"sqlite:///{tmp_path / 'alone.db'}"
    alone = make_engine(alone_url)
    Base.metadata.create_all(alone)
    with alone.begin() as connection:
        seed(connection, groups=GROUPS, seats=SEATS, start=START)
    alone.dispose()
    month([replica(alone_url, tmp_path / "alone.log")])
    expected = deliveries(tmp_path / "alone.log")
    assert sum(expected.values()) > 15 * GROUPS  # meetings, apologies, polls, terms and reviews for every group

    upgrade(postgres_schema_url)
    shared = make_engine(postgres_schema_url)
    with shared.begin() as connection:
        seed(connection, groups=GROUPS, seats=SEATS, start=START)
    month([replica(postgres_schema_url, tmp_path / "a.log"), replica(postgres_schema_url, tmp_path / "b.log")])

    a, b = deliveries(tmp_path / "a.log"), deliveries(tmp_path / "b.log")
    assert a and b, "both replicas should have delivered part of the month"
    assert a + b == expected  # every reminder once: none twice, none missing
    with session_factory(shared)() as session:
        statuses = Counter(session.scalars(select(OutboxMessage.status)))
    shared.dispose()
    assert statuses["sent"] == sum(expected.values()) and statuses["queued"] == statuses["failed"] == 0
