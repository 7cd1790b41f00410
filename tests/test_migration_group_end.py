"""Migration 0021_end_motion_card_change: the motion that ended a group moves from its note ("motion N: outcome")
into the event's poll_id, and back on downgrade; a note the bot did not write stays as it was. A card posted before
it knows no change it shows, so any refresh may replace it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from bot.db import alembic_config, make_engine, upgrade
from tests.test_migrations import schema_drift

AT = dt.datetime(2023, 2, 7, 15, 0)
CARRIED = "carried: 4 for, 0 against (all members in office)"
# (group, kind, note) as the revision before kept them: group 1 ended by its motion 2, group 2 on a reference a
# member typed that happens to begin like one, and a review whose note names the motion.
EVENTS = [(1, "ended", f"motion 2: {CARRIED}"), (2, "ended", "motion 2: Board, 12 Jan, minute 5"),
          (1, "review", f"motion 2: {CARRIED}")]


def events_after_upgrade(url: str) -> list[tuple[int, str, int | None, str | None]]:
    command.upgrade(alembic_config(url), "0020_guests")
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO people (id, display_name, forgotten) VALUES (1, 'sam', false)"))
        for group in (1, 2):
            connection.execute(text("INSERT INTO groups (id, short_name, name, terms_yaml, created_at) "
                                    "VALUES (:id, :short, :short, '', :at)"), {"id": group, "short": f"g{group}",
                                                                               "at": AT})
        for poll, group, number in ((10, 1, 1), (11, 1, 2), (12, 2, 2)):
            connection.execute(text("INSERT INTO polls (id, group_id, number, kind, question, secret, multi, status, "
                                    "proposed_by_id, proposed_at, outcome) VALUES (:id, :group, :number, 'motion', "
                                    "'That the group ceases', false, false, 'closed', 1, :at, :outcome)"),
                               {"id": poll, "group": group, "number": number, "at": AT, "outcome": CARRIED})
        for group, kind, note in EVENTS:
            connection.execute(text("INSERT INTO group_events (group_id, kind, done_on, by_id, note, recorded_at) "
                                    "VALUES (:group, :kind, :on, 1, :note, :at)"),
                               {"group": group, "kind": kind, "on": AT.date(), "note": note, "at": AT})
        connection.execute(text("INSERT INTO posted_messages (platform, channel_id, subject, message_ref, posted_at) "
                                "VALUES ('slack', 'C0CSCPWG', 'poll:11', '1675782000.000100', :at)"), {"at": AT})
    engine.dispose()
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(text(
            "SELECT group_id, kind, poll_id, note FROM group_events ORDER BY id"))]
        assert list(connection.execute(text("SELECT subject, shown_change FROM posted_messages"))) == [
            ("poll:11", None)]
    engine.dispose()
    return rows  # type: ignore[return-value]


def notes_after_downgrade(url: str) -> list[tuple[int, str, str | None]]:
    command.downgrade(alembic_config(url), "0020_guests")
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(text(
            "SELECT group_id, kind, note FROM group_events ORDER BY id"))]
    engine.dispose()
    return rows  # type: ignore[return-value]


MOVED = [(1, "ended", 11, None), (2, "ended", None, "motion 2: Board, 12 Jan, minute 5"),
         (1, "review", None, f"motion 2: {CARRIED}")]


def test_the_motion_that_ended_a_group_moves_into_its_column_and_back_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'e.db'}"
    assert events_after_upgrade(url) == MOVED
    assert notes_after_downgrade(url) == EVENTS
    upgrade(url)
    assert schema_drift(url) == []


@pytest.mark.postgres
def test_the_motion_that_ended_a_group_moves_into_its_column_and_back_on_postgresql(postgres_schema_url: str) -> None:
    assert events_after_upgrade(postgres_schema_url) == MOVED
    assert notes_after_downgrade(postgres_schema_url) == EVENTS
    upgrade(postgres_schema_url)
    assert schema_drift(postgres_schema_url) == []
