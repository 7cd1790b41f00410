"""Shared fixtures: a fresh database per test and the `chat` fixture that speaks to the bot in-process."""

from __future__ import annotations

from tests import bytecode  # noqa: F401  # first: what is imported from here on is cached compiled (tests/bytecode.py)

# isort: split
from tests import gc_phases  # the collector pauses while the rest is imported (tests/gc_phases.py)

# isort: split
import atexit
import datetime as dt
import itertools
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import respond
from bot.db import make_engine, session_factory, unit_of_work, upgrade
from bot.models import Base
from bot.replies import Reply
from bot.services.context import Place, Speaker
from bot.services.groups import bind_channel, import_group
from tests import compiled, loaded, order, unsynced

# Property tests check what holds, not how fast: on two shared cores a pure rule's example can pass Hypothesis's
# 200 ms deadline (rules/test_quorum_of_roll failed once under load and passed alone). Benchmarks time code.
settings.register_profile("govbot", deadline=None)
settings.load_profile("govbot")

if TYPE_CHECKING:
    from tests.platform_chats import Speaking


unsynced.install()
compiled.install()  # every test module's own SQLite engines share the compiled SQL too (tests/compiled.py)


def pytest_configure(config: pytest.Config) -> None:
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        loaded.share_copies()  # xdist's controller, before it starts the workers: they share the loaded copies


def pytest_unconfigure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):
        loaded.unshare_copies()


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session: pytest.Session) -> None:
    """Collection is over (every process comes here, the xdist controller too, which collects nothing)."""
    gc_phases.resume()


@pytest.hookimpl(trylast=True)  # after pytest's own reordering by fixture, which would undo this one
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    workers = getattr(config, "workerinput", {}).get("workercount", 0)
    if workers > 1:
        items[:] = order.slow_first(items, workers)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# A Tuesday morning in winter (GMT), clear of any clock change.
START = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def example(short_name: str) -> Path:
    """The example ToR file whose name ends in `short_name`."""
    found = [p for p in EXAMPLES.glob("*.yaml") if p.stem.split("-", 1)[1] == short_name]
    assert found, f"no example for {short_name}"
    return found[0]


class Clock:
    """The governance clock a test moves; the bot reads the time by calling it."""

    def __init__(self, now: dt.datetime = START) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


class Chat:
    """Drives the bot as any person in any channel, at a clock the test controls."""

    def __init__(self, sessions: sessionmaker[Session], platform: str = "console") -> None:
        self.sessions = sessions
        self.platform = platform
        self.now = START
        self.channel = "room"

    def load(self, short_name: str, channel: str | None = None) -> None:
        """Import an example group and bind `channel` (default: the current one) to it (tests/loaded.py: from a
        copy when the same load was made before onto the same record)."""
        loaded.load(self.sessions, example(short_name).read_text(encoding="utf-8"), self.now,
                    Place(self.platform, channel or self.channel))

    def say(self, who: str, text: str, channel: str | None = None) -> Reply:
        speaker = Speaker(self.platform, who, who)
        return respond(self.sessions, speaker, Place(self.platform, channel or self.channel), text, self.now)

    def ok(self, who: str, text: str) -> Reply:
        """Say something that must succeed; fail the test with the bot's words if it is refused."""
        reply = self.say(who, text)
        assert not reply.error, f"{who}: {text!r} was refused: {reply.text}"
        return reply

    def refused(self, who: str, text: str) -> Reply:
        reply = self.say(who, text)
        assert reply.error, f"{who}: {text!r} should have been refused but got: {reply.as_text()}"
        return reply

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture(scope="session")
def empty_record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the schema and nothing else, built once a session: copying it (a few ms) is what each
    test's fresh database costs, instead of creating every table again (~75 ms)."""
    path = tmp_path_factory.mktemp("template") / "govbot.db"
    template = make_engine(f"sqlite:///{path}")
    Base.metadata.create_all(template)
    template.dispose()  # closes the last connection: the WAL is checkpointed into the file and removed
    return path


