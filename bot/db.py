"""Engine, sessions and migrations for the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from bot.records.record_baseline import seal_existing


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; SQLite gets foreign keys, WAL and a busy timeout so two processes can share it."""
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"timeout": 30})
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            # We begin transactions ourselves (below), so the driver must not.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            if url not in ("sqlite://", "sqlite:///:memory:"):
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin_immediate(connection: Any) -> None:
            # Take the write lock up front: concurrent commands (thirty clicks on one button) then queue on the
            # busy timeout instead of failing when a read transaction tries to become a writer.
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session that commits when the block succeeds and rolls back, whole, when it raises."""
    with sessions() as session, session.begin():
        yield session


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("bot") / "migrations"))
    # ConfigParser interpolates "%": a URL-encoded password or option must reach the engine unchanged.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str) -> None:
    """Migrate the database at `url` to the newest schema (every head), then seal a record kept before the audit
    chain covered its rows (once: a no-op after)."""
    command.upgrade(alembic_config(url), "heads")
    engine = make_engine(url)
    try:
        with unit_of_work(session_factory(engine)) as session:
            seal_existing(session, dt.datetime.now(dt.UTC))
    finally:
        engine.dispose()
