"""Round 16, a LIEG meeting run over Teams and read card by card as its clerk would: what a card left out. Real
Activity JSON, with the fake Bot Connector."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import SDK_WARNINGS, teams_world
from tests.teams.test_meeting import card_of, card_text

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def test_the_scheduled_meetings_card_lists_the_apologies_sent(sessions: sessionmaker[Session]) -> None:
    """LIEG: carol sent apologies for meeting 1 before it. The meeting's card was put again in its place, unchanged:
    it named no apologies, so the clerk (and the chair, planning who will be there, LIEG 2.1) read them nowhere but
    in the thread. The card now lists them, as it does once the meeting is open."""
    async def run() -> None:
        async with teams_world(sessions, load="lieg") as teams:
            await teams.install()
            await teams.say("alice", 'meeting schedule 2026-12-10 10:00 --where "Barnet"')
            sent = await teams.say("carol", 'apologies --meeting 1')
            (updated,) = [card_text(card_of(c)) for c in sent if c.method == "PUT"]
            assert "Meeting 1 scheduled." in updated and "Apologies: Carol" in updated, updated

    asyncio.run(run())
