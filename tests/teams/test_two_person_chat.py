"""Teams calls a conversation `personal` when it is a 1:1 chat, and that is not always the person's own chat with the
bot. Teams gives the bot's own 1:1 chat an id `a:...`, or, as Microsoft Graph names chats, `19:<person>_<bot's app
id>@unq.gbl.spaces`; a chat between two people is `19:<one>_<other>@unq.gbl.spaces`, and everyone there reads
what the bot says. Such an activity was refused with a bare 400 (its id starts `19:`, like a channel's), so the
person saw nothing at all. Now the bot answers where it was asked, as it does in a group chat: with an @mention,
and anything for one person's eyes only goes to their own chat with the bot. Over real HTTP, with genuine tokens."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from tests.teams.conftest import BOT, SDK_WARNINGS, TENANT, Recorded, Teams
from tests.teams.test_hostile_activities import send
from tests.teams.test_jwt import settings, signing_key

__all__ = ["settings", "signing_key"]

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

TWO_PEOPLE = "19:aad-alice_aad-bob@unq.gbl.spaces"
OWN_CHAT = "19:aad-alice_" + BOT["id"].removeprefix("28:") + "@unq.gbl.spaces"  # Graph's name for alice's chat


def in_chat(teams: Teams, conversation: str, text: str, *, mention_bot: bool) -> dict[str, Any]:
    """alice writes `text` in a 1:1 chat (`conversation`), @mentioning the bot or not."""
    mention = {"entities": [{"type": "mention", "text": "<at>govbot</at>", "mentioned": BOT}],
               "text": f"<at>govbot</at> {text}"} if mention_bot else {"text": text}
    return {**teams.activity("alice", type="message", textFormat="plain", **mention),
            "conversation": {"id": conversation, "conversationType": "personal", "tenantId": TENANT},
            "channelData": {"tenant": {"id": TENANT}}}


def said_in(teams: Teams, conversation: str) -> list[Recorded]:
    return [call for call in teams.connector.sent() if call.path.startswith(f"/v3/conversations/{conversation}/")]


def mentions(call: Recorded) -> list[str]:
    return [entity["mentioned"]["id"] for entity in call.body.get("entities") or [] if entity.get("type") == "mention"]


def test_the_bot_asked_in_a_chat_between_two_people_answers_there_naming_who_asked(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch) -> None:
    async def run() -> None:
        status, body, teams = await send(sessions, settings, signing_key, monkeypatch,
                                         lambda t: in_chat(t, TWO_PEOPLE, "help", mention_bot=True))
        assert status in (200, 202), body
        answers = said_in(teams, TWO_PEOPLE)
        assert answers and "Commands" in json.dumps(answers[0].body), teams.connector.calls
        assert mentions(answers[0]) == ["29:alice"]  # bob reads it too: it says whom it answers, as in a group chat

    asyncio.run(run())


def test_a_chat_between_two_people_is_not_read_as_a_command_unless_the_bot_is_asked(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """alice and bob talking to each other are not talking to the bot, as in its own chat everything is."""
    async def run() -> None:
        status, body, teams = await send(sessions, settings, signing_key, monkeypatch,
                                         lambda t: in_chat(t, TWO_PEOPLE, "help me with the agenda", mention_bot=False))
        assert status in (200, 202), body
        assert teams.connector.calls == []

    asyncio.run(run())


def test_the_bots_own_chat_under_its_graph_name_is_answered_as_a_1_1_chat(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch) -> None:
    async def run() -> None:
        status, body, teams = await send(sessions, settings, signing_key, monkeypatch,
                                         lambda t: in_chat(t, OWN_CHAT, "help", mention_bot=False))
        assert status in (200, 202), body
        answers = said_in(teams, OWN_CHAT)
        assert answers and "Commands" in json.dumps(answers[0].body), teams.connector.calls
        assert mentions(answers[0]) == []  # only alice reads it

    asyncio.run(run())


def test_a_personal_chat_whose_conversation_is_the_channel_is_answered_as_the_channel(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Called personal, but the id is the channel's: the channel reads what is said there, so the bot answers as in
    the channel, naming who asked, and never as if only alice could read it."""
    def claimed_personal(teams: Teams) -> dict[str, Any]:
        activity = teams.activity("alice", type="message", text="gov help")
        activity["conversation"]["conversationType"] = "personal"
        return activity

    async def run() -> None:
        status, body, teams = await send(sessions, settings, signing_key, monkeypatch, claimed_personal)
        assert status in (200, 202), body
        answers = teams.connector.sent()
        assert answers and all(mentions(call) == ["29:alice"] for call in answers), teams.connector.calls

    asyncio.run(run())
