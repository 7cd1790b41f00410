"""Draft minutes are read by whoever may circulate them, before they are approved (LIEG 5.2: "approved by the steering
group before circulation"; CJCG 6.3). On Slack the chair's `minutes 1` in the channel is answered with a message only
the chair sees. Teams has no such message in a channel: the draft was posted in the thread, for the whole channel to
read. It now goes to the asker's 1:1 chat with the bot, and the thread says where it went; approved minutes, which
are circulated, are still answered where they were asked for."""

from __future__ import annotations

import asyncio
import json

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import SDK_WARNINGS, Recorded, Teams, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)
DRAFT = "Draft minutes of meeting 1"


async def asked_for_the_draft(teams: Teams, who: str) -> list[Recorded]:
    """Meeting 1 scheduled by alice; then `who` asks for its minutes in the channel: what the bot sent Teams."""
    await teams.say("alice", "meeting schedule 2026-12-10 10:00")
    before = len(teams.connector.sent())
    await teams.say(who, "minutes 1")
    return teams.connector.sent()[before:]


def test_draft_minutes_asked_for_in_a_channel_go_to_the_askers_1_1_chat_not_the_thread(
        sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            posts = await asked_for_the_draft(teams, "alice")
            in_channel = [json.dumps(c.body) for c in posts if "cjcg-general" in c.path]
            personal = [json.dumps(c.body) for c in posts if "/a:1-29:alice/" in c.path]
            assert not any(DRAFT in body for body in in_channel), in_channel
            assert any("your 1:1 chat with me" in body for body in in_channel), in_channel
            assert any(DRAFT in body for body in personal), [(c.path, c.body) for c in posts]

    asyncio.run(run())


def test_draft_minutes_refused_to_a_stranger_are_refused_in_the_thread(sessions: sessionmaker[Session]) -> None:
    """zed, in the channel but not of the group, may not read the draft (CJCG 6.7-6.9): the refusal, which holds no
    minutes, is said where he asked, and nothing goes to a 1:1 chat."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            posts = await asked_for_the_draft(teams, "zed")
            assert not [c for c in posts if "/a:1-29:zed/" in c.path], [(c.path, c.body) for c in posts]
            said = " ".join(json.dumps(c.body) for c in posts if "cjcg-general" in c.path)
            assert DRAFT not in said and "ToR 6." in said, said

    asyncio.run(run())
