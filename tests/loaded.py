"""Loading a group (or replaying a meeting) into a test's record once a session, not once a test.

Loading an example group (parsing its ToR, seating each holder with an audit event apiece, binding the channel)
costs 25-70 ms of CPU, and most tests begin by loading one of the same few groups into an empty record; many then
replay the same recorded meeting. So the first time a step (a load of a ToR text at a moment into a channel, or a
fixture's replay) is made onto a given record state, it runs for real and a copy of the resulting SQLite file is
kept; each later identical step onto that state copies the file into the test's database with SQLite's backup API
(~2 ms), which gives the same rows, ids and audit chain. What each step does is still checked where it is tested
(tests of import_group, the transcripts), and by the first test to make it in each process.

A copy is used only when the test's database is known to hold exactly the state the copy was made from: the
record was empty when `watch` was called (a new database, or one just emptied), and since then only steps made
here have changed it. SQLite's `PRAGMA data_version`, read on a connection of our own, tells whether any other
connection has committed since we last looked; if one has, the step runs for real and the database is no longer
tracked. A database that is not SQLite (PostgreSQL) is never tracked.

Under xdist the copies are shared by the run's workers, in a folder the controller makes and removes (SHARED names
it): a copy is named by a digest of its steps (their repr: text, times and places), so the step is made once a run,
by whichever worker comes to it first, rather than once a worker.
"""

from __future__ import annotations

import atexit
import datetime as dt
import fcntl
import hashlib
import itertools
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.services.context import Place
from bot.services.groups import bind_channel, import_group


@dataclass
class Tracked:
    """A test's database whose content is known: the steps made here onto an empty record, in order."""

    watcher: sqlite3.Connection  # ours alone: its data_version moves when any other connection commits
    steps: tuple[Hashable, ...]
    version: int

    def data_version(self) -> int:
        return int(self.watcher.execute("PRAGMA data_version").fetchone()[0])

    def unchanged(self) -> bool:
        return self.data_version() == self.version


_tracked: dict[str, Tracked] = {}
_copies: dict[tuple[Hashable, ...], Path] = {}
_numbers = itertools.count()
_folder: Path | None = None
SHARED = "GOVBOT_TEST_LOADED_COPIES"  # the folder of copies the run's processes share, when set


def share_copies() -> Path:
    """Make the folder every process of this run keeps its copies in (for xdist's workers, which inherit the
    environment of the process that starts them); remove it with `unshare_copies`."""
    folder = Path(tempfile.mkdtemp(prefix="govbot-loaded-shared-"))
    os.environ[SHARED] = str(folder)
    return folder


def unshare_copies() -> None:
    folder = os.environ.pop(SHARED, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def shared_file(name: str, make: Callable[[Path], None]) -> Path | None:
    """The file `name` in the run's shared folder, made by `make(path)` by the first process to need it, under a
    lock the others wait on (written aside, then renamed: a reader never finds one half made); None when no folder
    is shared (-n0)."""
    shared = os.environ.get(SHARED)
    if not shared:
        return None
    path = Path(shared) / name
    if not path.exists():
        with open(path.with_name(f"{path.name}.lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # the workers start together: one makes it while the others wait
            if not path.exists():
                partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
                make(partial)
                os.replace(partial, path)
    return path


def _copy_folder() -> Path:
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="govbot-loaded-"))
        atexit.register(shutil.rmtree, _folder, ignore_errors=True)
    return _folder


def _path(engine: Engine) -> str | None:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return database


def watch(engine: Engine) -> None:
    """The record behind `engine` is empty now (just created or emptied): track it from here."""
    path = _path(engine)
    if path is None:
        return
    tracked = _tracked.get(path)
    if tracked is None:
        watcher = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        watcher.execute("PRAGMA synchronous=OFF")  # a copy is written through it: as tests/unsynced.py, no fsync
        tracked = _tracked[path] = Tracked(watcher, (), 0)
    tracked.steps, tracked.version = (), tracked.data_version()


def unwatch(engine: Engine) -> None:
    """Stop tracking the database behind `engine` (before it is disposed of or deleted)."""
    path = _path(engine)
    tracked = _tracked.pop(path, None) if path else None
    if tracked is not None:
        tracked.watcher.close()


def load(sessions: sessionmaker[Session], terms_yaml: str, now: dt.datetime, place: Place | None = None) -> None:
    """Import the group `terms_yaml` describes at `now` and bind `place` to it (if given), as `import_group` and
    `bind_channel` in one unit of work do; from a copy when this very load was made before onto this state."""

    def import_and_bind() -> None:
        with unit_of_work(sessions) as session:
            group = import_group(session, terms_yaml, now)
            if place is not None:
                bind_channel(session, group, place, now, actor_id=None)

    made(sessions, ("load", terms_yaml, now, place), import_and_bind)


def made(sessions: sessionmaker[Session], step: Hashable, make: Callable[[], None]) -> None:
    """Run `make`, which changes the record only as `step` names (the same `step` always makes the same record
    from the same one); or, when `make` was run for `step` before onto the state this record is known to hold,
    copy the record it made instead."""
    path = _path(sessions.kw["bind"])
    tracked = _tracked.get(path) if path else None
    if tracked is not None and not tracked.unchanged():
        _tracked.pop(str(path)).watcher.close()  # changed by someone else: its content is no longer known
        tracked = None
    if tracked is None:
        make()
        return
    steps = (*tracked.steps, step)
    copy = _kept(steps)
    if copy is not None:
        source = sqlite3.connect(copy)
        try:
            source.backup(tracked.watcher)
        finally:
            source.close()
    else:
        make()
        _keep(steps, tracked.watcher)
    tracked.steps, tracked.version = steps, tracked.data_version()


def _shared_name(steps: tuple[Hashable, ...]) -> Path | None:
    shared = os.environ.get(SHARED)
    return Path(shared) / f"{hashlib.sha256(repr(steps).encode()).hexdigest()}.db" if shared else None


def _kept(steps: tuple[Hashable, ...]) -> Path | None:
    """The copy made of the record `steps` make, by this process or (shared) another of the run."""
    copy = _copies.get(steps)
    if copy is None and (shared := _shared_name(steps)) is not None and shared.exists():
        copy = _copies[steps] = shared
    return copy


def _keep(steps: tuple[Hashable, ...], record: sqlite3.Connection) -> None:
    """Keep a copy of `record`, which `steps` made; a shared one appears whole or not at all (written aside, then
    renamed), so another process never reads one half written."""
    copy = _shared_name(steps) or _copy_folder() / f"{next(_numbers)}.db"
    partial = copy.with_name(f"{copy.stem}.{os.getpid()}.partial")
    target = sqlite3.connect(partial)
    try:
        target.execute("PRAGMA synchronous=OFF")  # os.replace below makes it whole; only a power cut could tell
        record.backup(target)
    finally:
        target.close()
    os.replace(partial, copy)
    _copies[steps] = copy
