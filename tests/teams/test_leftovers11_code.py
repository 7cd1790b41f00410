"""A command govbot suggests shows in Teams as code, as on Slack and the console, where Teams can show code: in a
message's own text, which Teams reads as Markdown with `inline code` (Microsoft's "Format your bot messages":
preformatted text, `` `text` ``). An Adaptive Card's TextBlock has no code (its Markdown is bold, italic, lists and
links), so there a command stays in bold. Teams had set every command in bold, reading like emphasis."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import SDK_WARNINGS, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def test_a_suggested_command_in_a_message_is_inline_code(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            [answer] = [c for c in await teams.say("alice", "vote for") if c.method == "POST"]
            body = answer.body
            assert "attachments" not in body or not body["attachments"], body
            assert body.get("textFormat") == "markdown", body
            assert "opens its vote with `motion vote N`" in body["text"], body["text"]
            assert "**" not in body["text"], body["text"]

    asyncio.run(run())


def test_a_command_in_a_card_stays_bold(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            [answer] = [c for c in await teams.say("bob", "help quorum") if c.method == "POST"]
            [card] = [a["content"] for a in answer.body["attachments"]]
            texts = " ".join(block.get("text", "") for block in card["body"])
            assert "**quorum**" in texts and "`" not in texts, texts

    asyncio.run(run())
