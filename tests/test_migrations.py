"""The Alembic migrations build exactly the schema the models describe, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from bot.db import alembic_config, make_engine, upgrade
from bot.models import Base

# slack_sdk's installation and OAuth state stores own these tables (migration 0005 creates them); they are not
# govbot models, so they are left out here and checked against slack_sdk's definitions in tests/slack.
SLACK_SDK_TABLES = frozenset({"slack_installations", "slack_bots", "slack_oauth_states"})


def ours(name: str | None, type_: str, parent_names: object) -> bool:
    return not (type_ == "table" and name in SLACK_SDK_TABLES)


def schema_drift(url: str, **engine_args: object) -> list[object]:
    engine = make_engine(url, **engine_args)
    with engine.connect() as connection:
        drift = compare_metadata(MigrationContext.configure(connection, opts={"include_name": ours}), Base.metadata)
    engine.dispose()
    return list(drift)


def test_migrations_match_the_models_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    upgrade(url)
    upgrade(url)  # a second run is a no-op, as `make run` relies on
    assert schema_drift(url) == []


@pytest.mark.postgres
def test_migrations_match_the_models_on_postgresql(postgres_schema_url: str) -> None:
    upgrade(postgres_schema_url)
    assert schema_drift(postgres_schema_url) == []


NUMBERED_TABLES = ("meetings", "polls", "action_items")


def numbers_after_upgrade(url: str) -> dict[str, list[tuple[int, int, int]]]:
    """Meetings, polls and actions of two groups, created interleaved before 0006, and the numbers 0006 and 0007
    give them: (id, group_id, number) for each row of each table."""
    command.upgrade(alembic_config(url), "0005")
    engine = make_engine(url)
    at = {"at": dt.datetime(2026, 1, 1, 9, 0)}
    with engine.begin() as connection:
        for group in (1, 2):
            connection.execute(text("INSERT INTO groups (id, short_name, name, terms_yaml, created_at) "
                                    "VALUES (:id, :short, :short, '', :at)"), {"id": group, "short": f"g{group}", **at})
        connection.execute(text("INSERT INTO people (id, display_name, forgotten) VALUES (1, 'alice', false)"))
        for meeting, group in ((1, 1), (2, 2), (3, 1), (4, 1), (5, 2)):
            connection.execute(text("INSERT INTO meetings (id, group_id, starts_at, status) "
                                    "VALUES (:id, :group, :at, 'scheduled')"), {"id": meeting, "group": group, **at})
        for poll, group in ((1, 2), (2, 1), (3, 2)):
            connection.execute(text("INSERT INTO polls (id, group_id, kind, question, secret, multi, status, "
                                    "proposed_by_id, proposed_at) VALUES (:id, :group, 'poll', 'Venue?', false, "
                                    "false, 'open', 1, :at)"), {"id": poll, "group": group, **at})
        for action, group in ((1, 2), (2, 2), (3, 1), (4, 2), (5, 1)):
            connection.execute(text("INSERT INTO action_items (id, group_id, text, recorded_by_id, recorded_at) "
                                    "VALUES (:id, :group, 'Book the venue', 1, :at)"),
                               {"id": action, "group": group, **at})
    engine.dispose()
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        numbered = {table: [(row.id, row.group_id, row.number) for row in
                            connection.execute(text(f"SELECT id, group_id, number FROM {table} ORDER BY id"))]
                    for table in NUMBERED_TABLES}
    engine.dispose()
    return numbered


NUMBERED = {"meetings": [(1, 1, 1), (2, 2, 1), (3, 1, 2), (4, 1, 3), (5, 2, 2)],
            "polls": [(1, 2, 1), (2, 1, 1), (3, 2, 2)],
            "action_items": [(1, 2, 1), (2, 2, 2), (3, 1, 1), (4, 2, 3), (5, 1, 2)]}


def rolled_back_and_forth(url: str) -> list[object]:
    """Downgrade 0007 (actions lose their numbers, meetings keep theirs), then 0006, then upgrade again: the drift
    left between the schema and the models."""
    command.downgrade(alembic_config(url), "0006")  # should a release be rolled back
    engine = make_engine(url)
    assert "number" not in {column["name"] for column in inspect(engine).get_columns("action_items")}
    assert "number" in {column["name"] for column in inspect(engine).get_columns("meetings")}
    engine.dispose()
    command.downgrade(alembic_config(url), "0005")
    upgrade(url)
    return schema_drift(url)


def test_upgrading_numbers_existing_meetings_polls_and_actions_per_group_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'n.db'}"
    assert numbers_after_upgrade(url) == NUMBERED
    assert rolled_back_and_forth(url) == []


@pytest.mark.postgres
def test_upgrading_numbers_existing_meetings_polls_and_actions_per_group_on_postgresql(
        postgres_schema_url: str) -> None:
    assert numbers_after_upgrade(postgres_schema_url) == NUMBERED
    assert rolled_back_and_forth(postgres_schema_url) == []
