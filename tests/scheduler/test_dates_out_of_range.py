"""A date in one group's record that the calendar cannot go a year past (a meeting in 9999, kept before typed dates
were bounded) stops the reminders of that group only: every other group's are planned and sent as before."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import select, update

from bot.models import Group, Meeting, ReminderPlan
from scheduler.runner import derive_all
from tests.conftest import Chat


def test_a_meeting_in_year_9999_leaves_the_other_groups_reminders_planned(
        chat: Chat, caplog: pytest.LogCaptureFixture) -> None:
    chat.load("cjcg")
    chat.load("plpcp", channel="plpcp-room")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    assert not chat.say("alice", "meeting schedule 2026-12-11 10:00", channel="plpcp-room").error
    with chat.sessions.begin() as session:
        session.execute(update(Meeting).where(Meeting.group_id == select(Group.id).where(
            Group.short_name == "cjcg").scalar_subquery()).values(starts_at=dt.datetime(9999, 12, 30, 10, 0, tzinfo=dt.UTC)))
    with caplog.at_level(logging.ERROR):
        derive_all(chat.sessions, chat.now)
    with chat.sessions() as session:
        planned = set(session.execute(select(Group.short_name, ReminderPlan.kind).join(
            Group, Group.id == ReminderPlan.group_id)).all())
    assert ("plpcp", "meeting-7d") in planned, planned
    assert "cannot plan reminders for cjcg: a date in its record is out of range" in caplog.text
