"""The APScheduler wiring: two jobs, not one per reminder, and a late run is run, not dropped."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import update

from bot.db import unit_of_work
from bot.models import Poll, ReminderPlan
from bot.ports import Destination
from bot.replies import Reply
from scheduler.due import derive
from scheduler.runner import RETENTION, database_time, deliver_job, derive_job, start
from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, outbox


def test_start_runs_one_derive_job_and_one_delivery_job_at_once_on_the_given_clock(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    delivered = threading.Event()

    class Signalling(RecordingNotifier):
        def send(self, destination: Destination, reply: Reply) -> None:
            super().send(destination, reply)
            delivered.set()

    notifier = Signalling()
    # The jobs read the time from the clock they are given, not the machine's.
    week_before = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
    # The guard against a clock ahead of the database's is off: this clock is simulated, the database's is not.
    scheduler = start(chat.sessions, {"console": notifier}, lambda: week_before, max_ahead=None)
    try:
        jobs = scheduler.get_jobs()
        assert sorted(job.id for job in jobs) == ["reminders-deliver", "reminders-derive"]
        assert all(job.misfire_grace_time is None and job.coalesce for job in jobs)
        assert delivered.wait(timeout=20), "the delivery job never sent the week-before reminder"
    finally:
        scheduler.shutdown(wait=True)
    assert [s.reply.title for s in notifier.sent] == ["Meeting reminder"]


def test_a_replica_whose_clock_is_ahead_of_the_databases_refuses_to_deliver_and_says_why(
        chat: Chat, caplog: pytest.LogCaptureFixture) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    with unit_of_work(chat.sessions) as session:
        assert derive(session, dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)).queued
    notifier = RecordingNotifier()
    database = database_time(chat.sessions)
    deliver_job(chat.sessions, {"console": notifier}, lambda: database + dt.timedelta(minutes=10))
    assert notifier.tried == [] and [m.status for m in outbox(chat.sessions)] == ["queued"]
    assert "not delivering reminders: this replica's clock" in caplog.text and "600 s ahead" in caplog.text
    deliver_job(chat.sessions, {"console": notifier}, lambda: database + dt.timedelta(minutes=1))
    assert [m.status for m in outbox(chat.sessions)] != ["queued"]  # within the bound: delivered (or expired)


def test_a_replica_whose_clock_runs_fast_closes_no_poll_before_its_deadline_by_the_databases_clock(
        chat: Chat) -> None:
    database = database_time(chat.sessions)
    chat.now = database - dt.timedelta(days=1)
    chat.load("cjcg")
    closes_on = (database + dt.timedelta(days=3)).date().isoformat()
    chat.ok("alice", f'poll "Venue?" "Civic Centre" "Library" --closes {closes_on}')
    with unit_of_work(chat.sessions) as session:
        derive(session, chat.now)
    deadline = database_time(chat.sessions) + dt.timedelta(minutes=5)

    def close_at(moment: dt.datetime) -> None:  # the poll's deadline, moved to `moment`
        with unit_of_work(chat.sessions) as session:
            session.execute(update(Poll).values(closes_at=moment))
            session.execute(update(ReminderPlan).where(ReminderPlan.kind == "poll-close").values(due_at=moment))

    def status() -> str:
        with chat.sessions() as session:
            poll = session.get(Poll, 1)
            assert poll is not None
            return poll.status

    close_at(deadline)
    fast = lambda: database_time(chat.sessions) + dt.timedelta(minutes=10)  # noqa: E731 - ten minutes fast
    derive_job(chat.sessions, fast, RETENTION)
    assert status() == "open"  # due by the replica's clock, not by the database's
    close_at(database_time(chat.sessions) - dt.timedelta(seconds=1))
    derive_job(chat.sessions, fast, RETENTION)
    assert status() == "closed"
