"""The draft minutes Teams gives the chair in their 1:1 chat (the channel must not read them before approval) carry an
'Approve these minutes' button: pressed there, it approves them and circulates the approved minutes in the group's
channel, as Slack does. Found by platforms15: the press approved them, but the presser read only '# Minutes of
Children's Joint Commissioning Group: meeting 1' and nothing reached the channel. Now the presser reads the
approval, and the channel's post waits in the outbox for the delivery job (a turn in a 1:1 chat cannot post in the
channel). Real Activity JSON, with the fake Bot Connector."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from handlers.teams.notifier import TeamsNotifier
from scheduler.delivery import deliver
from tests.teams.conftest import SDK_WARNINGS, teams_world
from tests.teams.test_meeting import card_of, card_text
from tests.teams.test_personal_chat_vote import personal

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def test_the_draft_minutes_approved_from_the_chairs_1_1_chat_are_circulated_in_the_channel(
        sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await held_an_hour(teams)
            await teams.say("alice", "meeting close")
            posts = await teams.say("alice", "meeting minutes 1")
            (draft,) = [c for c in posts if "/a:1-29:alice/" in c.path]
            actions = draft.body["attachments"][0]["content"]["actions"]
            approve = next(a for a in actions if a["title"] == "Approve these minutes")
            before = len(teams.connector.calls)
            pressed = personal(teams, "alice", type="invoke", name="adaptiveCard/action", replyToId=draft.answered_id,
                               value={"action": {"type": "Action.Execute", "verb": "gov", "data": approve["data"]},
                                      "trigger": "manual"})
            async with teams.http.post(teams.endpoint, json=pressed, headers=teams.headers()) as response:
                assert response.status == 200
                answered = await response.json()
                answer = json.dumps(answered)
            notifiers = {"teams": TeamsNotifier(Settings(_env_file=None, teams_anonymous=True), sleep=no_wait)}
            await asyncio.to_thread(deliver, sessions, notifiers, teams.clock.now)  # the delivery job's next run
            in_channel = [json.dumps(c.body) for c in teams.connector.calls[before:] if "cjcg-general" in c.path]
            asked = await teams.say("alice", "meeting minutes 1")  # approved: the channel may read them now
            assert any("Approved minutes of meeting 1" in json.dumps(c.body) for c in asked), asked
            assert "Approved by Alice" in answer, answer  # the presser read only their first line, '# Minutes of …'
            assert "posted in the channel of Children's Joint Commissioning Group" in answer, answer
            # The draft's card in the 1:1 chat gives way to the approved minutes: no 'Approve' left to press.
            assert answered["type"] == "application/vnd.microsoft.card.adaptive", answered
            shown = card_text(answered["value"])
            assert shown.startswith("Minutes of meeting 1 approved") and "Draft" not in shown, shown
            assert not answered["value"].get("actions"), answered["value"]
            assert any("Minutes of meeting 1 approved" in body for body in in_channel), \
                [(c.path, c.body) for c in teams.connector.calls[before:]]

    asyncio.run(run())


async def held_an_hour(teams: Any) -> None:
    """CJCG's meeting 1 scheduled, opened at 10:00 on 10 Dec with bob and carol present, and an hour on: closing."""
    await teams.say("alice", "meeting schedule 2026-12-10 10:00")
    teams.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    await teams.say("alice", "meeting open")
    for person in ("bob", "carol"):
        await teams.say(person, "here")
    teams.clock.now += dt.timedelta(minutes=60)


async def no_wait(seconds: float) -> None:
    """The notifier's sleep, not taken: no test waits on the wall clock."""


def test_the_closing_card_says_when_the_meeting_was_held_as_its_earlier_copy_does(
        sessions: sessionmaker[Session]) -> None:
    """After `meeting close` the meeting's earlier card, updated to its closed state, read 'When: Thu 10 Dec 2026,
    10:00 GMT', and the closing card posted below it did not: a clerk filing the closing card could not tell which
    meeting day it was. Both now say when it was held."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await held_an_hour(teams)
            closing = [card_text(card_of(c)) for c in await teams.say("alice", "meeting close")
                       if c.body.get("attachments")]
            updated = [text for text in closing if "no longer updated" in text or "is closed." in text]
            posted = [text for text in closing if "Meeting 1 is closed;" in text or "Meeting 1 is closed." in text]
            assert updated and posted, closing
            for text in closing:
                assert "When: Thu 10 Dec 2026, 10:00" in text, "\n----\n".join(closing)

    asyncio.run(run())
