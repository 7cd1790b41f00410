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


@pytest.mark.parametrize("card", ["poll:99999999999999999999", "meeting:" + "9" * 40])
def test_a_card_key_altered_past_any_id_still_runs_the_command_and_logs_no_failure(
        sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture, card: str) -> None:
    """The card an action sits on comes back in its data: a number past the record's 64-bit ids failed the read of
    the card (SQLite and PostgreSQL refuse it) with an ERROR and a traceback. It names no card: the command runs
    and its answer is the message."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            answer = await teams.invoke("alice", {"command": "quorum", "card": card})
            assert "No meeting is open, so there is no quorum to check" in answer_text(answer)

    asyncio.run(run())
    assert not [r for r in caplog.records if r.levelname == "ERROR" or r.exc_info], \
        [r.getMessage()[:200] for r in caplog.records if r.levelname == "ERROR"]