RECORDS: list[Path] = []  # this process's folder for the records of tests that ask for no tmp_path
_record_numbers = itertools.count()


@pytest.fixture
def engine(request: pytest.FixtureRequest, empty_record: Path) -> Iterator[Engine]:
    """A fresh SQLite file database of the current models, the test's alone: `govbot.db` in its tmp_path when the
    test (or a fixture it uses) asks for one, else a file of its own in a folder of this process's, removed as the
    test ends (pytest's folder a test costs ~1 ms of CPU to make, link and remove, for a file)."""
    if "tmp_path" in request.fixturenames:
        path = request.getfixturevalue("tmp_path") / "govbot.db"
    else:
        if not RECORDS:
            RECORDS.append(Path(tempfile.mkdtemp(prefix="govbot-records-")))
            atexit.register(shutil.rmtree, RECORDS[0], ignore_errors=True)
        path = RECORDS[0] / f"{next(_record_numbers)}.db"
    shutil.copyfile(empty_record, path)
    engine = make_engine(f"sqlite:///{path}")
    compiled.share(engine)
    loaded.watch(engine)
    yield engine
    loaded.unwatch(engine)
    engine.dispose()
    if path.parent in RECORDS:
        for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
            path.with_name(name).unlink(missing_ok=True)


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


@pytest.fixture
def chat(sessions: sessionmaker[Session]) -> Chat:
    return Chat(sessions)


# The Teams SDK's JWT middleware stores the caller's claims under a plain string key, which aiohttp warns about;
# the warning is the SDK's, not ours, and turning it into an error would fail every request.
SDK_WARNINGS = "ignore::aiohttp.web_exceptions.NotAppKeyWarning:microsoft_agents.hosting.aiohttp.jwt_authorization_middleware"


@pytest.fixture(scope="session")
def slack_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Speaking]]:
    """One Slack server (and fake Web API) for the whole run; `platform_chat` empties its database per test."""
    from tests.platform_chats import slack_server

    with slack_server(tmp_path_factory.mktemp("slack")) as served:
        yield served


@pytest.fixture(scope="session")
def teams_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Speaking]]:
    """One Teams endpoint (and fake Bot Connector) for the whole run, as `slack_server`."""
    from tests.platform_chats import teams_server

    with teams_server(tmp_path_factory.mktemp("teams")) as served:
        yield served


@pytest.fixture(params=["console", "slack", pytest.param("teams", marks=pytest.mark.filterwarnings(SDK_WARNINGS))])
def platform_chat(request: pytest.FixtureRequest) -> Speaking:
    """The `chat` of every platform, like errbot's `testbot`: a test that takes it runs once on the console
    handler, once through signed Slack requests and once through Teams activities, each over real HTTP. Its
    `say` returns what the speaker reads back (`Said`: text, and whether it was a refusal)."""
    from tests.platform_chats import ConsoleChat, fresh

    if request.param == "console":
        return ConsoleChat(request.getfixturevalue("sessions"))
    engine, chat = request.getfixturevalue(f"{request.param}_server")
    fresh(engine)
    loaded.watch(engine)
    chat.clock.now = START
    return chat


MIGRATED: list[Path] = []  # this process's migrated SQLite file, made by the first `migrated` that needs it


def migrated(url: str) -> None:
    """`upgrade(url)`, for a test that needs the schema and is not about migrating: a new SQLite file is a copy of
    one this process migrated (Alembic's ~0.3 s of CPU, once instead of at each test), and so is an empty PostgreSQL
    schema (tests/pg_template.py); any other database (a file that exists, a schema holding tables) is migrated as
    `govbot db upgrade` does."""
    from sqlalchemy.engine import make_url

    from tests.pg_template import copy_migrated

    path = make_url(url).database if url.startswith("sqlite") else None
    if not path or path == ":memory:" or Path(path).exists():
        if not url.startswith("postgresql") or not copy_migrated(url):
            upgrade(url)
        return
    if not MIGRATED:  # one a run when xdist's workers share a folder (tests/loaded.py), else one a process
        MIGRATED.append(loaded.shared_file("migrated.db", migrate_sqlite) or migrate_sqlite(None))
    shutil.copyfile(MIGRATED[0], path)


