"""On Teams too: a card's button carries its typed command as JSON, an Action.Execute from a card posted before
(its data the command's text) still works, and altered data is refused politely with nothing recorded."""

from __future__ import annotations

import asyncio
import json

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Ballot
from bot.payloads import UNREADABLE
from tests.teams.conftest import SDK_WARNINGS, answer_text, teams_world
from tests.teams.test_cards import count, open_vote
from tests.teams.test_meeting import tally

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def test_old_text_and_altered_json_on_a_motion_card(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            card_id, buttons = await open_vote(teams)
            assert json.loads(buttons["For"]["command"]) == {"kind": "vote", "v": 1, "poll": 1, "choice": ["for"]}
            altered = {**buttons["For"], "command": buttons["For"]["command"].replace('"poll":1', '"poll":[1]')}
            refused = await teams.invoke("bob", altered, card_id=card_id)
            assert UNREADABLE.replace("`help`", "**help**") in answer_text(refused)  # Teams sets commands in bold
            assert count(sessions, Ballot) == 0
            old = await teams.invoke("bob", {**buttons["For"], "command": "vote 1 for"}, card_id=card_id)
            assert tally(old["value"])["For"].startswith("1 ") and count(sessions, Ballot) == 1

    asyncio.run(run())
