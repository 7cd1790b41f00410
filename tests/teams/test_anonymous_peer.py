"""TEAMS_ANONYMOUS (for Microsoft's Agents Playground) checks no token, so nothing says who sent an activity: the bot
hears only senders on this machine. An activity answered in its own HTTP response (deliveryMode expectReplies) posts
nothing anywhere, but it still acts as whoever it names; from another machine it was taken, so anyone who could reach
the port could speak as any member."""

from __future__ import annotations

import asyncio
import socket

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy.orm import Session, sessionmaker

from bot.services.context import Place
from bot.settings import Settings
from handlers.teams.app import mount
from tests import loaded
from tests.conftest import Clock, example
from tests.front_door import row_counts
from tests.teams.conftest import CHANNEL, SDK_WARNINGS, FakeConnector, Teams, teams_holders

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def this_machines_other_address() -> str:
    """An address of this machine that is not loopback (no packet is sent: a UDP 'connect' only picks the route)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            pytest.skip("this machine has no network address besides loopback to send from")
        address = str(probe.getsockname()[0])
    if address.startswith("127."):
        pytest.skip("this machine has no network address besides loopback to send from")
    return address


def test_without_credentials_a_sender_on_another_machine_is_refused_even_asking_for_replies_in_the_response(
        sessions: sessionmaker[Session]) -> None:
    address = this_machines_other_address()
    clock = Clock()
    loaded.load(sessions, teams_holders(example("cjcg").read_text(encoding="utf-8")), clock.now,
                Place("teams", CHANNEL, "CJCG"))

    async def run() -> None:
        bot = web.Application()
        mount(bot, Settings(_env_file=None, teams_anonymous=True), sessions, clock)  # type: ignore[call-arg]
        runner = web.AppRunner(bot)
        await runner.setup()
        site = web.TCPSite(runner, "0.0.0.0", 0)  # as a Playground user exposing the port by mistake would
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        try:
            teams = Teams(None, "", FakeConnector(), clock)  # type: ignore[arg-type]  # for its activities' shape
            said = teams.activity("alice", type="message", text="gov meeting schedule 2026-12-10 10:00",
                                  serviceUrl="https://test.com/", deliveryMode="expectReplies")
            before = row_counts(sessions)
            connector = aiohttp.TCPConnector(local_addr=(address, 0))
            async with aiohttp.ClientSession(connector=connector) as http, http.post(
                    f"http://{address}:{port}/api/messages", json=said) as refused:
                assert refused.status == 401
                assert "only requests from this machine" in await refused.text()
            assert row_counts(sessions) == before
            async with aiohttp.ClientSession() as http, http.post(
                    f"http://127.0.0.1:{port}/api/messages", json=said) as heard:
                assert heard.status == 200  # the Playground, on this machine, is still answered
            assert row_counts(sessions) != before
        finally:
            await runner.cleanup()

    asyncio.run(run())
