"""The web server's access log names each request without its query string, where secrets travel."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import secrets

import pytest
from aiohttp import ClientSession, web
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from govbot.serve import AccessLog, build_web_app


def test_the_access_log_keeps_the_calendar_token_and_oauth_code_out(
        sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture) -> None:
    token, code = secrets.token_urlsafe(24), secrets.token_urlsafe(24)

    async def call() -> list[int]:
        app = build_web_app(Settings(), sessions, lambda: dt.datetime.now(dt.UTC))
        runner = web.AppRunner(app, access_log_class=AccessLog)  # as web.run_app is given it in govbot serve
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        try:
            async with ClientSession(f"http://127.0.0.1:{port}") as client:
                feed = await client.get(f"/calendar/cjcg.ics?token={token}")
                oauth = await client.get(f"/slack/oauth_redirect?code={code}&state={code}")
                return [feed.status, oauth.status]
        finally:
            await runner.cleanup()

    with caplog.at_level(logging.INFO, logger="aiohttp.access"):
        assert asyncio.run(call()) == [404, 404]
    lines = [r.getMessage() for r in caplog.records if r.name == "aiohttp.access"]
    assert len(lines) == 2 and lines[0].startswith("GET /calendar/cjcg.ics 404 ")
    assert lines[1].startswith("GET /slack/oauth_redirect 404 ")
    assert not [line for line in caplog.text.splitlines() if token in line or code in line]
