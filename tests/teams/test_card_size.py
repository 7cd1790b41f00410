"""An answer never outgrows a Teams message. Teams refuses an activity over about 28 KB (413), so a register of
interests that had grown past it (fifteen declarations of the record's 2,000 characters, or a hundred short ones)
failed the turn: whoever asked for it was told something had gone wrong, every time. Now the card shows the rows
that fit and says how many more the record keeps. Real Activity JSON to the Teams endpoint, a fake connector that
refuses what Teams refuses."""

from __future__ import annotations

import asyncio
import json

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.replies import Reply
from handlers.teams.render import CARD_BYTES, CUT, card
from tests.teams.conftest import SDK_WARNINGS, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def interest(n: int) -> str:
    return (f"Interest {n}: director of a provider bidding for the respite contract, and trustee of its charity. "
            * 30)[:1990].strip()


def test_a_register_larger_than_a_teams_message_is_shown_in_part(sessions: sessionmaker[Session]) -> None:
    asyncio.run(register_in_part(sessions))


async def register_in_part(sessions: sessionmaker[Session]) -> None:
    async with teams_world(sessions) as teams:
        for n in range(1, 17):
            said = await teams.say("bob", f'declare "{interest(n)}"')
            assert all(call.body.get("text", "").find("wrong") == -1 for call in said)
        answer = await teams.say("carol", "interests")
        assert len(answer) == 1, [call.path for call in answer]
        card = answer[0].body["attachments"][0]["content"]
        facts = next(block["facts"] for block in card["body"] if block["type"] == "FactSet")
        assert facts[0]["value"].startswith("Interest 1: director"), "the register's first rows are shown"
        note = card["body"][-1]["text"]
        assert f"{16 - len(facts)} more rows are not shown here; the record keeps them all" in note
        assert 0 < len(facts) < 16


def test_text_longer_than_a_teams_message_is_shown_from_the_top() -> None:
    paragraphs = "\n\n".join(f"Item {n}. " + "The group discussed the respite contract at length. " * 40
                             for n in range(1, 20))
    content = card(Reply(paragraphs, title="Minutes of meeting 1", fields=(("Present", "alice, bob"),)))
    assert len(json.dumps(content, ensure_ascii=False).encode()) <= CARD_BYTES < len(paragraphs)
    texts = [block.get("text", "") for block in content["body"]]
    assert texts[0] == "Minutes of meeting 1" and texts[1].startswith("Item 1.")
    assert texts[-1] == CUT
