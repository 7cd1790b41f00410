"""On PostgreSQL, audit events of different groups commit in any order (each group's chain has its own lock), so an
event can become visible after a later-numbered one the scheduler has already read. Its group is still replanned on
the next pass, not three weeks later when the plan runs out."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bot.db import unit_of_work
from bot.models import AuditEvent, Group, ReminderPlan
from bot.services.context import Place, terms_of
from bot.services.groups import bind_channel, import_group
from scheduler.due import derive
from scheduler.runner import derive_all
from tests.conftest import cjcg_in_room, example

NOW = dt.datetime(2026, 12, 2, 9, 30, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)
EARLY = 'reminders: {at: "06:00"}\n'


def local_hours(sessions: object, group_id: int) -> set[int]:
    """The local hours of day at which the group's planned reminders fall due."""
    with sessions() as session:  # type: ignore[operator]
        group = session.get(Group, group_id)
        zone = terms_of(group.terms_yaml, group.short_name).zone
        due = session.scalars(select(ReminderPlan.due_at).where(ReminderPlan.group_id == group_id,
                                                                ReminderPlan.kind != "replan"))
        return {moment.astimezone(zone).hour for moment in due}


@pytest.mark.postgres
def test_a_change_committed_after_a_later_numbered_one_is_planned_on_the_next_pass(postgres_schema_url: str) -> None:
    engine, sessions = cjcg_in_room(postgres_schema_url, Place("console", "a"))
    try:
        with unit_of_work(sessions) as session:
            lieg = import_group(session, example("lieg").read_text(encoding="utf-8"), NOW)
            bind_channel(session, lieg, Place("console", "b"), NOW, actor_id=None)
        derive_all(sessions, NOW)
        assert local_hours(sessions, 1) == {9}  # the CJCG's reminders go out at 09:00

        # An operator re-imports the CJCG's ToR with reminders at 06:00; its transaction is slow to commit.
        slow = sessions()
        try:
            slow.begin()
            cjcg = slow.get(Group, 1)
            assert cjcg is not None
            import_group(slow, cjcg.terms_yaml + EARLY, NOW + MINUTE)
            slow.flush()
            # Meanwhile the LIEG's channel is bound: a later-numbered audit event, committed first.
            with unit_of_work(sessions) as session:
                lieg = session.get(Group, 2)
                assert lieg is not None
                bind_channel(session, lieg, Place("console", "c"), NOW + MINUTE, actor_id=None)
            # A pass runs between the two commits: it sees the LIEG's event, not the CJCG's earlier-numbered one.
            with unit_of_work(sessions) as session:
                derive(session, NOW + 2 * MINUTE)
            slow.commit()
        finally:
            slow.close()
        with sessions() as session:
            cjcg_event, lieg_event = (session.scalar(select(func.max(AuditEvent.id)).where(AuditEvent.group_id == g))
                                      for g in (1, 2))
        assert cjcg_event is not None and lieg_event is not None and cjcg_event < lieg_event

        derive_all(sessions, NOW + 3 * MINUTE)
        assert local_hours(sessions, 1) == {6}
    finally:
        engine.dispose()
