"""A private answer in a channel mentions the person it is for (`<at>name</at>`, so Teams notifies them), with the
name Teams sends in the activity's `from`. That name was written into the mention as it came, where the record keeps
it cleaned (bot/identity.py): a guest whose home tenant names them `\u202eZed` had govbot's message show their
name reversed by the override, a NUL travelled to Teams, and a name holding `</at>` closed the tag early and opened
a second one no entity matched. Over real HTTP with Activity JSON."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import BOT, SDK_WARNINGS, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

NAME = "\u202eZed\x00</at> <at>Carol"


def test_the_mention_of_the_person_answered_carries_the_name_as_the_record_keeps_it(
        sessions: sessionmaker[Session]) -> None:
    async def run() -> dict[str, Any]:
        async with teams_world(sessions) as teams:
            before = len(teams.connector.calls)
            activity = teams.activity("zed", type="message", text="<at>govbot</at> help", textFormat="plain",
                                      entities=[{"type": "mention", "text": "<at>govbot</at>", "mentioned": BOT}])
            activity["from"] = {"id": "29:zed", "name": NAME, "aadObjectId": "aad-zed"}
            response = await teams.post(activity)
            assert response.status in (200, 202), response.status
            [answer] = teams.connector.calls[before:]
            return answer.body

    sent = asyncio.run(run())
    assert sent["text"].startswith("<at>Zed Carol</at>"), sent["text"]
    assert sent["text"].count("<at>") == 1, sent["text"]
    [mention] = [e for e in sent["entities"] if e.get("type") == "mention"]
    assert mention["text"] == "<at>Zed Carol</at>" and mention["mentioned"] == {"id": "29:zed",
                                                                                   "name": "Zed Carol"}, mention
