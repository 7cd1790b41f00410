"""A reminder pass reads the record per batch, not per group or message: planning ten times as many groups, or
sending ten times as many reminders, takes about the same number of statements for the reads (the operator's
database load grows with the writes a reminder needs, not with a query per group)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from bench.record import seed
from bot.db import make_engine, session_factory
from scheduler.runner import deliver_all, derive_all
from tests.conftest import migrated
from tests.scheduler.conftest import RecordingNotifier

FIRST = dt.datetime(2026, 10, 5, 7, 0, tzinfo=dt.UTC)  # the bench's first pass, and its 09:00 a day later
NINE = dt.datetime(2026, 10, 6, 8, 0, tzinfo=dt.UTC)


class Statements:
    def __init__(self, engine: Engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self.seen)

    def seen(self, *_args: Any) -> None:
        self.count += 1


def counted(tmp_path: Path, groups: int) -> tuple[int, int, int, int]:
    """Statements of the first pass and of delivering what fell due by 09:00 the next day, and how many groups were
    planned and messages sent."""
    url = f"sqlite:///{tmp_path / f'{groups}.db'}"
    migrated(url)
    engine = make_engine(url)
    with engine.begin() as connection:
        seed(connection, groups=groups, seats=4, start=FIRST, meetings=2, meeting_days=30)
    statements = Statements(engine)
    sessions = session_factory(engine)
    planned = derive_all(sessions, FIRST).replanned
    first = statements.count
    derive_all(sessions, NINE)
    before = statements.count
    sent = len(deliver_all(sessions, {"console": RecordingNotifier()}, NINE).sent)
    delivery = statements.count - before
    engine.dispose()
    return first, planned, delivery, sent


def test_planning_and_delivery_read_per_batch_not_per_group_or_message(tmp_path: Path) -> None:
    few_first, few_groups, few_delivery, few_sent = counted(tmp_path, 4)
    many_first, many_groups, many_delivery, many_sent = counted(tmp_path, 40)
    assert (few_groups, many_groups) == (4, 40)
    assert many_first <= few_first + 5  # the same few reads and writes for the batch, whatever its size
    assert many_sent >= 4 * few_sent > 0
    # A message's own transaction (on SQLite: BEGIN, renew its lease, mark the one before it sent) and the batch's
    # reads; only a member's apologies prompt reads two rows of its own. It was over seven a message.
    assert many_delivery <= 4 * many_sent
