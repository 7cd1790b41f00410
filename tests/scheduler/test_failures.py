"""Failures handled as an operator would: rate limits wait without using up tries, an archived channel is disabled
and the chair told once how to rebind, and the outbox is pruned after its retention."""

from __future__ import annotations

import datetime as dt

from bot.db import unit_of_work
from bot.ports import DeliveryFailed, Destination
from bot.replies import Button, Reply
from bot.services.reminders import queue_post
from bot.verbs import Vote
from scheduler import outbox as queue
from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, outbox, run

WEEK_BEFORE = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)


def minutes(start: dt.datetime, count: int) -> list[dt.datetime]:
    return [start + k * MINUTE for k in range(count)]


def test_rate_limits_do_not_use_up_the_tries(chat: Chat, notifier: RecordingNotifier) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    notifier.failures += [DeliveryFailed("rate limited (429)", retry_after=60) for _ in range(6)]
    notifier.failures += [DeliveryFailed("connection reset") for _ in range(queue.MAX_ATTEMPTS - 1)]
    run(chat.sessions, notifier, minutes(WEEK_BEFORE, 40))
    assert [s.reply.title for s in notifier.sent] == ["Meeting reminder"]  # on the 11th try: 6 waits, 4 failures
    assert len(notifier.tried) == 11
    [row] = outbox(chat.sessions)
    assert (row.status, row.attempts) == ("sent", queue.MAX_ATTEMPTS)


class ArchivedRoom(RecordingNotifier):
    """The group's channel is archived: every post there is refused for good; direct messages go through."""

    archived: bool = True

    def send(self, destination: Destination, reply: Reply) -> None:
        if destination.channel_id == "room" and self.archived:
            self.tried.append((self.now, reply.title))
            raise DeliveryFailed("is_archived", permanent=True)
        super().send(destination, reply)


def test_an_archived_channel_is_disabled_the_chair_told_once_and_a_rebind_resumes_posting(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.ok("alice", "meeting schedule 2026-12-10 14:00")
    archived = ArchivedRoom()
    run(chat.sessions, archived, minutes(WEEK_BEFORE, 3))
    assert [t for _, t in archived.tried if t == "Meeting reminder"] == ["Meeting reminder"]  # not the second
    rows = {m.key: (m.status, m.last_error) for m in outbox(chat.sessions) if m.kind.startswith("meeting")}
    assert rows == {"meeting-7d:meeting:1@20261210T1000Z:channel:1": ("failed", "is_archived"),
                    "meeting-7d:meeting:2@20261210T1400Z:channel:1": (
                        "expired", "set aside: the platform refused the channel (is_archived)")}
    [told] = [s for s in archived.sent if s.reply.title == "Channel no longer reachable"]
    assert told.destination.user_id == "alice"
    assert "The bot has stopped posting there" in told.reply.text and "say `group bind cjcg` there" in told.reply.text

    # The day before, nothing is posted in the archived channel and the chair hears nothing more.
    day_before = dt.datetime(2026, 12, 9, 9, 0, tzinfo=dt.UTC)
    ticks = run(chat.sessions, archived, [day_before])
    assert not [t for t in archived.tried[1:] if t[1] == "Meeting reminder"]
    assert len([s for s in archived.sent if s.reply.title in ("Channel no longer reachable",
                                                                "Reminder not delivered")]) == 1
    failed = {m.key: m.last_error for m in outbox(chat.sessions) if m.key.startswith("meeting-1d")}
    assert failed["meeting-1d:meeting:1@20261210T1000Z:channel:none"].startswith(
        "the platform refused the channel of Children's Joint Commissioning Group (is_archived); bind one with "
        "`group bind cjcg`")
    assert ticks[0].delivered is not None

    archived.archived = False  # unarchived; the chair binds it again
    chat.now = day_before + dt.timedelta(hours=1)
    chat.ok("alice", "group bind cjcg")
    run(chat.sessions, archived, [dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)])
    assert [s.reply.title for s in archived.sent if s.destination.channel_id == "room"] == ["Meeting starting"]


def test_sent_and_set_aside_messages_are_pruned_after_the_retention_and_failed_ones_kept(
        chat: Chat, notifier: RecordingNotifier) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    day_before = dt.datetime(2026, 12, 9, 9, 0, tzinfo=dt.UTC)
    notifier.failures += [DeliveryFailed("rate limited (429)", retry_after=120),
                          DeliveryFailed("user_not_found", permanent=True)]
    run(chat.sessions, notifier, [day_before])
    chat.now = day_before + MINUTE
    chat.ok("alice", "meeting cancel 1")
    run(chat.sessions, notifier, [day_before + 3 * MINUTE])
    before = {m.key: m.status for m in outbox(chat.sessions)}
    assert before["meeting-1d:meeting:1@20261210T1000Z:channel:1"] == "expired"  # cancelled while it waited
    assert before["apologies:meeting:1@20261210T1000Z:person:1"] == "failed"
    assert list(before.values()).count("sent") == 12  # eleven apologies reminders and the chair told of the failure
    run(chat.sessions, notifier, [day_before + dt.timedelta(days=90) - MINUTE])
    assert {m.key for m in outbox(chat.sessions)} >= set(before)
    run(chat.sessions, notifier, [day_before + dt.timedelta(days=90, minutes=1)])
    assert [(m.key, m.status) for m in outbox(chat.sessions) if m.key in before] == [
        ("apologies:meeting:1@20261210T1000Z:person:1", "failed")]  # kept until acknowledged


def test_a_prepared_post_is_delivered_as_stored_and_not_to_a_disabled_channel(chat: Chat) -> None:
    chat.load("cjcg")
    archived = ArchivedRoom()
    archived.archived = False
    card = Reply("Poll 3 is open", title="Vote", buttons=(Button("For", Vote(poll=3, choice=("for",)), "primary"),))
    with unit_of_work(chat.sessions) as session:
        assert queue_post(session, 1, "post:card:1", card, WEEK_BEFORE, channel_binding_id=1)
        assert not queue_post(session, 1, "post:card:1", card, WEEK_BEFORE, channel_binding_id=1)  # once a key
    run(chat.sessions, archived, [WEEK_BEFORE])
    assert [s.reply for s in archived.sent] == [card]

    archived.archived = True
    with unit_of_work(chat.sessions) as session:
        queue_post(session, 1, "post:card:2", card, WEEK_BEFORE, channel_binding_id=1)
        queue_post(session, 1, "post:card:3", card, WEEK_BEFORE, channel_binding_id=1)
    run(chat.sessions, archived, [WEEK_BEFORE + MINUTE, WEEK_BEFORE + 2 * MINUTE])
    with unit_of_work(chat.sessions) as session:
        queue_post(session, 1, "post:card:4", card, WEEK_BEFORE, channel_binding_id=1)
    run(chat.sessions, archived, [WEEK_BEFORE + 3 * MINUTE])
    rows = {m.key: (m.status, m.last_error) for m in outbox(chat.sessions) if m.key.startswith("post:card")}
    assert rows["post:card:2"] == ("failed", "is_archived")
    assert rows["post:card:3"] == ("expired", "set aside: the platform refused the channel (is_archived)")
    assert rows["post:card:4"] == ("failed", "the platform refused the channel (is_archived); it posts again once "
                                             "bound again with `group bind`")
