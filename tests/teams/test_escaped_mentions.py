"""A mention's name as Teams sends it: HTML-escaped (`<at>Siân O&#39;Brien &amp; Co</at>`, the entity's text and
the account's name alike). The record kept the escapes, so every answer, card and minute named
"Siân O&#39;Brien &amp; Co" — a card draws its text as it is, and the minutes and the page escaped it again
("&amp;#39;"). The name is now read once (unescaped) and shown as written."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import BOT, SDK_WARNINGS, Teams, teams_world
from tests.teams.test_meeting import said

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

ESCAPED = "Siân O&#39;Brien &amp; Co"
SHOWN = "Siân O'Brien & Co"


async def nominate(teams: Teams) -> list[Any]:
    """carol names the deputy by an @mention, as Teams writes one for a name with an apostrophe and an ampersand."""
    before = len(teams.connector.calls)
    entities = [{"type": "mention", "text": "<at>govbot</at>", "mentioned": BOT},
                {"type": "mention", "text": f"<at>{ESCAPED}</at>",
                 "mentioned": {"id": "29:sian", "name": ESCAPED, "aadObjectId": "aad-sian"}}]
    response = await teams.post(teams.activity("carol", type="message", textFormat="plain", entities=entities,
                                               text=f"<at>govbot</at> deputy <at>{ESCAPED}</at> --meeting next"))
    assert response.status in (200, 202), response.status
    return teams.connector.calls[before:]


def test_a_mentioned_name_sent_escaped_is_shown_as_written(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            calls = await nominate(teams)
            answer = said(calls)  # refused (not a deputy the ToR lists), naming her
            assert f"and {SHOWN} is not recorded as one (ToR 7.2)" in answer, answer
            sent = json.dumps([call.body for call in calls], ensure_ascii=False)
            assert "&#39;" not in sent and "&amp;" not in sent, sent

    asyncio.run(run())
