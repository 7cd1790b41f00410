"""The first pass after an installation or upgrade asks for every group to be planned; the groups are then planned
in bounded batches, each committed with its pass, by whichever replicas claim them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bot.db import unit_of_work
from bot.models import ReminderPlan
from bot.services.context import Place
from bot.services.groups import bind_channel, import_group
from scheduler import partition
from scheduler.due import derive
from scheduler.runner import derive_all
from tests.conftest import Chat, cjcg_in_room, example

NOW = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)


def planned_groups(chat: Chat) -> list[int]:
    with chat.sessions() as session:
        return list(session.scalars(select(ReminderPlan.group_id).where(ReminderPlan.kind != "replan").distinct()
                                    .order_by(ReminderPlan.group_id)))


def test_the_first_pass_plans_a_batch_a_pass_and_commits_each(chat: Chat, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, room in (("cjcg", "a"), ("lieg", "b"), ("plpcp", "c")):
        chat.load(name, channel=room)
    monkeypatch.setattr(partition, "GROUPS_PER_PASS", 2)
    with unit_of_work(chat.sessions) as session:
        first = derive(session, NOW)
    assert (first.replanned, first.more) == (2, True)
    assert planned_groups(chat) == [1, 2]  # committed: a restart resumes from group 3
    with unit_of_work(chat.sessions) as session:
        second = derive(session, NOW + dt.timedelta(minutes=1))
    assert (second.replanned, second.more) == (1, False)
    assert planned_groups(chat) == [1, 2, 3]

    chat.now = NOW + dt.timedelta(minutes=2)  # after the first pass, only what changed is replanned
    chat.say("alice", "meeting schedule 2026-12-20 10:00", channel="b")
    assert derive_all(chat.sessions, NOW + dt.timedelta(minutes=3)).replanned == 1


def test_derive_all_runs_the_whole_first_pass(chat: Chat, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, room in (("cjcg", "a"), ("lieg", "b"), ("plpcp", "c")):
        chat.load(name, channel=room)
    monkeypatch.setattr(partition, "GROUPS_PER_PASS", 1)
    assert derive_all(chat.sessions, NOW).replanned == 3
    with chat.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ReminderPlan)) > 3
    assert planned_groups(chat) == [1, 2, 3]


@pytest.mark.postgres
def test_two_replicas_plan_different_groups_at_once_on_postgresql(postgres_schema_url: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    engine, sessions = cjcg_in_room(postgres_schema_url, Place("console", "a"))
    with unit_of_work(sessions) as session:
        for name, room in (("lieg", "b"), ("plpcp", "c")):
            group = import_group(session, example(name).read_text(encoding="utf-8"), NOW)
            bind_channel(session, group, Place("console", room), NOW, actor_id=None)
    monkeypatch.setattr(partition, "GROUPS_PER_PASS", 1)
    # The first pass asks for all three to be planned, and plans one.
    with unit_of_work(sessions) as session:
        assert derive(session, NOW).replanned == 1
    one, other = sessions(), sessions()
    try:
        with one.begin(), other.begin():
            # One replica holds the mark and a group; the other, meanwhile, plans the next group, without waiting.
            assert derive(one, NOW + dt.timedelta(minutes=1)).replanned == 1
            assert derive(other, NOW + dt.timedelta(minutes=1)).replanned == 1
        with sessions() as session:
            planned = set(session.scalars(select(ReminderPlan.group_id).where(ReminderPlan.kind != "replan")))
        assert planned == {1, 2, 3}
    finally:
        one.close()
        other.close()
        engine.dispose()
