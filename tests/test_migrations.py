"""The Alembic migrations build exactly the schema the models describe, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.db import make_engine, upgrade
from bot.models import Base


def schema_drift(url: str, **engine_args: object) -> list[object]:
    engine = make_engine(url, **engine_args)
    with engine.connect() as connection:
        drift = compare_metadata(MigrationContext.configure(connection), Base.metadata)
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
