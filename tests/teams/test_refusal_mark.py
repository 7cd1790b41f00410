"""A refused typed command carries the warning mark on Teams, as on Slack (`:warning:`), so a refusal never reads
as a confirmation."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import SDK_WARNINGS, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def test_a_refused_typed_command_shows_the_warning_mark(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.install()
            said = await teams.say("bob", "meeting schedule 2026-12-10 10:00")
            [message] = [call.body for call in said if call.method == "POST"]
            assert not message.get("attachments"), "a one-sentence refusal is a plain message"
            assert message["text"].startswith("<at>Bob</at> ⚠ Only the chair")
            said = await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            assert not any("⚠" in (call.body.get("text") or "") for call in said)

    asyncio.run(run())
