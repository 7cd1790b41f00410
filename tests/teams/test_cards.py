"""Card votes and addressing in a Teams channel (forms: test_forms.py)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import AuditEvent, Ballot, ChannelBinding, ChannelReference
from tests.teams.conftest import CHANNEL, SDK_WARNINGS, Teams, answer_text, teams_world
from tests.teams.test_meeting import card_of, tally

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


async def open_vote(teams: Teams) -> tuple[str, dict[str, Any]]:
    """A quorate meeting with a vote open on motion 1: the motion card's id and its buttons' data."""
    await teams.say("alice", "meeting schedule 2026-12-10 10:00")
    teams.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    await teams.say("alice", "meeting open --confirm")
    for member in ("bob", "carol"):
        await teams.say(member, "here")
    proposed = await teams.say("alice", 'motion "Approve the joint action plan"')
    card = card_of(proposed[0])
    assert proposed[0].answered_id is not None
    return proposed[0].answered_id, {a["title"]: a["data"] for a in card["actions"]}


def count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_card_vote_by_a_non_member_is_refused(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            card_id, buttons = await open_vote(teams)
            puts = len(teams.connector.sent("PUT"))
            answer = await teams.invoke("zed", buttons["For"], card_id=card_id)
            # Only the presser sees the refusal; it says what the rule is and where it comes from.
            assert answer["type"] == "application/vnd.microsoft.activity.message"
            assert "is confidential (ToR 6.7-6.9)" in answer["value"]
            assert count(sessions, Ballot) == 0
            assert len(teams.connector.sent("PUT")) == puts  # the card is untouched

    asyncio.run(run())


def test_a_duplicate_invoke_changes_nothing(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            card_id, buttons = await open_vote(teams)
            first = await teams.invoke("bob", buttons["For"], card_id=card_id)
            audit = count(sessions, AuditEvent)
            again = await teams.invoke("bob", buttons["For"], card_id=card_id)
            assert again["value"]["body"][:-1] == first["value"]["body"][:-1]  # the same card, the same tally
            assert answer_text(first).endswith("✓ Your vote on motion 1 is recorded: For.")
            assert answer_text(again).endswith("✓ Your vote on motion 1 is already recorded: For.")
            assert tally(again["value"])["For"].startswith("1 ") and tally(again["value"])["Voted"] == "1"
            assert count(sessions, Ballot) == 1 and count(sessions, AuditEvent) == audit

    asyncio.run(run())


def test_a_changed_vote_by_typing_refreshes_the_posted_card(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            card_id, buttons = await open_vote(teams)
            await teams.invoke("bob", buttons["For"], card_id=card_id)
            said = await teams.say("bob", "vote 1 against")
            put = next(call for call in said if call.method == "PUT")
            assert put.path.endswith(f"/activities/{card_id}")
            assert tally(card_of(put))["Against"].startswith("1 ") and tally(card_of(put))["For"].startswith("0 ")
            answer = next(call for call in said if call.method == "POST")
            assert answer.body["text"].startswith("<at>Bob</at> Your vote on motion 1 is changed to Against")

    asyncio.run(run())


def test_plain_gov_works_and_chatter_is_left_alone(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            chatter = await teams.post(teams.activity("bob", type="message", text="see you all on Thursday"))
            assert chatter.status == 202 and teams.connector.calls == []
            await teams.post(teams.activity("bob", type="message", text="gov help quorum"))
            shown = json.dumps(teams.connector.sent()[-1].body)  # help with its example is two lines: a card
            assert "**quorum**" in shown and "`" not in shown  # Teams has no inline code

    asyncio.run(run())


def test_binding_a_channel_keeps_the_reference_taken_when_the_bot_was_first_spoken_to(
        sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions, bind=False) as teams:
            said = await teams.say("alice", "group bind cjcg")
            assert "This channel is now the channel of Children's Joint Commissioning Group" in said[0].body["text"]
            with sessions() as session:
                binding = session.scalars(select(ChannelBinding)).one()
                assert binding.channel_id == CHANNEL
                assert binding.conversation is not None
                assert binding.conversation["conversation"]["id"] == CHANNEL  # the channel, not the thread
                assert binding.conversation["serviceUrl"] == teams.connector.url
                assert session.scalars(select(ChannelReference)).one().reference == binding.conversation
                assert "user" not in binding.conversation  # the channel's address, not the last speaker's
                updated = session.scalars(select(ChannelReference)).one().updated_at
            teams.clock.now += dt.timedelta(hours=1)
            await teams.say("bob", "help")  # someone else speaking does not rewrite the reference
            with sessions() as session:
                assert session.scalars(select(ChannelReference)).one().updated_at == updated

    asyncio.run(run())


def test_a_refused_command_still_keeps_the_reference_so_reminders_can_reach_the_channel(
        sessions: sessionmaker[Session]) -> None:
    # The reference is kept in the command's own transaction; a refusal rolls that back, and it is kept alone.
    async def run() -> None:
        async with teams_world(sessions, bind=False) as teams:
            said = await teams.say("alice", "group bind no-such-group")
            assert "no-such-group" in said[0].body["text"]
            with sessions() as session:
                kept = session.scalars(select(ChannelReference)).one()
                assert kept.channel_id == CHANNEL and kept.reference["serviceUrl"] == teams.connector.url
                session.delete(kept)
                session.commit()
            pressed = await teams.invoke("bob", {"command": "vote 99 yes"})  # a card's button: no such vote
            assert "not bound to a group yet" in json.dumps(pressed)
            with sessions() as session:
                assert session.scalars(select(ChannelReference)).one().reference["conversation"]["id"] == CHANNEL
                assert session.scalars(select(ChannelBinding)).first() is None  # nothing else was recorded

    asyncio.run(run())


def test_a_button_on_an_older_client_arrives_as_action_submit_and_still_votes(
        sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            card_id, buttons = await open_vote(teams)
            fallback = {"verb": "gov", **buttons["For"]}
            before = len(teams.connector.calls)
            response = await teams.post(teams.activity("bob", type="message", value=fallback, replyToId=card_id))
            assert response.status == 202
            assert count(sessions, Ballot) == 1
            (put,) = teams.connector.calls[before:]  # the card shows the vote; nothing else is said
            assert put.method == "PUT" and put.path.endswith(f"/activities/{card_id}")
            assert tally(card_of(put))["For"].startswith("1 ")
            refused = await teams.post(teams.activity("zed", type="message", value=fallback, replyToId=card_id))
            assert refused.status == 202
            answer = teams.connector.calls[-1]
            assert answer.body["text"].startswith("<at>Zed</at> ⚠ Children's Joint Commissioning Group is confidential")

    asyncio.run(run())


def test_in_a_one_to_one_chat_a_private_answer_is_simply_said(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            chat = teams.activity("bob", type="message", text="help quorum")
            chat["conversation"] = {"id": "a:1-bob-personal", "conversationType": "personal", "tenantId": "t"}
            del chat["channelData"]["channel"]
            assert (await teams.post(chat)).status == 202
            answer = teams.connector.sent()[-1]
            assert answer.path.startswith("/v3/conversations/a:1-bob-personal/")
            assert "**quorum**" in json.dumps(answer.body) and "entities" not in answer.body

    asyncio.run(run())


def test_when_teams_fails_the_person_is_told_politely_and_the_bot_keeps_serving(
        sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            teams.connector.failures = [(500, {})]
            said = await teams.say("alice", "quorum")
            assert len(said) == 2  # the answer that failed, then the apology
            assert "something went wrong on my side" in said[1].body["text"]
            assert "Traceback" not in said[1].body["text"] and "500" not in said[1].body["text"]
            assert "Teams turn failed" in caplog.text
            assert "No meeting is open" in (await teams.say("alice", "quorum"))[0].body["text"]

    asyncio.run(run())


@pytest.mark.parametrize("body", [b"{}", b"not json", b"[1, 2]", b'{"type": ""}'])
def test_a_body_that_is_not_an_activity_gets_400_and_changes_nothing(sessions: sessionmaker[Session],
                                                                     body: bytes) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            before = count(sessions, AuditEvent)
            async with teams.http.post(teams.endpoint, data=body,
                                       headers={"Content-Type": "application/json"}) as response:
                assert response.status == 400
                assert "must be a Bot Framework Activity" in (await response.json())["error"]
            assert count(sessions, AuditEvent) == before and teams.connector.calls == []

    asyncio.run(run())


@pytest.mark.parametrize("status", [404, 429])
def test_a_card_that_cannot_be_refreshed_still_records_the_vote_once_and_says_so(
        sessions: sessionmaker[Session], status: int) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            card_id, buttons = await open_vote(teams)
            # The card's update fails: deleted (404), or throttled past every retry (429).
            teams.connector.update_failures = [(status, {"Retry-After": "0"})] * 100
            said = await teams.say("bob", "vote 1 for")
            puts = [call for call in said if call.method == "PUT"]
            assert puts and all(call.path.endswith(f"/activities/{card_id}") for call in puts)
            texts = [call.body.get("text", "") for call in said if call.method == "POST"]
            assert [t for t in texts if t.startswith("<at>Bob</at> Your vote on motion 1 is recorded")]
            assert not [t for t in texts if "nothing was recorded" in t]
            pressed = await teams.invoke("carol", buttons["Against"], card_id=card_id)  # the presser sees the tally
            assert tally(pressed["value"])["Voted"] == "2" and tally(pressed["value"])["Against"].startswith("1 ")
            assert count(sessions, Ballot) == 2

    asyncio.run(run())
