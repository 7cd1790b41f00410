"""Round 16, a LIEG meeting run over Teams and read card by card as its clerk would: what a card left out. Real
Activity JSON, with the fake Bot Connector."""

from __future__ import annotations

import asyncio
import json

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from handlers.teams.notifier import TeamsNotifier
from scheduler.delivery import deliver
from tests.teams.conftest import CHANNEL, SDK_WARNINGS, teams_world
from tests.teams.test_meeting import card_of, card_text
from tests.teams.test_personal_chat_vote import in_personal_chat

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


def test_apologies_sent_in_a_1_1_chat_are_read_in_the_groups_channel(sessions: sessionmaker[Session]) -> None:
    """CJCG: carol typed `apologies annual leave` in her 1:1 chat with govbot. They were recorded, and said only to
    her: the channel, where the chair plans who will be there, read nothing. The delivery job now posts them there,
    and carol is told it will."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            said = await in_personal_chat(teams, "carol", "apologies annual leave")
            told = json.dumps([c.body for c in said if "carol-personal" in c.path])
            assert "Apologies from Carol recorded for meeting 1" in told and "also posted in the channel" in told, told
            before = len(teams.connector.calls)
            notifiers = {"teams": TeamsNotifier(Settings(_env_file=None, teams_anonymous=True), sleep=no_wait)}
            await asyncio.to_thread(deliver, sessions, notifiers, teams.clock.now)
            posted = [c for c in teams.connector.calls[before:] if c.path.startswith(f"/v3/conversations/{CHANNEL}")]
            assert any("Apologies from Carol recorded for meeting 1" in json.dumps(c.body) for c in posted), \
                [(c.method, c.path) for c in teams.connector.calls[before:]]

    asyncio.run(run())


async def no_wait(seconds: float) -> None:
    """The notifier's sleep, not taken: no test waits on the wall clock."""
