"""govbot's web server as `govbot run` builds it (every route, the access log, the bounded log handler), on
127.0.0.1 in a background thread, with everything it logs captured."""

from __future__ import annotations

import asyncio
import io
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from aiohttp import web
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Base
from bot.settings import Settings
from govbot import logs
from govbot.serve import AccessLog, build_web_app
from tests.conftest import Clock


@dataclass
class Served:
    url: str
    log: io.StringIO

    def logged(self) -> str:
        return self.log.getvalue()


@contextmanager
def served(settings: Settings, sessions: sessionmaker[Session], clock: Clock,
           level: int = logging.INFO) -> Iterator[Served]:
    """Serve `build_web_app(settings, …)` on an ephemeral port; the root logger writes through govbot's own
    handler into `Served.log` meanwhile, at `level` (INFO is the default LOG_LEVEL)."""
    stream = io.StringIO()
    handler = logs.handler(stream)
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(level)
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(build_web_app(settings, sessions, clock), access_log_class=AccessLog)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    thread = threading.Thread(target=loop.run_forever, name="govbot-web", daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{runner.addresses[0][1]}", stream)
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
        root.removeHandler(handler)
        root.setLevel(previous)


# Every table's count in one statement, built once: a statement a table, built at each call, cost 3.5 ms a call
# (0.24 ms now), and more on each test's new engine, which compiles every statement afresh.
ROW_COUNTS = select(*(select(func.count()).select_from(table).scalar_subquery().label(table.name)
                      for table in Base.metadata.sorted_tables))


def row_counts(sessions: sessionmaker[Session]) -> dict[str, int]:
    """How many rows each table of the record holds."""
    with sessions() as session:
        return dict(session.execute(ROW_COUNTS).one()._mapping)
