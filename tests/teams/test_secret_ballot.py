"""A secret ballot on Teams: typed in the channel everyone would read it, so only the card's buttons take it."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import SecretVoter
from tests.teams.conftest import SDK_WARNINGS, teams_world
from tests.teams.test_meeting import card_of, tally

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def voters(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count(SecretVoter.id))) or 0


def test_a_secret_vote_typed_in_the_channel_is_refused_and_the_card_takes_it(
        sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            posted = await teams.say("alice", 'poll "Venue?" "Barnet" "Camden" --secret --closes "2026-12-31 17:00"')
            card_id = posted[0].answered_id
            buttons = {a["title"]: a["data"] for a in card_of(posted[0])["actions"]}
            said = await teams.say("bob", "vote 1 Barnet")
            texts = [call.body.get("text") or "" for call in said]
            assert any("This poll is secret, and what you type here is seen by the channel: vote with the buttons "
                       "on the poll's card (only you see your choice)." in text for text in texts)
            assert voters(sessions) == 0
            answer = await teams.invoke("bob", buttons["Barnet"], card_id=card_id)
            shown = tally(answer["value"])  # the refreshed card counts the voter and hides the choice
            assert shown["Voted"] == "1" and shown["Barnet"] == "hidden until the poll closes"
            assert voters(sessions) == 1

    asyncio.run(run())
