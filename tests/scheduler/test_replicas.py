"""Two scheduler processes over one PostgreSQL database send every reminder of a simulated month exactly once, while
the record changes under them: a chair replaced mid-term, a reminder time moved earlier, a meeting cancelled while
its reminder waits on a 429, and a meeting closed on a replica whose clock is five minutes behind."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from select import select as readable

import pytest
from sqlalchemy import select

from bench.record import seed
from bot.conversation import respond
from bot.db import make_engine, session_factory, unit_of_work
from bot.models import Base, Group, OutboxMessage
from bot.services.context import Place, Speaker
from bot.services.groups import import_group
from scheduler.runner import tick
from tests.conftest import ROOT, migrated
from tests.scheduler.replica import LoggingNotifier

START = dt.datetime(2026, 10, 5, 0, 0, tzinfo=dt.UTC)  # a month spanning the October clock change
STEP, PASSES = dt.timedelta(hours=4), 6 * 30
GROUPS, SEATS = 40, 5  # g1-g40: every day of the month has meetings, polls and adoption anniversaries (bench.record)


MINUTE = dt.timedelta(minutes=1)
BEHIND = -300  # replica b's clock, in seconds off the times it is fed
RATE_LIMITED = "g6@2026-10-06T12:00:00+00:00"  # g6's meeting reminders get a 429 until its meeting is cancelled
ABSENCES = '\nattendance: {warn_after_consecutive_absences: 1, clause: "2.3"}\n'


# A pass takes ~0.03 s of a replica on a quiet machine; with the two cores at a load of ten, under 0.6 s (the first,
# which starts the replica, under 10 s). One that takes this long is stuck (a lock wait, a lost line): the test
# fails naming it, with the replica's stacks.
PASS_DEADLINE = 60.0

CHANGED_BEFORE = (1, 9, 30, 38, 64)  # the passes `changes` changes the record before


def changes(url: str, k: int) -> None:
    """What people do to the record just before pass k (the same in every run). Other passes open no engine: one
    a pass, 180 a month, cost ~0.4 s of CPU a run."""
    if k not in CHANGED_BEFORE:
        return
    at = START + k * STEP
    engine = make_engine(url)
    sessions = session_factory(engine)

    def say(group: int, who: int, text: str, when: dt.datetime) -> None:
        reply = respond(sessions, Speaker("console", f"p{who}", f"p{who}"), Place("console", f"g{group}"), text, when)
        assert not reply.error, f"p{who} in g{group}: {text!r}: {reply.text}"

    def retime(group: int, extra: str, when: dt.datetime) -> None:
        with unit_of_work(sessions) as session:
            tor = session.get(Group, group)
            assert tor is not None
            import_group(session, tor.terms_yaml + extra, when)

    if k == 1:
        retime(8, ABSENCES, at)
    if k == 9:  # 6 Oct 10:00: g6's meeting of 13 Oct is cancelled while its week reminder waits on a 429
        say(6, 26, "meeting cancel 1", at - 2 * 60 * MINUTE)
    if k == 30:  # 10 Oct: g3's chair hands the chair to p12 before the end of the term
        say(3, 11, "chair @p12", at)
    if k == 38:  # 11 Oct 04:10 UTC: g36 moves its reminders from 09:00 to 05:00 local, behind the last pass
        retime(36, 'reminders: {at: "05:00"}\n', at - 230 * MINUTE)
    if k == 64:  # 15 Oct 11:55 UTC, on a replica 5 minutes behind the 12:00 pass: g8's meeting closes, p40 absent
        say(8, 36, "meeting open", at - 250 * MINUTE)
        for who in (37, 38, 39):
            say(8, who, "here", at - 249 * MINUTE)
        say(8, 36, "meeting close", at - 245 * MINUTE)
    engine.dispose()


def deliveries(log: Path) -> Counter[tuple[str, ...]]:
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return Counter(tuple(json.loads(line)) for line in lines)


def replica(url: str, log: Path, skew: int = 0) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RATE_LIMITED": RATE_LIMITED}
    return subprocess.Popen([sys.executable, "-m", "tests.scheduler.replica", url, str(log), str(skew)], cwd=ROOT,
                            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def month_alone(url: str, log: Path) -> None:
    """The month `month` feeds the replicas, passed in this process by one scheduler alone, as one replica would
    (tests/scheduler/replica.py's notifier and tick): the expectation, which is not about processes."""
    engine = make_engine(url)
    sessions = session_factory(engine)
    with log.open("a", encoding="utf-8") as out:
        notifier = LoggingNotifier(out, rate_limited=RATE_LIMITED)
        for k in range(PASSES):
            changes(url, k)
            notifier.now = START + k * STEP
            tick(sessions, {"console": notifier}, notifier.now)
    engine.dispose()


def month(url: str, processes: list[subprocess.Popen[str]]) -> None:
    """Every process passes at each time of the month together, each on its own clock, with the record changing
    between passes."""
    for k in range(PASSES):
        changes(url, k)
        moment = (START + k * STEP).isoformat()
        for process in processes:
            assert process.stdin is not None
            process.stdin.write(moment + "\n")
            process.stdin.flush()
        for process in processes:
            assert answered(process, moment) == "done", f"a replica died at {moment}"
    for process in processes:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.close()
        process.stdout.close()
        assert process.wait(timeout=30) == 0


def answered(process: subprocess.Popen[str], moment: str) -> str:
    """The replica's answer to the pass at `moment`. A pass stuck for PASS_DEADLINE fails the test, after the replica
    printed its threads' stacks (captured with the test's output): pytest-timeout would instead end the whole xdist
    worker, showing only this wait. (`done` is the only line a replica prints a pass: nothing waits in the buffer.)"""
    assert process.stdout is not None
    if not readable([process.stdout], [], [], PASS_DEADLINE)[0]:
        process.send_signal(signal.SIGUSR1)
        time.sleep(1)  # for faulthandler to write the stacks
        pytest.fail(f"replica {process.pid} did not finish the pass at {moment} in {PASS_DEADLINE:.0f} s")
    return process.stdout.readline().strip()


def stopped(processes: list[subprocess.Popen[str]]) -> None:
    """Each replica ended and its pipes closed, also when the month failed half-way."""
    for process in processes:
        if process.poll() is None:
            process.kill()
        with process:  # closes its pipes and waits
            pass


@pytest.mark.postgres
def test_two_replicas_on_postgresql_send_every_reminder_of_a_month_exactly_once(
        postgres_schema_url: str, tmp_path: Path) -> None:
    # The expectation: one scheduler alone, on SQLite, over the same record and the same month (in this process: a
    # third interpreter only to compute it cost ~1 s of CPU).
    alone_url = f"sqlite:///{tmp_path / 'alone.db'}"
    alone = make_engine(alone_url)
    Base.metadata.create_all(alone)
    with alone.begin() as connection:
        seed(connection, groups=GROUPS, seats=SEATS, start=START)
    alone.dispose()
    month_alone(alone_url, tmp_path / "alone.log")
    expected = deliveries(tmp_path / "alone.log")
    assert sum(expected.values()) > 15 * GROUPS  # meetings, apologies, polls, terms and reviews for every group
    the_record_changes_were_followed(expected)

    migrated(postgres_schema_url)
    shared = make_engine(postgres_schema_url)
    with shared.begin() as connection:
        seed(connection, groups=GROUPS, seats=SEATS, start=START)
    replicas = [replica(postgres_schema_url, tmp_path / "a.log"),
                replica(postgres_schema_url, tmp_path / "b.log", skew=BEHIND)]
    try:
        month(postgres_schema_url, replicas)
    finally:
        stopped(replicas)

    a, b = deliveries(tmp_path / "a.log"), deliveries(tmp_path / "b.log")
    assert a and b, "both replicas should have delivered part of the month"
    assert a + b == expected  # every reminder once: none twice, none missing
    with session_factory(shared)() as session:
        statuses = Counter(session.scalars(select(OutboxMessage.status)))
    shared.dispose()
    assert statuses["sent"] == sum(expected.values()) and statuses["queued"] == statuses["failed"] == 0


def the_record_changes_were_followed(sent: Counter[tuple[str, ...]]) -> None:
    """Nothing stale, nothing lost: what each change of the record calls for, and only that."""
    assert not [m for m in sent if m[0] == "g6" and m[2] == "Meeting reminder"]  # cancelled while it waited
    assert not [m for m in sent if m[1] == "p11" and "as chair" in m[3] and "ends on 27 Oct 2026" in m[3]]
    assert [m for m in sent if m[0] == "g36" and m[2] == "Meeting reminder" and "is in 7 days" in m[3]]
    assert [m for m in sent if m[1] == "p36" and m[2] == "Consecutive absences" and "p40" in m[3]]
