"""The bot reaches the Bot Connector over connections it keeps between turns: a turn does not open (and, against
Teams, handshake TLS for) a connection of its own and close it at its end."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import SDK_WARNINGS, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def test_turns_one_after_another_reach_the_connector_over_one_connection(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            for who in ("alice", "bob", "carol"):
                said = await teams.say(who, "help")
                assert said, f"{who} had no answer"
            assert len(teams.connector.peers) >= 3
            assert len(set(teams.connector.peers)) == 1, teams.connector.peers

    asyncio.run(run())
