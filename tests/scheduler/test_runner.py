"""The APScheduler wiring: two jobs, not one per reminder, and a late run is run, not dropped."""

from __future__ import annotations

import datetime as dt
import threading

from bot.ports import Destination
from bot.replies import Reply
from scheduler.runner import start
from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier


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
    scheduler = start(chat.sessions, {"console": notifier}, lambda: week_before)
    try:
        jobs = scheduler.get_jobs()
        assert sorted(job.id for job in jobs) == ["reminders-deliver", "reminders-derive"]
        assert all(job.misfire_grace_time is None and job.coalesce for job in jobs)
        assert delivered.wait(timeout=20), "the delivery job never sent the week-before reminder"
    finally:
        scheduler.shutdown(wait=True)
    assert [s.reply.title for s in notifier.sent] == ["Meeting reminder"]
