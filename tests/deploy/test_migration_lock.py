"""Replicas starting together: every `govbot db upgrade` succeeds and the schema is built once, on PostgreSQL
(advisory lock) and on SQLite (its write lock); `govbot run` without migrating waits for the schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.db import make_engine, schema_is_current, upgrade
from bot.errors import DomainError
from govbot.readiness import wait_for_schema
from tests.deploy.processes import clean_env
from tests.test_migrations import schema_drift


def upgrade_at_once(url: str, cwd: Path, processes: int = 3) -> list[subprocess.CompletedProcess[str]]:
    env = clean_env(DATABASE_URL=url)
    started = [subprocess.Popen([sys.executable, "-m", "govbot.cli", "db", "upgrade"], cwd=cwd, env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(processes)]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=180), *p.communicate()) for p in started]


@pytest.mark.postgres
def test_three_upgrades_at_once_on_a_fresh_postgresql_schema_all_succeed(tmp_path: Path,
                                                                        postgres_schema_url: str) -> None:
    results = upgrade_at_once(postgres_schema_url, tmp_path)
    assert [r.returncode for r in results] == [0, 0, 0], [r.stderr[-800:] for r in results]
    assert all("is up to date" in r.stdout for r in results)
    assert schema_drift(postgres_schema_url) == []
    engine = make_engine(postgres_schema_url)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM alembic_version")) == 1
    engine.dispose()


def test_three_upgrades_at_once_on_a_fresh_sqlite_file_all_succeed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'govbot.db'}"
    results = upgrade_at_once(url, tmp_path)
    assert [r.returncode for r in results] == [0, 0, 0], [r.stderr[-800:] for r in results]
    assert schema_drift(url) == []


def test_run_waits_for_the_schema_and_starts_once_it_is_current(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'govbot.db'}"
    engine = make_engine(url)
    waits: list[float] = []

    def migrate_meanwhile(seconds: float) -> None:  # another process's `govbot db upgrade`, while this one waits
        waits.append(seconds)
        if len(waits) == 2:
            upgrade(url)

    wait_for_schema(engine, timeout=60, pause=2, sleep=migrate_meanwhile)
    assert waits == [2, 2] and schema_is_current(engine)
    engine.dispose()


def test_run_gives_up_waiting_with_what_to_do(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'govbot.db'}")
    with pytest.raises(DomainError, match="Run `govbot db upgrade`"):
        wait_for_schema(engine, timeout=10, pause=2, sleep=lambda _: None)
    engine.dispose()
