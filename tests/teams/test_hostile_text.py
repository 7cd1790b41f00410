"""What members type, and the names Teams gives them, shown in Teams over real HTTP: Teams reads a card's text
(title, text blocks, facts) and a message's text as Markdown, so a motion or a name written as a Markdown link
would show only its words and hide where it leads. Every link the bot shows names its own address."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import SDK_WARNINGS, Recorded, Teams, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

LINK = re.compile(r"\[([^\[\]\"\n]*)\]\(([^)\"\s]*)\)")


def hidden_links(said: list[Recorded]) -> list[str]:
    """Each Markdown link in what the bot sent people to read (its messages' text and cards) whose words are not
    its own address."""
    text = json.dumps([[call.body.get("text"), call.body.get("attachments")] for call in said], ensure_ascii=False)
    return [m.group(0) for m in LINK.finditer(text)
            if m.group(1).strip().rstrip("/") not in m.group(2).split("://", 1)[-1]]


async def open_meeting(teams: Teams) -> None:
    await teams.say("alice", "meeting schedule 2026-12-10 10:00")
    teams.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    await teams.say("alice", "meeting open --confirm")
    for member in ("bob", "carol"):
        await teams.say(member, "here")


def test_a_motion_written_as_a_markdown_link_shows_where_it_leads(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await open_meeting(teams)
            said = await teams.say("alice", 'motion "[Read the paper](https://evil.example/login) then vote; '
                                            '[sign](mailto:x@evil.example)"')
            assert said and "evil.example/login" in json.dumps(said[0].body)
            assert hidden_links(said) == []

    asyncio.run(run())


def test_a_name_teams_gives_as_a_markdown_link_shows_where_it_leads(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            named = teams.account

            def account(who: str) -> dict[str, Any]:
                return {**named(who), "name": "[Dan, chair](https://evil.example/dan)"} if who == "dan" else named(who)

            teams.account = account  # type: ignore[method-assign]
            said = await teams.say("dan", "apologies")
            assert said and "evil.example/dan" in json.dumps([call.body for call in said])
            assert hidden_links(said) == []

    asyncio.run(run())
