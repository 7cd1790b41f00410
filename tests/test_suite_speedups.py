"""The suite's own speed-ups change nothing a test sees: engines sharing compiled SQL (tests/compiled.py) still each
read and write their own file, the slow-first order (tests/order.py) runs every test once, each module whole, a
test's record is in its tmp_path when it asks for one, and a file the run's workers share is made once."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from bot.db import make_engine, session_factory, unit_of_work
from bot.models import AuditEvent, Group
from tests import compiled, conftest, loaded
from tests.conftest import Chat
from tests.order import SLOW, slow_first


def test_engines_sharing_compiled_sql_each_keep_their_own_record(empty_record: Path, tmp_path: Path) -> None:
    engines = []
    for name in ("a", "b"):
        shutil.copyfile(empty_record, tmp_path / f"{name}.db")
        engines.append(make_engine(f"sqlite:///{tmp_path / name}.db"))
        compiled.share(engines[-1])
        engines[-1].connect().close()  # a first engine's dialect is initialised by its first connection, then shared
    a, b = engines
    assert a.dialect is b.dialect and a._compiled_cache is b._compiled_cache
    chat = Chat(session_factory(a))
    chat.load("cjcg")
    assert not chat.say("alice", "members").error
    counted = select(func.count(Group.id)), select(func.count(AuditEvent.id))
    with unit_of_work(session_factory(a)) as session:
        assert [session.scalar(q) for q in counted][0] == 1
    with unit_of_work(session_factory(b)) as session:  # the same compiled statements, on the other file
        assert [session.scalar(q) for q in counted] == [0, 0]
    for engine in engines:
        engine.dispose()


@dataclass
class Item:
    nodeid: str


def test_the_slowest_modules_start_each_workers_share_and_every_test_runs_once() -> None:
    slow = sorted(SLOW, key=lambda m: (-SLOW[m], m))[:4]
    items = [Item(f"tests/test_quick_{n}.py::test_{k}") for n in range(30) for k in range(10)]
    items += [Item(f"{module}::test_{k}") for module in slow for k in range(3)]  # collected last, as a late module
    ordered = slow_first(items, 2)  # type: ignore[arg-type]
    assert sorted(i.nodeid for i in ordered) == sorted(i.nodeid for i in items)
    half = len(items) // 2  # worksteal's first split between two workers
    firsts = {ordered[0].nodeid.split("::")[0], ordered[half].nodeid.split("::")[0]}
    assert firsts == {slow[0], slow[1]}  # the two slowest start at once, one on each worker
    for module in slow:  # each module whole, in its own order
        at = [n for n, i in enumerate(ordered) if i.nodeid.startswith(module)]
        assert at == list(range(at[0], at[0] + 3)) and [ordered[n].nodeid[-1] for n in at] == ["0", "1", "2"]


def test_a_test_that_asks_for_tmp_path_finds_its_record_there(engine: Engine, tmp_path: Path) -> None:
    assert Path(str(engine.url.database)) == tmp_path / "govbot.db"


def test_a_test_that_asks_for_no_tmp_path_has_a_record_of_its_own(engine: Engine) -> None:
    path = Path(str(engine.url.database))
    assert path.exists() and path.parent == conftest.RECORDS[0]


def test_a_file_the_runs_processes_share_is_made_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(loaded.SHARED, str(tmp_path))
    made: list[Path] = []

    def make(path: Path) -> None:
        made.append(path)
        path.write_text("made", encoding="utf-8")

    first, again = loaded.shared_file("f.txt", make), loaded.shared_file("f.txt", make)
    assert first == again == tmp_path / "f.txt" and first.read_text(encoding="utf-8") == "made" and len(made) == 1
    monkeypatch.delenv(loaded.SHARED)
    assert loaded.shared_file("f.txt", make) is None  # -n0: no folder is shared
