"""The first pass after an installation or upgrade plans every group in bounded batches, each committed."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bot.db import unit_of_work
from bot.models import ReminderPlan
from scheduler import first_pass
from scheduler.due import derive
from scheduler.runner import derive_all
from tests.conftest import Chat

NOW = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)


def planned_groups(chat: Chat) -> list[int]:
    with chat.sessions() as session:
        return list(session.scalars(select(ReminderPlan.group_id).distinct().order_by(ReminderPlan.group_id)))


def test_the_first_pass_plans_a_batch_a_pass_and_commits_each(chat: Chat, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, room in (("cjcg", "a"), ("lieg", "b"), ("plpcp", "c")):
        chat.load(name, channel=room)
    monkeypatch.setattr(first_pass, "GROUPS_PER_PASS", 2)
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
    monkeypatch.setattr(first_pass, "GROUPS_PER_PASS", 1)
    assert derive_all(chat.sessions, NOW).replanned == 3
    with chat.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ReminderPlan)) > 3
    assert planned_groups(chat) == [1, 2, 3]
