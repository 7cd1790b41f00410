"""Teams' seven messages a second in a conversation are shared by every replica through the record, not counted
by each process: two app instances on one database, sending at once, still post seven a second between them."""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine
from bot.ports import Destination
from bot.replies import Reply
from bot.settings import Settings
from handlers.teams.notifier import TeamsNotifier, shared_slots
from tests.conftest import migrated
from tests.teams.conftest import CHANNEL, SDK_WARNINGS, FakeConnector, serve, teams_world
from tests.teams.test_notifier import stored_destination

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

EACH = 7  # messages each instance sends: alone, each would post them all within one second
REMINDER = Reply("The agenda for meeting 2 closes tomorrow.", title="Reminder")


@dataclass
class TimedConnector(FakeConnector):
    """The fake Bot Connector, noting when each message arrived."""

    arrived: list[float] = field(default_factory=list)

    async def activity(self, request: web.Request) -> web.Response:
        self.arrived.append(time.monotonic())
        return await super().activity(request)


def two_instances_post(sessions: sessionmaker[Session], url: str) -> list[float]:
    """Both instances post EACH reminders into one conversation at once; the arrival times, in order."""
    migrated(url)
    engines = [make_engine(url), make_engine(url)]

    async def run() -> list[float]:
        async with teams_world(sessions) as teams:
            await teams.install()
            connector = TimedConnector()
            async with serve(connector.app()) as connector_url:
                stored = stored_destination(sessions)
                assert stored.conversation is not None
                destination = Destination("teams", channel_id=CHANNEL,
                                          conversation={**stored.conversation, "serviceUrl": connector_url + "/"})
                instances = [TeamsNotifier(Settings(_env_file=None, teams_anonymous=True), slots=shared_slots(e))
                             for e in engines]
                senders = [threading.Thread(target=notifier.send, args=(destination, REMINDER))
                           for notifier in instances for _ in range(EACH)]
                await asyncio.to_thread(all_at_once, senders)
            return sorted(connector.arrived)

    try:
        return asyncio.run(run())
    finally:
        for engine in engines:
            engine.dispose()


def all_at_once(senders: list[threading.Thread]) -> None:
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join(30)


def assert_seven_a_second(arrived: list[float]) -> None:
    assert len(arrived) == 2 * EACH
    # Any eight messages in a row span about a second, and the fourteen about two; counted per process, they would
    # span half that. (The connector notes arrival, not sending: a busy machine adds a little jitter.)
    spans = [arrived[i + 7] - arrived[i] for i in range(len(arrived) - 7)]
    assert min(spans) >= 0.75 and arrived[-1] - arrived[0] >= 1.7, spans


def test_two_instances_on_sqlite_share_seven_a_second(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    assert_seven_a_second(two_instances_post(sessions, f"sqlite:///{tmp_path / 'shared.db'}"))


@pytest.mark.postgres
def test_two_instances_on_postgresql_share_seven_a_second(sessions: sessionmaker[Session],
                                                          postgres_schema_url: str) -> None:
    assert_seven_a_second(two_instances_post(sessions, postgres_schema_url))
