"""Engine, sessions and migrations for the record."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from bot import driver_sql
from bot.errors import DomainError
from bot.records.record_baseline import seal_existing

if TYPE_CHECKING:
    from alembic.config import Config

# pg_advisory_xact_lock key held while migrating: any fixed 64-bit number no other application on the database uses.
MIGRATION_LOCK = 0x676F76626F74  # "govbot"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; SQLite gets foreign keys, WAL and a busy timeout so two processes can share it."""
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"timeout": 30})
    elif url.startswith("postgresql"):
        # The connection used last is taken first: its statements are prepared already (psycopg prepares one on a
        # connection at its sixth use), and the pool's other connections stay idle until a burst needs them.
        kwargs.setdefault("pool_use_lifo", True)
    try:
        engine = create_engine(url, **kwargs)
    except ModuleNotFoundError as missing:
        if missing.name not in ("psycopg", "psycopg2", "asyncpg"):
            raise
        raise DomainError(f"DATABASE_URL names PostgreSQL but its driver ({missing.name}) is not installed. Install "
                          "govbot with its postgres extra: pip install 'govbot[postgres]' (in a clone: "
                          ".venv/bin/pip install -e '.[postgres]'), and use postgresql+psycopg://... URLs.") from None
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

        immediate_begins(engine)
        plain_savepoints(engine)
    elif engine.dialect.driver == "psycopg":
        # psycopg is imported only by a process on PostgreSQL
        from bot.pg_cursor import DescribedCursor, rollback_keeping_prepared

        @event.listens_for(engine, "connect")
        def _described(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.cursor_factory = DescribedCursor

        engine.dialect.do_rollback = rollback_keeping_prepared  # type: ignore[method-assign]
    return engine


def immediate_begins(engine: Engine) -> None:
    """Every transaction takes the write lock up front: concurrent commands (thirty clicks on one button) then queue
    on the busy timeout instead of failing when a read transaction tries to become a writer. Done as the dialect's
    own way to begin, not a "begin" listener: any listener of a connection event sends every statement the engine
    runs through SQLAlchemy's event dispatch, 90 Python calls a statement instead of 59 (a vote sends nine)."""

    def begin(dbapi_connection: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
        finally:
            cursor.close()

    engine.dialect.do_begin = begin  # type: ignore[method-assign]


def plain_savepoints(engine: Engine) -> None:
    """Savepoints sent as the SQL they are. SQLAlchemy compiles a new statement for every savepoint (its name makes
    it one it cannot cache), and SQLite's group commit (bot.group_commit) opens and releases one for each command in
    a batch: 130 µs of Python a command, 50 µs as plain SQL through SQLAlchemy, less again on the driver's cursor
    (bot.driver_sql.send: SQLAlchemy's execution cost about 20 µs a statement for SQLite's 2)."""
    dialect, quote = engine.dialect, engine.dialect.identifier_preparer.quote

    def savepoint(connection: Connection, name: str) -> None:
        driver_sql.send(connection, f"SAVEPOINT {quote(name)}")

    def rollback_to(connection: Connection, name: str) -> None:
        driver_sql.send(connection, f"ROLLBACK TO SAVEPOINT {quote(name)}")

    def release(connection: Connection, name: str) -> None:
        driver_sql.send(connection, f"RELEASE SAVEPOINT {quote(name)}")

    dialect.do_savepoint = savepoint  # type: ignore[method-assign]
    dialect.do_rollback_to_savepoint = rollback_to  # type: ignore[method-assign]
    dialect.do_release_savepoint = release  # type: ignore[method-assign]


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session that commits when the block succeeds and rolls back, whole, when it raises."""
    with sessions() as session, session.begin():
        yield session


def alembic_config(url: str) -> Config:
    # Alembic (with every dialect's DDL) is imported here, not above: only migrations and the schema check need it,
    # and loading it cost every `govbot` command ~0.35 s of CPU.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("bot") / "migrations"))
    # ConfigParser interpolates "%": a URL-encoded password or option must reach the engine unchanged.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str) -> None:
    """Migrate the database at `url` to the newest schema (every head), then seal a record kept before the audit
    chain covered its rows (once: a no-op after)."""
    from alembic import command

    command.upgrade(alembic_config(url), "heads")
    engine = make_engine(url)
    try:
        with unit_of_work(session_factory(engine)) as session:
            seal_existing(session, dt.datetime.now(dt.UTC))
    finally:
        engine.dispose()


def take_migration_lock(connection: Connection) -> None:
    """Hold the database's migration lock until the connection's transaction ends: on PostgreSQL an advisory
    lock; on SQLite the write lock its BEGIN IMMEDIATE (make_engine) already took. A second `govbot db upgrade`
    waits here, then finds the schema current."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})


def schema_is_current(engine: Engine) -> bool:
    """Whether the database has every migration this code knows (its revisions are the script's heads)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads()) == code_heads()


@functools.cache
def code_heads() -> frozenset[str]:
    """The migrations this code ends with, read from its scripts once a process: reading them was 6 ms of CPU on
    every /readyz, which anyone may ask for as often as they like (twenty times a normal request's cost)."""
    from alembic.script import ScriptDirectory

    return frozenset(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())
