"""A deputy in a confidential group presses a card's button: the pressed card is refreshed for them too, with the
meeting they attend, and nothing fails on the way (the CJCG is confidential, ToR 6.7-6.9)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import SDK_WARNINGS, teams_world
from tests.teams.test_meeting import card_of, tally

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def test_a_deputys_vote_button_refreshes_the_pressed_poll_card(sessions: sessionmaker[Session],
                                                                caplog: pytest.LogCaptureFixture) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            await teams.say("carol", "deputy <at>Yan</at> --meeting next", mentions=("yan",))
            teams.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
            opened = await teams.say("alice", "meeting open")
            for person in ("bob", "yan"):
                await teams.say(person, "here")
            posted = await teams.say("alice", 'motion "Approve the joint action plan 2027-29"')
            buttons = {a["title"]: a["data"] for a in card_of(posted[0])["actions"]}
            answer = await teams.invoke("yan", buttons["For"], card_id=posted[0].answered_id)
            assert isinstance(answer["value"], dict), f"the pressed card is replaced by text: {answer['value']}"
            assert tally(answer["value"])["For"].startswith("1 ")
            card = next(c for c in opened if c.method == "POST")  # posted again where it was opened
            here = next(a for a in card_of(card)["actions"] if a["title"] == "Here")
            answer = await teams.invoke("yan", here["data"], card_id=card.answered_id)
            assert isinstance(answer["value"], dict), f"the meeting card is replaced by text: {answer['value']}"
            assert answer["value"]["body"][0]["text"].startswith("Meeting 1 of Children's Joint Commissioning Group")

    with caplog.at_level(logging.ERROR):
        asyncio.run(run())
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [r.getMessage() for r in caplog.records]
