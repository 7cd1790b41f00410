"""Socket Mode: govbot connects out to Slack's WebSocket, acknowledges each envelope and answers the command."""

from __future__ import annotations

import asyncio
import json
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from aiohttp import WSMsgType, web
from pydantic import SecretStr
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from handlers.slack import start_socket_mode
from tests.slack.conftest import Clock
from tests.slack.fake_slack import TEAM, FakeSlack


@contextmanager
def socket_server(envelopes: list[dict[str, Any]], acks: list[dict[str, Any]],
                  acked: threading.Event) -> Iterator[str]:
    """A WebSocket endpoint like Slack's: says hello, sends the envelopes, records the client's acks."""

    async def link(request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        await socket.send_str(json.dumps({"type": "hello", "num_connections": 1}))
        for envelope in envelopes:
            await socket.send_str(json.dumps(envelope))
        async for frame in socket:
            if frame.type == WSMsgType.TEXT:
                acks.append(json.loads(frame.data))
                if len(acks) >= len(envelopes):
                    acked.set()
        return socket

    loop = asyncio.new_event_loop()
    app = web.Application()
    app.router.add_get("/link", link)
    runner = web.AppRunner(app)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    thread = threading.Thread(target=loop.run_forever, name="fake-socket-mode", daemon=True)
    thread.start()
    try:
        yield f"ws://127.0.0.1:{runner.addresses[0][1]}/link"
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()


def test_a_slash_command_over_socket_mode(fake: FakeSlack, sessions: sessionmaker[Session], clock: Clock) -> None:
    response_url = fake.url.removesuffix("api/") + "response/socket-1"
    command = {"team_id": TEAM, "channel_id": "C0SOCKET", "channel_name": "board", "user_id": "UALICE",
               "user_name": "alice", "command": "/gov", "text": "help quorum", "api_app_id": "A0GOV",
               "response_url": response_url, "trigger_id": "1.trigger"}
    envelope = {"envelope_id": "env-1", "type": "slash_commands", "accepts_response_payload": True,
                "payload": command}
    acks: list[dict[str, Any]] = []
    acked = threading.Event()
    app_token = "xapp-" + secrets.token_hex(12)
    with socket_server([envelope], acks, acked) as url:
        fake.socket_url = url
        settings = Settings(_env_file=None, slack_bot_token=SecretStr("xoxb-" + secrets.token_hex(12)),  # type: ignore[call-arg]
                            slack_signing_secret=SecretStr(secrets.token_hex(16)), slack_app_token=SecretStr(app_token),
                            slack_api_url=fake.url)
        handler = start_socket_mode(settings, sessions, clock)
        try:
            assert acked.wait(10), "govbot did not acknowledge the envelope"
        finally:
            handler.close()
    # The answer travels back in the envelope's ack, which Slack shows to the person who typed the command.
    assert acks[0]["envelope_id"] == "env-1"
    assert acks[0]["payload"]["response_type"] == "ephemeral" and "`quorum`" in acks[0]["payload"]["text"]
    assert fake.of("apps.connections.open")[0].token == app_token