def migrate_sqlite(path: Path | None) -> Path:
    """A SQLite file at `path` (None: in a folder of this process's) brought to the newest schema by Alembic."""
    import atexit
    import sqlite3
    import tempfile
    from contextlib import closing

    if path is None:
        folder = Path(tempfile.mkdtemp(prefix="govbot-migrated-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        path = folder / "govbot.db"
    upgrade(f"sqlite:///{path}")
    with closing(sqlite3.connect(path)) as connection:  # the write-ahead log into the file
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def cjcg_in_room(url: str, room: Place) -> tuple[Engine, sessionmaker[Session]]:
    """A migrated database at `url` (`migrated`) holding the CJCG example, bound to `room`; dispose of the engine
    after."""
    migrated(url)
    engine = make_engine(url)
    sessions = session_factory(engine)
    with unit_of_work(sessions) as session:
        group = import_group(session, example("cjcg").read_text(), START)
        bind_channel(session, group, room, START, actor_id=None)
    return engine, sessions


POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The PostgreSQL test database; skipped on a laptop without one, a failure in CI (CI=true). Under xdist each
    worker gets a database of its own, created from TEST_POSTGRES_URL's and dropped at the end: advisory locks (the
    migration lock) are per database, so workers sharing one would wait on each other's migrations."""
    from sqlalchemy import text

    try:
        probe = make_engine(POSTGRES_URL, pool_pre_ping=True)
        with probe.connect() as connection:
            connection.execute(text("SELECT 1"))
        probe.dispose()
    except Exception as error:  # any failure to connect means "no database here"
        reason = f"PostgreSQL is not reachable at {POSTGRES_URL} ({type(error).__name__}); set TEST_POSTGRES_URL"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        yield POSTGRES_URL
        return
    yield from worker_database(POSTGRES_URL, worker)


def worker_database(url: str, worker: str) -> Iterator[str]:
    """A new database on the server of `url`, named after it and the xdist worker, dropped after."""
    import uuid

    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker}_{uuid.uuid4().hex[:8]}"  # unique: other clones may test on this server
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        drop_after(base.set(drivername="postgresql").render_as_string(hide_password=False), name)


def drop_after(libpq_url: str, name: str) -> None:
    """Drop the database `name` from a process of its own that the run does not wait for: PostgreSQL checkpoints
    at DROP DATABASE (0.2-3.7 s on the build machine after a run's writes), and each worker dropped its own after
    its last test, so the run's end waited for the slowest such checkpoint. FORCE: an engine a test forgot to
    dispose of may still hold a connection. The process is spawned bare (no Popen to warn that it still runs)."""
    drop = ("import sys, psycopg\nwith psycopg.connect(sys.argv[1], autocommit=True) as c:\n"
            "    c.execute(f'DROP DATABASE \"{sys.argv[2]}\" WITH (FORCE)')")
    quiet = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0), (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
    os.posix_spawn(sys.executable, [sys.executable, "-c", drop, libpq_url, name], os.environ, file_actions=quiet,
                   setsid=True)


@pytest.fixture
def postgres_schema_url(postgres_url: str) -> Iterator[str]:
    """A URL whose connections work in a fresh PostgreSQL schema, dropped after the test. Its commits do not wait
    for the server's fsync (synchronous_commit=off: as tests/unsynced.py does for SQLite, only a crash of the
    server's machine could tell)."""
    import uuid

    from sqlalchemy import text

    schema = f"govbot_{uuid.uuid4().hex[:10]}"
    admin = make_engine(postgres_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield postgres_url + ("&" if "?" in postgres_url else "?") + f"options=-csearch_path%3D{schema}%20-csynchronous_commit%3Doff"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
