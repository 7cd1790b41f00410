"""Teams activities that found new holes in round 11, over real HTTP with a genuine token.

JSON may escape half of a UTF-16 surrogate pair (`"\\ud800"`), which Python reads into text no database stores and
UTF-8 cannot encode: a sender named so had their command fail after it was taken (an ERROR with a traceback, and
'something went wrong' said in the channel). Without credentials (the Agents Playground), an activity naming no
channel failed in the SDK, logged at ERROR, and was answered 202."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, session_factory
from bot.settings import Settings
from tests.conftest import migrated
from tests.front_door import row_counts
from tests.teams.conftest import SDK_WARNINGS, Teams, teams_world
from tests.teams.test_button_payloads import answer_text
from tests.teams.test_hostile_activities import SCHEDULE, card_action, message, send
from tests.teams.test_jwt import settings, signing_key

__all__ = ["settings", "signing_key"]

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

LONE = "\ud800"  # half a surrogate pair: json.dumps writes it as the escape \ud800


def raw(activity: dict[str, Any]) -> bytes:
    return json.dumps(activity).encode()  # ASCII, the half escaped: valid UTF-8, valid JSON


HALF_A_CHARACTER = {
    "a sender whose name is half a character": lambda t: raw({**message(t), "from": {
        **message(t)["from"], "name": "Alice " + LONE}}),
    "a motion holding half a character": lambda t: raw({**message(t), "text": "gov motion propose Adopt " + LONE}),
    "a button whose command holds half a character": lambda t: raw(card_action(t, {"action": {
        "type": "Action.Execute", "verb": "gov", "data": {"command": "vote 1 " + LONE, "card": "poll:1"}}})),
    "a channel whose name is half a character": lambda t: raw({**message(t), "channelData": {
        **message(t)["channelData"], "channel": {"id": message(t)["channelData"]["channel"]["id"], "name": LONE}}}),
}


@pytest.mark.parametrize("name", list(HALF_A_CHARACTER))
def test_half_a_character_is_refused_at_the_door(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, name: str) -> None:
    async def run() -> None:
        before: dict[str, int] = {}

        def counted(teams: Teams) -> bytes:
            before.update(row_counts(sessions))
            return HALF_A_CHARACTER[name](teams)

        answered, body, teams = await send(sessions, settings, signing_key, monkeypatch, counted)
        assert answered == 400, (name, body[:300])
        assert teams.connector.calls == []
        assert row_counts(sessions) == before

    asyncio.run(run())
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info], caplog.text[-500:]


def test_an_emoji_escaped_as_its_pair_is_one_character_and_welcome(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch) -> None:
    async def run() -> None:
        answered, _, teams = await send(sessions, settings, signing_key, monkeypatch, lambda t: raw(
            {**message(t), "from": {**message(t)["from"], "name": "Alice \ud83d\ude00"}}))
        assert answered in (200, 202)
        assert any("Meeting 1" in text for text in teams.connector.texts())

    asyncio.run(run())


def test_without_credentials_an_activity_naming_no_channel_is_refused(
        sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            before = row_counts(sessions)
            activity = teams.activity("alice", type="message", text=SCHEDULE)
            del activity["channelId"]
            answer = await teams.post(activity)
            assert answer.status == 400
            assert row_counts(sessions) == before and teams.connector.calls == []

    asyncio.run(run())
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info], caplog.text[-500:]


@pytest.mark.parametrize("kind", [[], {}, ["vote"]])
def test_a_button_whose_payload_names_its_kind_as_no_word_is_refused_politely(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, kind: Any) -> None:
    """A card's data comes back from the Teams client, which its user can change: a payload whose `kind` was a
    list or an object failed the command (an ERROR with a traceback, and 'something went wrong')."""
    async def run() -> None:
        payload = json.dumps({"kind": kind, "v": 1, "poll": 1, "choice": ["for"]})
        answered, body, _ = await send(sessions, settings, signing_key, monkeypatch, lambda t: card_action(t, {
            "action": {"type": "Action.Execute", "verb": "gov", "data": {"command": payload}}}))
        assert answered == 200, body[:300]
        assert "That button could not be read" in body and "went wrong" not in body, body[:300]

    asyncio.run(run())
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info], caplog.text[-500:]


@pytest.fixture
def on_postgres(postgres_schema_url: str) -> Iterator[sessionmaker[Session]]:
    migrated(postgres_schema_url)
    engine = make_engine(postgres_schema_url)
    yield session_factory(engine)
    engine.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("card", ["poll:2147483648", "meeting:99999999999"])
def test_a_card_key_past_the_records_ids_names_no_card_on_postgresql(
        on_postgres: sessionmaker[Session], caplog: pytest.LogCaptureFixture, card: str) -> None:
    """The record's ids are 32-bit integers on PostgreSQL: a card key of eleven digits passed the 18-digit bound
    and failed the card's read ('integer out of range'), an ERROR and 'something went wrong' after the command."""
    async def run() -> None:
        async with teams_world(on_postgres) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            answer = await teams.invoke("alice", {"command": "quorum", "card": card})
            assert "No meeting is open, so there is no quorum to check" in answer_text(answer)

    asyncio.run(run())
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info], caplog.text[-500:]
