"""A confidential group in a Teams channel others can read: its chair is warned once per binding, as on Slack
(tests/slack/test_exposure.py). Teams says who reads a channel on each message (channelData.channel.type)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import BOT, SDK_WARNINGS, Recorded, Teams, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

TITLE = "Confidential group in an open channel"


async def say_in(teams: Teams, channel_type: str, who: str, text: str) -> list[Recorded]:
    """`who` writes `@govbot <text>` in a channel Teams describes as `channel_type`."""
    activity: dict[str, Any] = teams.activity(who, type="message", text=f"<at>govbot</at> {text}", textFormat="plain",
                                              entities=[{"type": "mention", "text": "<at>govbot</at>",
                                                         "mentioned": BOT}])
    activity["channelData"]["channel"]["type"] = channel_type
    before = len(teams.connector.calls)
    assert (await teams.post(activity)).status in (200, 202)
    return teams.connector.calls[before:]


def warnings_in_chat(teams: Teams, person: str) -> list[str]:
    """The warning cards posted into the 1:1 chat the bot opened with `person` (by Entra object id)."""
    chat = f"a:1-aad-{person}"
    return [" ".join(block.get("text", "") for block in attachment["content"]["body"])
            for call in teams.connector.sent() if call.path == f"/v3/conversations/{chat}/activities"
            for attachment in call.body.get("attachments") or [] if TITLE in str(attachment)]


@pytest.mark.parametrize("channel_type, how", [("standard", "is public"),
                                               ("shared", "is shared with another organisation")])
def test_the_chair_is_warned_once_in_their_chat(sessions: sessionmaker[Session], channel_type: str, how: str) -> None:
    async def run() -> None:
        async with teams_world(sessions, bind=False) as teams:
            await say_in(teams, channel_type, "alice", "group bind cjcg")
            await say_in(teams, channel_type, "alice", "members")
            await say_in(teams, channel_type, "sam", "group bind cjcg")  # bound again: no second warning
            [warning] = warnings_in_chat(teams, "alice")
            assert "Children's Joint Commissioning Group is confidential" in warning and "(ToR 6.7-6.9)" in warning
            assert how in warning and "**group bind cjcg**" in warning  # how Teams shows a command
            created = [c for c in teams.connector.sent() if c.path == "/v3/conversations"]
            assert [c.body["members"][0]["id"] for c in created] == ["aad-alice"]

    asyncio.run(run())


def test_a_member_speaking_first_in_an_open_channel_hears_it_too(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:  # bound before Teams said who reads the channel
            said = await say_in(teams, "standard", "bob", "members")
            in_thread = [c for c in said if TITLE in str(c.body) and c.path.startswith("/v3/conversations/19:")]
            assert len(in_thread) == 1 and "Bob" in str(in_thread[0].body)  # to bob, @mentioned
            assert len(warnings_in_chat(teams, "alice")) == 1
            again = await say_in(teams, "standard", "bob", "members")
            assert not [c for c in again if TITLE in str(c.body)]

    asyncio.run(run())


def test_a_private_channel_needs_no_warning(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions, bind=False) as teams:
            said = await say_in(teams, "private", "alice", "group bind cjcg")
            assert said and not [c for c in teams.connector.sent() if TITLE in str(c.body)]
            assert not [c for c in teams.connector.sent() if c.path == "/v3/conversations"]

    asyncio.run(run())
