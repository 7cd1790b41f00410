"""Teams can deliver the same Activity again (the same id: its retry when the bot was slow to answer). The record
changes once and the channel is answered once, as on Slack (tests/slack/test_duplicates.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import AuditEvent, Ballot, Poll
from tests.teams.conftest import BOT, SDK_WARNINGS, Teams, teams_world
from tests.teams.test_cards import open_vote

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def count(sessions: sessionmaker[Session], model: type, **where: object) -> int:
    with sessions() as session:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return session.scalar(query) or 0


def typed(teams: Teams, who: str, text: str) -> dict[str, Any]:
    return teams.activity(who, type="message", text=f"<at>govbot</at> {text}", textFormat="plain",
                          entities=[{"type": "mention", "text": "<at>govbot</at>", "mentioned": BOT}])


def test_a_redelivered_message_changes_the_record_once_and_is_answered_once(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            activity = typed(teams, "alice", 'motion "Adopt the joint action plan" --closes "2026-12-31 17:00"')
            before = len(teams.connector.calls)
            assert (await teams.post(activity)).status in (200, 202)
            answered = len(teams.connector.calls)
            assert answered > before
            assert (await teams.post(dict(activity))).status in (200, 202)  # Teams's retry: the same id
            assert len(teams.connector.calls) == answered  # nothing said twice
            assert count(sessions, Poll, kind="motion") == 1
            assert count(sessions, AuditEvent, action="motion.proposed") == 1
            again = typed(teams, "alice", 'motion "Adopt the joint action plan" --closes "2026-12-31 17:00"')
            await teams.post(again)  # typed again: a new activity, answered anew (refused, duplicating motion 1)
            assert len(teams.connector.calls) > answered
            assert "This duplicates motion 1" in str(teams.connector.calls[-1].body)
            assert count(sessions, Poll, kind="motion") == 1

    asyncio.run(run())


def test_a_redelivered_card_action_casts_one_ballot(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            card_id, buttons = await open_vote(teams)
            press = teams.activity("bob", type="invoke", name="adaptiveCard/action", replyToId=card_id,
                                   value={"action": {"type": "Action.Execute", "verb": "gov",
                                                     "data": buttons["For"]}, "trigger": "manual"})
            audit = count(sessions, AuditEvent)
            answers = []
            for _ in range(2):
                async with teams.http.post(teams.endpoint, json=press, headers=teams.headers()) as response:
                    assert response.status == 200
                    answers.append(await response.json())
            first, again = answers
            assert "Your vote on motion 1 is recorded: For." in str(first["value"])
            assert "already recorded" not in str(again["value"])  # the retry is not a second vote
            assert count(sessions, Ballot) == 1
            assert count(sessions, AuditEvent) == audit + 1

    asyncio.run(run())
