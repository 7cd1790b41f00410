"""At a poll's deadline the scheduler closes it, posts the result and records that it did."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.models import AuditEvent, Poll
from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, run

DEADLINE = dt.datetime(2026, 12, 4, 17, 0, tzinfo=dt.UTC)  # 17:00 GMT, the default closing time of a day


def test_the_deadline_closes_the_poll_posts_the_result_and_audits_it_as_the_scheduler(
        chat: Chat, notifier: RecordingNotifier) -> None:
    chat.load("cjcg")
    chat.ok("alice", 'poll "Venue?" "Civic Centre" "Library" --closes 2026-12-04')
    chat.ok("bob", "vote 1 library")
    chat.ok("carol", "vote 1 2")
    chat.ok("erin", "vote 1 2")  # a quorum of voters (ToR 6.4), so the poll decides
    run(chat.sessions, notifier, [DEADLINE - dt.timedelta(minutes=1)])
    reminded = {s.destination.user_id for s in notifier.sent if s.reply.title == "Vote closing soon"}
    assert len(reminded) == 9 and not reminded & {"bob", "carol", "erin"}  # the 24-hour reminder, to those yet to vote
    assert not [s for s in notifier.sent if s.destination.channel_id]
    run(chat.sessions, notifier, [DEADLINE, DEADLINE + dt.timedelta(minutes=1)])
    results = [s for s in notifier.sent if s.destination.channel_id == "room"]
    assert [s.reply.title for s in results] == ["Poll 1: Venue?"]
    assert "Poll 1 is closed: Library has the most votes (3 of 3 voting)." in results[0].reply.text
    with chat.sessions() as session:
        poll = session.get(Poll, 1)
        assert poll is not None and poll.status == "closed" and poll.closed_at == DEADLINE
        events = session.execute(select(AuditEvent.action, AuditEvent.actor_id, AuditEvent.detail)
                                 .where(AuditEvent.action.in_(("vote.deadline_passed", "vote.closed")))).all()
    assert [(action, actor) for action, actor, _ in events] == [("vote.deadline_passed", None), ("vote.closed", None)]
    assert events[0][2]["by"] == "scheduler"
    assert chat.refused("dan", "vote 1 1").text == "Poll 1 is closed; see `results 1`."


def test_a_poll_the_chair_closed_early_is_not_closed_again(chat: Chat, notifier: RecordingNotifier) -> None:
    chat.load("cjcg")
    chat.ok("alice", 'poll "Venue?" "Civic Centre" "Library" --closes 2026-12-04')
    chat.ok("alice", "poll close 1")
    ticks = run(chat.sessions, notifier, [DEADLINE])
    assert [k for k in ticks[0].derived.queued if k.startswith("poll")] == []
    assert [s.reply.title for s in notifier.sent] == []
