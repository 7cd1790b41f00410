"""Socket Mode: govbot connects out to Slack's WebSocket, acknowledges each envelope and answers the command."""

from __future__ import annotations

import asyncio
import json
import secrets
import threading
import time
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


class Line:
    """A TCP path between govbot and the fake Slack that can be cut the way a NAT or a proxy cuts it: the
    connections stay open at both ends, and nothing more gets through (no close frame, no FIN)."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.cut_connections: list[list[bool]] = []
        self.writers: list[asyncio.StreamWriter] = []

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        cut = [False]
        self.cut_connections.append(cut)
        self.writers += [writer, up_writer]
        await asyncio.gather(self.pipe(reader, up_writer, cut), self.pipe(up_reader, writer, cut),
                             return_exceptions=True)
        for end in (writer, up_writer):
            end.close()
            await end.wait_closed()

    @staticmethod
    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, cut: list[bool]) -> None:
        while data := await reader.read(65536):
            if not cut[0]:  # once cut, what is sent is lost on the way
                writer.write(data)
                await writer.drain()

    def cut(self) -> None:
        for connection in self.cut_connections:
            connection[0] = True

    def hang_up(self) -> None:
        """End every connection at once, at the end of the test."""
        for writer in self.writers:
            writer.transport.abort()


@contextmanager
def cuttable_socket_server(envelope: dict[str, Any], acks: list[dict[str, Any]], connected: list[float],
                           changed: threading.Condition) -> Iterator[tuple[str, Line]]:
    """Slack's WebSocket endpoint behind a Line: each connection says hello and sends `envelope` (with the
    connection's number in its id). Records when each connection arrived and the acks."""

    async def link(request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        with changed:
            connected.append(time.monotonic())
            number = len(connected)
            changed.notify_all()
        await socket.send_str(json.dumps({"type": "hello", "num_connections": 1}))
        await socket.send_str(json.dumps({**envelope, "envelope_id": f"env-{number}"}))
        async for frame in socket:
            if frame.type == WSMsgType.TEXT:
                with changed:
                    acks.append(json.loads(frame.data))
                    changed.notify_all()
        return socket

    loop = asyncio.new_event_loop()
    app = web.Application()
    app.router.add_get("/link", link)
    runner = web.AppRunner(app)
    loop.run_until_complete(runner.setup())
    loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", 0).start())
    line = Line(runner.addresses[0][1])
    proxy = loop.run_until_complete(asyncio.start_server(line.serve, "127.0.0.1", 0))
    thread = threading.Thread(target=loop.run_forever, name="fake-socket-mode", daemon=True)
    thread.start()
    try:
        yield f"ws://127.0.0.1:{proxy.sockets[0].getsockname()[1]}/link", line
    finally:
        loop.call_soon_threadsafe(proxy.close)
        loop.call_soon_threadsafe(line.hang_up)
        asyncio.run_coroutine_threadsafe(proxy.wait_closed(), loop).result(timeout=10)
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()


def test_a_connection_cut_without_a_close_frame_is_replaced_within_seconds_without_spinning(
        fake: FakeSlack, sessions: sessionmaker[Session], clock: Clock) -> None:
    command = {"team_id": TEAM, "channel_id": "C0SOCKET", "channel_name": "board", "user_id": "UALICE",
               "user_name": "alice", "command": "/gov", "text": "help quorum", "api_app_id": "A0GOV",
               "response_url": fake.url.removesuffix("api/") + "response/socket-2", "trigger_id": "2.trigger"}
    envelope = {"type": "slash_commands", "accepts_response_payload": True, "payload": command}
    acks: list[dict[str, Any]] = []
    connected: list[float] = []
    changed = threading.Condition()
    with cuttable_socket_server(envelope, acks, connected, changed) as (url, line):
        fake.socket_url = url
        settings = Settings(_env_file=None, slack_bot_token=SecretStr("xoxb-" + secrets.token_hex(12)),  # type: ignore[call-arg]
                            slack_signing_secret=SecretStr(secrets.token_hex(16)),
                            slack_app_token=SecretStr("xapp-" + secrets.token_hex(12)), slack_api_url=fake.url)
        link = start_socket_mode(settings, sessions, clock)
        try:
            with changed:
                assert changed.wait_for(lambda: acks, timeout=10), "govbot did not connect"
            line.cut()
            cut_at, cpu_at = time.monotonic(), time.process_time()
            with changed:
                assert changed.wait_for(lambda: len(connected) > 1, timeout=10), "govbot did not reconnect in 10 s"
            waited, cpu = time.monotonic() - cut_at, time.process_time() - cpu_at
            with changed:
                assert changed.wait_for(lambda: len(acks) > 1, timeout=10), "the new connection carried nothing"
        finally:
            link.close()
    assert waited < 10
    assert cpu / waited < 0.5, f"the process used {cpu / waited:.0%} of a core while the connection was dead"
    # The new connection works: the command's answer travels back in its ack.
    assert [ack["envelope_id"] for ack in acks] == ["env-1", "env-2"] and "`quorum`" in acks[1]["payload"]["text"]
