"""A vote cast in a person's 1:1 chat with govbot (`--group`) is counted on the motion's card in the group's channel,
as a vote cast in the channel is: the card there went on showing the count before it. Real Activity JSON, with the
fake Bot Connector."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import CHANNEL, SDK_WARNINGS, Recorded, Teams, teams_world
from tests.teams.test_cards import open_vote
from tests.teams.test_meeting import card_of, tally

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def personal(teams: Teams, who: str, **fields: Any) -> dict[str, Any]:
    """An activity from `who` in their own 1:1 chat with govbot."""
    chat: dict[str, Any] = teams.activity(who, **fields)
    chat["conversation"] = {"id": f"a:1-{who}-personal", "conversationType": "personal", "tenantId": "t"}
    del chat["channelData"]["channel"], chat["channelData"]["team"]
    return chat


async def in_personal_chat(teams: Teams, who: str, text: str) -> list[Recorded]:
    """`who` writes `text` in their own 1:1 chat with govbot; what the bot sent in answer."""
    before = len(teams.connector.calls)
    assert (await teams.post(personal(teams, who, type="message", text=text))).status == 202
    return teams.connector.calls[before:]


def test_a_vote_in_a_personal_chat_updates_the_motions_card_in_the_channel(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            card_id, _ = await open_vote(teams)
            said = await in_personal_chat(teams, "bob", "vote 1 for --group cjcg")
            answers = [call for call in said if call.method == "POST"]
            assert answers and all(c.path.startswith("/v3/conversations/a:1-bob-personal/") for c in answers), said
            assert "Your vote on motion 1 is recorded: For" in json.dumps([c.body for c in answers])
            (put,) = [call for call in said if call.method == "PUT"]
            assert put.path.startswith(f"/v3/conversations/{CHANNEL};messageid=")
            assert put.path.endswith(f"/activities/{card_id}")
            assert tally(card_of(put))["For"].startswith("1 ") and tally(card_of(put))["Voted"] == "1"
            assert not [call for call in said if call.method == "POST" and CHANNEL in call.path]
            said = await in_personal_chat(teams, "carol", "vote 1 against --group cjcg")
            (put,) = [call for call in said if call.method == "PUT"]
            assert put.path.endswith(f"/activities/{card_id}") and tally(card_of(put))["Voted"] == "2"
            # the one card, updated in place: nothing posted in the channel, nor a card in the chat
            assert not [call for call in said if call.method == "POST" and (CHANNEL in call.path
                                                                             or call.body.get("attachments"))]

    asyncio.run(run())


def test_a_button_pressed_in_a_personal_chat_updates_the_card_in_the_channel(sessions: sessionmaker[Session]) -> None:
    """A motion's card shown in the 1:1 chat has the channel card's buttons; one pressed there (Action.Execute,
    answered in the invoke response) is a vote in the person's only group."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            card_id, buttons = await open_vote(teams)
            before = len(teams.connector.calls)
            pressed = personal(teams, "bob", type="invoke", name="adaptiveCard/action",
                               value={"action": {"type": "Action.Execute", "verb": "gov", "data": buttons["Against"]},
                                      "trigger": "manual"})
            async with teams.http.post(teams.endpoint, json=pressed, headers=teams.headers()) as response:
                assert response.status == 200
                assert "Your vote on motion 1 is recorded: Against" in json.dumps(await response.json())
            (put,) = [call for call in teams.connector.calls[before:] if call.method == "PUT"]
            assert put.path.endswith(f"/activities/{card_id}") and tally(card_of(put))["Against"].startswith("1 ")

    asyncio.run(run())
