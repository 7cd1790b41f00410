"""A reminder is composed once: when it falls due. It is sent with those words unless the record changed, the date
moved on or minutes passed before it could be sent, when it is composed again, so what is sent still follows the
record."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bot.db import unit_of_work
from bot.models import Group, OutboxMessage
from bot.records import data_rights
from bot.replies import Reply
from bot.services import reminders
from bot.services.context import scheduler_context
from bot.services.groups import import_group
from scheduler import content
from scheduler.runner import deliver_all, derive_all
from tests.conftest import Chat, example
from tests.scheduler.conftest import RecordingNotifier, outbox

WEEK_BEFORE = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)  # 09:00 GMT, seven days before the CJCG's meeting
CJCG = example("cjcg").read_text(encoding="utf-8")
SOON = WEEK_BEFORE + dt.timedelta(seconds=15)  # the next delivery pass


@pytest.fixture
def composed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The kinds composed when sending."""
    seen: list[str] = []

    def counting(ctx: Any, kind: str, subject: str, instance: str) -> Any:
        seen.append(kind)
        return reminders.compose(ctx, kind, subject, instance)

    monkeypatch.setattr(content, "compose", counting)
    return seen


def scheduled(chat: Chat) -> Chat:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    return chat


def as_composed(chat: Chat, row: OutboxMessage, at: dt.datetime) -> Reply | str:
    """What composing the message at `at` gives (as every send did before)."""
    with chat.sessions() as session:
        group = session.get(Group, row.group_id)
        assert group is not None
        ctx = scheduler_context(session, group, at)
        return reminders.for_recipient(ctx, reminders.compose(ctx, row.kind, row.subject or "", row.instance or ""),
                                       row.recipient_id)


def send(chat: Chat, notifier: RecordingNotifier, at: dt.datetime) -> None:
    notifier.now = at
    deliver_all(chat.sessions, {"console": notifier}, at)


def test_a_reminder_nothing_changed_for_is_sent_as_composed_when_it_fell_due(
        chat: Chat, notifier: RecordingNotifier, composed: list[str]) -> None:
    derive_all(scheduled(chat).sessions, WEEK_BEFORE)
    [queued] = outbox(chat.sessions)
    send(chat, notifier, SOON)
    [sent] = notifier.sent
    assert composed == []
    assert sent.reply == as_composed(chat, queued, SOON)  # words, title, quoted texts and (no) buttons
    assert sent.reply.text.startswith("Meeting 1 of Children's Joint Commissioning Group is in 7 days")


def test_a_meeting_cancelled_after_its_reminder_fell_due_is_not_announced(
        chat: Chat, notifier: RecordingNotifier, composed: list[str]) -> None:
    derive_all(scheduled(chat).sessions, WEEK_BEFORE)
    chat.now = WEEK_BEFORE + dt.timedelta(seconds=5)
    chat.ok("alice", "meeting cancel 1")
    send(chat, notifier, SOON)
    assert notifier.sent == [] and composed == ["meeting-7d"]
    [row] = outbox(chat.sessions)
    assert (row.status, row.last_error) == ("expired", "set aside when it was to be sent: meeting 1 is cancelled")


def test_an_agenda_item_added_after_a_meeting_reminder_fell_due_is_in_it(
        chat: Chat, notifier: RecordingNotifier, composed: list[str]) -> None:
    derive_all(scheduled(chat).sessions, WEEK_BEFORE)
    chat.now = WEEK_BEFORE + dt.timedelta(seconds=5)
    chat.ok("alice", 'agenda add "Budget"')  # a change of record about the meeting: composed again
    send(chat, notifier, SOON)
    [sent] = notifier.sent
    assert composed == ["meeting-7d"] and "Budget" in sent.reply.text


def test_a_reminder_held_back_for_minutes_is_composed_again(
        chat: Chat, notifier: RecordingNotifier, composed: list[str]) -> None:
    derive_all(scheduled(chat).sessions, WEEK_BEFORE)
    send(chat, notifier, WEEK_BEFORE + dt.timedelta(minutes=6))
    [sent] = notifier.sent
    assert composed == ["meeting-7d"]
    assert sent.reply.text.startswith("Meeting 1 of Children's Joint Commissioning Group is in 7 days")


def test_a_reminder_that_fell_due_before_midnight_and_is_sent_after_counts_from_the_new_day(
        chat: Chat, notifier: RecordingNotifier, composed: list[str]) -> None:
    chat.load("cjcg")
    with unit_of_work(chat.sessions) as session:  # the ToR sends reminders at 23:59 (GMT in December)
        import_group(session, CJCG + 'reminders: {at: "23:59"}\n', chat.now)
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    derive_all(chat.sessions, dt.datetime(2026, 12, 3, 23, 59, tzinfo=dt.UTC))
    send(chat, notifier, dt.datetime(2026, 12, 4, 0, 0, 30, tzinfo=dt.UTC))
    [sent] = notifier.sent
    assert composed == ["meeting-7d"]
    assert sent.reply.text.startswith("Meeting 1 of Children's Joint Commissioning Group is in 6 days")


def test_a_person_forgotten_after_a_reminder_fell_due_is_not_named_in_it(
        chat: Chat, notifier: RecordingNotifier, composed: list[str]) -> None:
    chat.load("cjcg")  # alice's term as chair ends on 14 Jan 2027: alice and sam (who names the chair) are told
    term = dt.datetime(2026, 12, 15, 9, 0, tzinfo=dt.UTC)
    derive_all(chat.sessions, term)
    to_alice, to_sam = outbox(chat.sessions)
    assert to_sam.reply is not None and to_sam.text.startswith("alice's term as chair")
    with unit_of_work(chat.sessions) as session:
        data_rights.forget_person(session, data_rights.find_person(session, "@alice"), term)
    assert [row.reply for row in outbox(chat.sessions)] == [None, None]  # the stamps, with what they quote, dropped
    send(chat, notifier, term + dt.timedelta(seconds=15))
    [sent] = notifier.sent  # alice has no account left to be sent hers
    assert composed == ["chair-term-30d", "chair-term-30d"]
    assert sent.reply == as_composed(chat, to_sam, term + dt.timedelta(seconds=15))
    assert "alice" not in sent.reply.text
