"""Delivery: nothing lost across a restart or a crash, nothing sent twice, failures retried then reported."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, session_factory, unit_of_work
from bot.models import Group
from bot.ports import DeliveryFailed, Destination
from bot.replies import Reply
from scheduler import outbox as queue
from scheduler.delivery import deliver
from scheduler.due import derive
from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, outbox, run

WEEK_BEFORE = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)  # 09:00 GMT, seven days before the meeting


@pytest.fixture
def board(chat: Chat) -> Chat:
    """The CJCG with a meeting on Thu 10 Dec 2026 at 10:00 (GMT)."""
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    return chat


def keys(sessions: sessionmaker[Session], status: str) -> list[str]:
    return [m.key for m in outbox(sessions) if m.status == status]


def test_a_restart_between_queueing_and_sending_loses_nothing(tmp_path: Path, board: Chat,
                                                             notifier: RecordingNotifier) -> None:
    with unit_of_work(board.sessions) as session:
        derived = derive(session, WEEK_BEFORE)
    assert derived.queued == ["meeting-7d:meeting:1@20261210T1000Z:channel:1"]
    board.sessions.kw["bind"].dispose()  # the process stops before delivering

    restarted = make_engine(f"sqlite:///{tmp_path / 'govbot.db'}")
    sessions = session_factory(restarted)
    run(sessions, notifier, [WEEK_BEFORE + dt.timedelta(minutes=1), WEEK_BEFORE + dt.timedelta(minutes=2)])
    restarted.dispose()
    assert [(s.destination.channel_id, s.reply.title) for s in notifier.sent] == [("room", "Meeting reminder")]
    assert "Meeting 1 of Children's Joint Commissioning Group is in 7 days: Thu 10 Dec 2026, 10:00 GMT." \
        in notifier.sent[0].reply.text
    assert "Quorum: 3 members present (ToR 6.4)." in notifier.sent[0].reply.text


class Killed(BaseException):
    """The process dies: not an error a notifier reports, so nothing after it runs."""


def test_a_process_killed_mid_delivery_resends_that_message_after_its_lease_and_no_other(
        board: Chat, notifier: RecordingNotifier) -> None:
    day_before = dt.datetime(2026, 12, 9, 9, 0, tzinfo=dt.UTC)
    with unit_of_work(board.sessions) as session:
        queued = derive(session, day_before).queued
    assert queued == ["meeting-1d:meeting:1@20261210T1000Z:channel:1"] + [f"apologies:meeting:1@20261210T1000Z:person:{p}" for p in range(1, 13)]

    class DiesOnThirdSend(RecordingNotifier):
        def send(self, destination: Destination, reply: Reply) -> None:
            super().send(destination, reply)
            if len(self.sent) == 3:
                raise Killed()

    dying = DiesOnThirdSend()
    with pytest.raises(Killed):
        deliver(board.sessions, {"console": dying}, day_before)
    assert len(keys(board.sessions, "sent")) == 2  # the third went out but was never marked

    soon = day_before + dt.timedelta(minutes=1)
    assert deliver(board.sessions, {"console": notifier}, soon).sent == []  # the rest are still leased
    # A lease holds to its last instant: a replica whose clock reads exactly the end of it (one LEASE behind the
    # one that sent) takes nothing the sender may be about to mark sent.
    assert deliver(board.sessions, {"console": notifier}, day_before + queue.LEASE).sent == []
    after_lease = day_before + queue.LEASE + dt.timedelta(seconds=1)
    resent = deliver(board.sessions, {"console": notifier}, after_lease).sent
    assert len(resent) == len(queued) - 2
    assert [s.destination for s in notifier.sent][0] == dying.sent[2].destination  # the unmarked one, again
    assert not set(keys(board.sessions, "sent")[:2]) & set(resent)
    assert len(keys(board.sessions, "sent")) == len(queued)


def test_a_rate_limited_message_is_retried_after_retry_after_and_sent_once(board: Chat,
                                                                         notifier: RecordingNotifier) -> None:
    notifier.failures.append(DeliveryFailed("rate limited (429)", retry_after=120))
    first = run(board.sessions, notifier, [WEEK_BEFORE])[0]
    assert first.delivered is not None and first.delivered.retrying == [
        ("meeting-7d:meeting:1@20261210T1000Z:channel:1", "rate limited (429)")]
    run(board.sessions, notifier, [WEEK_BEFORE + dt.timedelta(seconds=60), WEEK_BEFORE + dt.timedelta(seconds=119)])
    assert notifier.sent == []
    run(board.sessions, notifier, [WEEK_BEFORE + dt.timedelta(seconds=120), WEEK_BEFORE + dt.timedelta(seconds=180)])
    assert [s.at for s in notifier.sent] == [WEEK_BEFORE + dt.timedelta(seconds=120)]
    assert keys(board.sessions, "sent") == ["meeting-7d:meeting:1@20261210T1000Z:channel:1"]


def test_failures_back_off_then_fail_with_the_reason_and_the_chair_is_told(board: Chat,
                                                                        notifier: RecordingNotifier) -> None:
    notifier.failures.extend(DeliveryFailed("connection reset") for _ in range(queue.MAX_ATTEMPTS))
    run(board.sessions, notifier, [WEEK_BEFORE + dt.timedelta(minutes=m) for m in range(40)])
    attempts = [at - WEEK_BEFORE for at, title in notifier.tried if title == "Meeting reminder"]
    assert attempts == [dt.timedelta(minutes=n) for n in (0, 1, 3, 7, 15)]  # back-off 1, 2, 4, 8 minutes
    failed = [m for m in outbox(board.sessions) if m.status == "failed"]
    assert [(m.key, m.last_error) for m in failed] == [
        ("meeting-7d:meeting:1@20261210T1000Z:channel:1", "gave up after 5 attempts: connection reset")]
    told = [s for s in notifier.sent if s.reply.title == "Reminder not delivered"]
    assert [s.destination.user_id for s in told] == ["alice"]
    assert "could not be delivered (connection reset)" in told[0].reply.text


def test_an_unexpected_notifier_error_tells_the_chair_a_plain_reason_and_logs_the_details(
        board: Chat, caplog: pytest.LogCaptureFixture) -> None:
    token = secrets.token_urlsafe(24)

    class Broken(RecordingNotifier):
        def send(self, destination: Destination, reply: Reply) -> None:
            if reply.title == "Meeting reminder":
                raise ValueError(f"POST https://hooks.example.invalid/services?token={token} gave 500")
            super().send(destination, reply)

    broken = Broken()
    run(board.sessions, broken, [WEEK_BEFORE + dt.timedelta(minutes=m) for m in range(40)])
    plain = "an unexpected error (ValueError); details are in the bot's log"
    assert [(m.key, m.last_error) for m in outbox(board.sessions) if m.status == "failed"] == [
        ("meeting-7d:meeting:1@20261210T1000Z:channel:1", f"gave up after 5 attempts: {plain}")]
    told = [s for s in broken.sent if s.reply.title == "Reminder not delivered"]
    assert len(told) == 1 and f"could not be delivered ({plain})" in told[0].reply.text
    assert token not in told[0].reply.text
    logged = [r for r in caplog.records if r.exc_info and "failed unexpectedly" in r.getMessage()]
    assert len(logged) == 5 and token in str(logged[0].exc_info[1])  # type: ignore[index]


def test_a_permanent_failure_fails_at_once(board: Chat, notifier: RecordingNotifier) -> None:
    notifier.failures.append(DeliveryFailed("channel_not_found", permanent=True))
    run(board.sessions, notifier, [WEEK_BEFORE])
    assert [(m.key, m.status, m.attempts, m.last_error) for m in outbox(board.sessions)][0] == (
        "meeting-7d:meeting:1@20261210T1000Z:channel:1", "failed", 1, "channel_not_found")


def test_a_reminder_that_fell_due_while_down_is_sent_if_still_useful_else_set_aside(
        board: Chat, notifier: RecordingNotifier) -> None:
    run(board.sessions, notifier, [WEEK_BEFORE - dt.timedelta(days=1)])  # planned, then the bot goes down
    back = dt.datetime(2026, 12, 9, 15, 0, tzinfo=dt.UTC)  # after the day-before reminder, before the meeting
    ticks = run(board.sessions, notifier, [back, back + dt.timedelta(minutes=1)])
    meeting = [s.reply.text for s in notifier.sent if s.reply.title == "Meeting reminder"]
    assert len(meeting) == 1 and "is tomorrow" in meeting[0]  # the later of the week and day reminders, once
    assert ticks[0].derived.set_aside[0] == (
        "meeting-7d:meeting:1@20261210T1000Z:group", "a later reminder of the same series fell due at the same pass and replaces it")
    assert ticks[1].derived.queued == []

    after = dt.datetime(2026, 12, 10, 12, 0, tzinfo=dt.UTC)  # down again over the meeting's start
    run(board.sessions, notifier, [after])
    expired = {m.key: m.last_error for m in outbox(board.sessions) if m.status == "expired"}
    assert expired["meeting-start:meeting:1@20261210T1000Z:group"] == (
        "it fell due at Thu 10 Dec 2026, 10:00 GMT while the scheduler was not running, and was no longer useful by "
        "Thu 10 Dec 2026, 12:00 GMT")
    assert not [s for s in notifier.sent if s.reply.title == "Meeting starting"]


def test_a_cancelled_meeting_gets_no_reminder(board: Chat, notifier: RecordingNotifier) -> None:
    board.ok("alice", "meeting cancel 1")
    ticks = run(board.sessions, notifier, [WEEK_BEFORE])
    assert [k for k in ticks[0].derived.queued if k.startswith("meeting")] == []
    assert notifier.sent == []


def test_a_group_whose_terms_cannot_be_read_is_set_aside_and_the_others_still_get_their_reminders(
        board: Chat, notifier: RecordingNotifier) -> None:
    board.load("lieg", channel="lieg-room")
    assert not board.say("alice", "meeting schedule 2026-12-10 10:30", channel="lieg-room").error
    run(board.sessions, notifier, [WEEK_BEFORE - dt.timedelta(days=1)])
    with unit_of_work(board.sessions) as session:
        session.execute(update(Group).where(Group.short_name == "cjcg").values(terms_yaml="name: [unclosed"))
    ticks = run(board.sessions, notifier, [WEEK_BEFORE])
    why = dict(ticks[0].derived.set_aside)
    assert why["meeting-7d:meeting:1@20261210T1000Z:group"].startswith("the group's terms of reference cannot be read: the ToR of cjcg: not valid YAML")
    assert [k for k in ticks[0].derived.queued if k.startswith("meeting-7d")] == ["meeting-7d:meeting:2@20261210T1030Z:channel:2"]


def test_a_batch_that_outlasts_its_lease_leaves_the_rest_to_the_replica_that_claimed_them(
        board: Chat) -> None:
    day_before = dt.datetime(2026, 12, 9, 9, 0, tzinfo=dt.UTC)
    with unit_of_work(board.sessions) as session:
        queued = derive(session, day_before).queued
    assert len(queued) == 13
    other = RecordingNotifier()

    class WaitsOnRetryAfter(RecordingNotifier):
        """Each send waits two minutes on the platform; during the third, the other replica's pass runs."""

        def send(self, destination: Destination, reply: Reply) -> None:
            super().send(destination, reply)
            self.now += dt.timedelta(minutes=2)
            if len(self.sent) == 3:
                other.now = self.now
                deliver(board.sessions, {"console": other}, self.now)

    slow = WaitsOnRetryAfter(now=day_before)
    first = deliver(board.sessions, {"console": slow}, day_before, clock=lambda: slow.now)
    # The third send renewed its lease before it began, so the other replica took only the ten after it.
    assert len(slow.sent) == 3 and len(first.sent) == 3 and len(other.sent) == 10
    sent_to = [(s.destination.channel_id, s.destination.user_id) for s in slow.sent + other.sent]
    assert len(set(sent_to)) == len(sent_to) == 13  # every reminder once, none twice
    assert sorted(keys(board.sessions, "sent")) == sorted(queued)
