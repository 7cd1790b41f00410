"""A SQLite record's transactions take the write lock as they begin, and its statements skip SQLAlchemy's event
dispatch: the lock is taken by the dialect's own begin (bot.db.immediate_begins), not by a listener."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.db import make_engine, session_factory, unit_of_work
from bot.models import Person
from tests.conftest import migrated


def test_a_transaction_holds_the_write_lock_from_its_first_read(tmp_path: Path) -> None:
    """Two commands that each read and then write never both read first and then fail as writers: the second
    waits at its start for the first to commit."""
    url = f"sqlite:///{tmp_path / 'record.db'}"
    migrated(url)  # the migrated schema, copied (tests/conftest.py): this test is about locks, not migrating
    engine = make_engine(url)
    other = sqlite3.connect(tmp_path / "record.db", timeout=0, isolation_level=None)
    try:
        with unit_of_work(session_factory(engine)) as session:
            session.execute(select(Person.id)).all()  # a read, nothing written yet
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # committed: the lock is free again
        other.execute("ROLLBACK")
    finally:
        other.close()
        engine.dispose()


def test_a_record_engine_listens_to_no_connection_event(tmp_path: Path) -> None:
    """Any listener of a connection event (a "begin" listener, say) sends every statement through SQLAlchemy's
    event dispatch: 90 Python calls a statement instead of 59, nine statements a vote."""
    engine = make_engine(f"sqlite:///{tmp_path / 'record.db'}")
    try:
        assert not engine._has_events
    finally:
        engine.dispose()
