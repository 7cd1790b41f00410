"""/healthz tells a load balancer whether this replica can reach the record."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, session_factory
from bot.settings import Settings
from govbot.serve import build_web_app


def get_health(sessions: sessionmaker[Session]) -> tuple[int, dict[str, str]]:
    async def call() -> tuple[int, dict[str, str]]:
        app = build_web_app(Settings(), sessions, lambda: dt.datetime.now(dt.UTC))
        async with TestClient(TestServer(app)) as client:
            response = await client.get("/healthz")
            return response.status, await response.json()

    return asyncio.run(call())


def test_healthz_is_ok_when_the_record_answers(sessions: sessionmaker[Session]) -> None:
    assert get_health(sessions) == (200, {"status": "ok"})


def test_healthz_is_503_when_the_database_is_unreachable(tmp_path: Path) -> None:
    unreachable = session_factory(make_engine(f"sqlite:///{tmp_path / 'no-such-dir' / 'govbot.db'}"))
    status, body = get_health(unreachable)
    assert status == 503 and body["database"] == "unreachable"
