"""An invoke no listener takes is refused alike however its answer is asked for: posted back (the default) or in
the HTTP response itself (deliveryMode expectReplies, as the Agents Playground asks in TEAMS_ANONYMOUS mode). Asked
in the response, it got 200 with no activities, as if it had been handled and had nothing to say."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from handlers.teams.admission import UNHANDLED_INVOKE
from tests.front_door import row_counts
from tests.teams.conftest import SDK_WARNINGS, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


async def answered(teams: Any, activity: dict[str, Any]) -> tuple[int, Any]:
    async with teams.http.post(teams.endpoint, json=activity) as response:
        return response.status, await response.json()


@pytest.mark.parametrize("delivery", [{}, {"deliveryMode": "expectReplies"}], ids=["posted", "in the response"])
def test_an_invoke_no_listener_takes_is_refused_however_its_answer_is_asked_for(
        sessions: sessionmaker[Session], delivery: dict[str, str]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            before = row_counts(sessions)
            status, body = await answered(teams, teams.activity(
                "alice", type="invoke", name="composeExtension/query", value={"commandId": "search"}, **delivery))
            assert (status, body) == (400, {"error": UNHANDLED_INVOKE})
            assert row_counts(sessions) == before
            assert not teams.connector.calls

    asyncio.run(run())


def test_a_card_action_asked_for_in_the_response_is_still_answered_there(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            status, body = await answered(teams, teams.activity(
                "alice", type="invoke", name="adaptiveCard/action", deliveryMode="expectReplies",
                value={"action": {"type": "Action.Execute", "verb": "gov", "data": {"command": "help"}},
                       "trigger": "manual"}))
            assert status == 200, body
            replies = [a for a in body["activities"] if a["type"] == "invokeResponse"]
            assert len(replies) == 1 and replies[0]["value"]["status"] == 200, body

    asyncio.run(run())
