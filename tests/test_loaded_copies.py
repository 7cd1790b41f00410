"""tests/loaded.py gives a test the record a real load would: the copy of a load holds the same rows, ids and
audit chain, and a record something else has written to is never overwritten with a copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, session_factory, unit_of_work
from bot.models import Person
from bot.records.audit_trail import verify
from bot.services.context import Place
from bot.services.groups import bind_channel, import_group
from tests import loaded
from tests.conftest import START, example

ROOM = Place("console", "room")


def record(empty_record: Path, folder: Path) -> Engine:
    folder.mkdir()
    shutil.copyfile(empty_record, folder / "govbot.db")
    return make_engine(f"sqlite:///{folder / 'govbot.db'}")


def dump(sessions: sessionmaker[Session]) -> list[str]:
    connection = sessions.kw["bind"].raw_connection()
    try:
        lines = list(connection.driver_connection.iterdump())  # type: ignore[union-attr]
    finally:
        connection.close()
    # Each worker creates its empty record's indexes in its own order (the metadata's sets are hashed per process),
    # and a copy may come from another worker: the same indexes in another order are the same schema.
    indexes = sorted(line for line in lines if line.startswith("CREATE INDEX"))
    return [line for line in lines if not line.startswith("CREATE INDEX")] + indexes


def test_a_copied_load_is_the_record_a_real_load_makes(empty_record: Path, tmp_path: Path) -> None:
    tor = example("lciib").read_text(encoding="utf-8")
    real = session_factory(record(empty_record, tmp_path / "real"))
    with unit_of_work(real) as session:
        bind_channel(session, import_group(session, tor, START), ROOM, START, actor_id=None)
    copies = []
    for name in ("first", "second"):  # the first load runs for real, the second is a copy of it
        engine = record(empty_record, tmp_path / name)
        loaded.watch(engine)
        copies.append(session_factory(engine))
        loaded.load(copies[-1], tor, START, ROOM)
        loaded.unwatch(engine)
    assert dump(copies[0]) == dump(copies[1]) == dump(real)
    with copies[1]() as session:
        verdict = verify(session)
    assert verdict.checked > 1 and not verdict.problems


def test_a_record_written_to_since_is_loaded_for_real(empty_record: Path, tmp_path: Path) -> None:
    tor = example("cjcg").read_text(encoding="utf-8")
    first = record(empty_record, tmp_path / "first")
    loaded.watch(first)
    loaded.load(session_factory(first), tor, START, ROOM)  # kept: the next such load onto an empty record copies it
    loaded.unwatch(first)
    engine = record(empty_record, tmp_path / "second")
    loaded.watch(engine)
    sessions = session_factory(engine)
    with unit_of_work(sessions) as session:  # someone else writes: the record is no longer the empty one
        session.add(Person(display_name="zed"))
    loaded.load(sessions, tor, START, ROOM)
    loaded.unwatch(engine)
    with sessions() as session:
        assert "zed" in set(session.scalars(select(Person.display_name)))
        assert "alice" in set(session.scalars(select(Person.display_name)))


def test_a_copy_another_process_of_the_run_kept_is_the_record_its_step_makes(
        empty_record: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "shared").mkdir()
    monkeypatch.setenv(loaded.SHARED, str(tmp_path / "shared"))
    monkeypatch.setattr(loaded, "_copies", {})  # this process has kept no copy yet
    tor, made = example("lciib").read_text(encoding="utf-8"), []

    def load_in(sessions: sessionmaker[Session]) -> None:
        def make() -> None:
            made.append(sessions)
            with unit_of_work(sessions) as session:
                bind_channel(session, import_group(session, tor, START), ROOM, START, actor_id=None)

        loaded.made(sessions, ("shared load", tor), make)

    records = []
    for name in ("first", "second"):
        engine = record(empty_record, tmp_path / name)
        loaded.watch(engine)
        records.append(session_factory(engine))
        load_in(records[-1])
        loaded.unwatch(engine)
        loaded._copies.clear()  # the second is as another worker: it finds the first's copy by its steps alone
    assert made == [records[0]] and dump(records[0]) == dump(records[1])
