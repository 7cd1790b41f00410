"""The Alembic migrations build exactly the schema the models describe, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

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


def numbers_after_upgrade(url: str) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """Meetings and polls of two groups, created interleaved before 0006, and the numbers 0006 gives them."""
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
    engine.dispose()
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        numbered = [[(row.id, row.group_id, row.number) for row in
                     connection.execute(text(f"SELECT id, group_id, number FROM {table} ORDER BY id"))]
                    for table in ("meetings", "polls")]
    engine.dispose()
    return numbered[0], numbered[1]


NUMBERED = ([(1, 1, 1), (2, 2, 1), (3, 1, 2), (4, 1, 3), (5, 2, 2)], [(1, 2, 1), (2, 1, 1), (3, 2, 2)])


def test_upgrading_numbers_existing_meetings_and_polls_per_group_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'n.db'}"
    assert numbers_after_upgrade(url) == NUMBERED
    command.downgrade(alembic_config(url), "0005")  # and back, should a release be rolled back
    upgrade(url)
    assert schema_drift(url) == []


@pytest.mark.postgres
def test_upgrading_numbers_existing_meetings_and_polls_per_group_on_postgresql(postgres_schema_url: str) -> None:
    assert numbers_after_upgrade(postgres_schema_url) == NUMBERED
    command.downgrade(alembic_config(postgres_schema_url), "0005")
    upgrade(postgres_schema_url)
    assert schema_drift(postgres_schema_url) == []
