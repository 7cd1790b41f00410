"""A poll closed by its deadline while no one is in the channel: the result is posted, and the card people voted on
shows it too, with no buttons left to press."""

from __future__ import annotations

import asyncio
import datetime as dt
import json

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from handlers.teams.notifier import TeamsNotifier
from scheduler.runner import tick
from tests.teams.conftest import SDK_WARNINGS, teams_world
from tests.teams.test_meeting import card_of

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)
DEADLINE = dt.datetime(2026, 12, 4, 17, 0, tzinfo=dt.UTC)  # 17:00 GMT on the day --closes names


async def no_wait(seconds: float) -> None:
    """The notifier's sleep, not taken: no test waits on the wall clock."""


def test_the_card_voted_on_shows_the_result_without_buttons_once_the_deadline_closes_it(
        sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.install()
            [card] = await teams.say("alice", 'poll "Venue?" "Civic Centre" "Library" --closes 2026-12-04')
            assert {"Civic Centre", "Library"} <= {a["title"] for a in card_of(card)["actions"]}
            for voter in ("bob", "carol", "erin"):
                await teams.say(voter, "vote 1 library")
            before = len(teams.connector.calls)
            notifiers = {"teams": TeamsNotifier(Settings(_env_file=None, teams_anonymous=True), sleep=no_wait)}
            await asyncio.to_thread(tick, sessions, notifiers, DEADLINE)
            posts = [c for c in teams.connector.calls[before:] if "is closed" in json.dumps(c.body)]
            assert [c.method for c in posts] == ["POST", "PUT"]
            assert posts[1].path.endswith(f"/activities/{card.answered_id}")
            closed = card_of(posts[1])
            assert "Poll 1 is closed: Library has the most votes" in json.dumps(closed)
            assert not closed.get("actions")

    asyncio.run(run())
