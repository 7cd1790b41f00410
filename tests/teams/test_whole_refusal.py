"""A card button's refusal is shown whole on Teams: it was one line cut at 280 characters, so the command it tells
the presser to copy (`poll close 1 --early`) read as `poll…`."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import SDK_WARNINGS, answer_text, teams_world
from tests.teams.test_meeting import card_of

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def test_closing_a_motion_early_from_its_card_shows_the_whole_refusal_and_its_command(
        sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            said = await teams.say("alice", 'motion "Adopt the plan" --closes "2026-12-31 17:00"')
            buttons = {a["title"]: a["data"] for a in card_of(said[0])["actions"]}
            teams.clock.now = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.UTC)
            answer = await teams.invoke("alice", buttons["Close vote"], card_id=said[0].answered_id)
            shown = answer_text(answer)
            assert "Motion 1 (open)" in shown, shown  # the card, still open
            assert shown.endswith("⚠ Motion 1 is open until Thu 31 Dec 2026, 17:00 GMT and 12 of the 12 entitled "
                                  "to vote have not voted yet; closed now, it is decided without them, as not "
                                  "carried: no quorum — only 0 voted, at least 3 must (ToR 6.4). It closes itself at "
                                  "its deadline; to close it now, say **poll close 1 --early**."), shown

    asyncio.run(run())
