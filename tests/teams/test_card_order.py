"""A Teams card notes the change it shows (the group's audit chain place), so a card showing an earlier change is
never put back over it by another turn or replica (the rule tests/slack/test_card_order_replicas.py shows)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import SDK_WARNINGS, teams_world
from tests.teams.test_cards import open_vote
from tests.teams.test_meeting import tally

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def shown_and_latest(sessions: sessionmaker[Session]) -> tuple[int | None, int]:
    with sessions() as session:
        shown = session.scalar(text("SELECT shown_change FROM posted_messages WHERE subject = 'poll:1'"))
        latest = session.scalar(text("SELECT max(seq) FROM audit_events"))
    return shown, latest


def test_each_card_update_notes_the_change_it_shows_for_every_replica(sessions: sessionmaker[Session]) -> None:
    """Before, nothing said which change a posted card showed: a replica holding a card composed before another's
    vote could put it back (tests/slack/test_card_order_replicas.py shows the refusal that now reads this)."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            card_id, buttons = await open_vote(teams)
            answer = await teams.invoke("bob", buttons["For"], card_id=card_id)
            assert tally(answer["value"])["Voted"] == "1"
            shown, latest = shown_and_latest(sessions)
            assert shown == latest
            puts = len(teams.connector.sent("PUT"))
            await teams.say("carol", "vote 1 against")
            assert len(teams.connector.sent("PUT")) == puts + 1  # a later change's card is put in place
            shown, later = shown_and_latest(sessions)
            assert later > latest and shown == later

    asyncio.run(run())
