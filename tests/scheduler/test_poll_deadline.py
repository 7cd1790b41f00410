"""At a poll's deadline the scheduler closes it, posts the result and records that it did."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot.db import make_engine, session_factory, unit_of_work
from bot.models import AuditEvent, Base, Poll
from scheduler.due import derive
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


def close_two_polls_one_pass_at_a_time(chat: Chat) -> list[str]:
    """Two polls of one group close at the same deadline; each derive pass may handle one due reminder only."""
    chat.load("cjcg")
    chat.ok("alice", 'poll "Venue?" "Civic Centre" "Library" --closes 2026-12-04')
    chat.ok("alice", 'poll "Date?" "Monday" "Friday" --closes 2026-12-04')
    more = True
    while more:
        with unit_of_work(chat.sessions) as session:
            more = derive(session, DEADLINE, limit=1).more
    with chat.sessions() as session:
        return [status for status in session.scalars(select(Poll.status).order_by(Poll.id))]


def test_a_pass_that_hits_its_limit_leaves_the_other_due_reminders_of_the_group_for_the_next(chat: Chat) -> None:
    assert close_two_polls_one_pass_at_a_time(chat) == ["closed", "closed"]


@pytest.mark.postgres
def test_a_pass_that_hits_its_limit_loses_no_due_reminder_on_postgresql(postgres_schema_url: str) -> None:
    engine = make_engine(postgres_schema_url)
    Base.metadata.create_all(engine)
    try:
        assert close_two_polls_one_pass_at_a_time(Chat(session_factory(engine))) == ["closed", "closed"]
    finally:
        engine.dispose()
