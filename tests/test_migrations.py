"""The Alembic migrations build exactly the schema the models describe, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.db import make_engine, upgrade
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
