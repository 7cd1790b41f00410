"""The PostgreSQL schema a test not about migrating gets (tests/pg_template.py, a copy of one migrated once a
process) is the one Alembic makes: every table, index, constraint, function, trigger and row alike."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.db import make_engine, schema_is_current, upgrade
from tests.pg_template import copy_migrated


@contextmanager
def schema(postgres_url: str) -> Iterator[tuple[str, str]]:
    name = f"govbot_{uuid.uuid4().hex[:10]}"
    admin = make_engine(postgres_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        yield name, postgres_url + ("&" if "?" in postgres_url else "?") + f"options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


def dumped(postgres_url: str, name: str) -> list[str]:
    """The schema as pg_dump writes it, its name replaced by a placeholder."""
    libpq = make_url(postgres_url).set(drivername="postgresql", query={}).render_as_string(hide_password=False)
    out = subprocess.run(["pg_dump", "--schema", name, "--no-owner", "--no-privileges", "--inserts", "--dbname",
                          libpq], capture_output=True, text=True, check=True).stdout
    return [line.replace(name, "SCHEMA") for line in out.splitlines() if not line.startswith("\\")]


@pytest.mark.postgres
def test_a_copied_schema_is_the_one_alembic_makes(postgres_url: str) -> None:
    with schema(postgres_url) as (migrated, migrated_url), schema(postgres_url) as (copied, copied_url):
        upgrade(migrated_url)
        assert copy_migrated(copied_url), "the copy was not made (is pg_dump missing?)"
        assert schema_is_current(engine := make_engine(copied_url))
        engine.dispose()
        assert dumped(postgres_url, copied) == dumped(postgres_url, migrated)
        assert not copy_migrated(copied_url)  # a schema holding tables is left as it is
