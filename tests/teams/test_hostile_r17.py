"""Activities with a genuine token whose names are longer than any Teams gives (round 17, over real HTTP).

The answer to an activity is written by the SDK as a reply to it, carrying the sender's and the conversation's
accounts as the activity named them, names and all. A sender named with 300,000 characters was answered with a
message of 300 kB, which the connector refuses (413, as Teams refuses one over about 28 kB): the command had been
recorded, the sender was told nothing, and the turn's failure went to the log as errors with their exceptions.
Teams' own names are short (an Entra display name is at most 256 characters, a channel's name 50): a name past
1,000 characters is refused at the door, before anything is recorded."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from tests.front_door import row_counts
from tests.teams.conftest import SDK_WARNINGS, Teams
from tests.teams.test_hostile_activities import message, send, settings, signing_key

__all__ = ["settings", "signing_key"]

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

LONG = "A" * 300_000


def renamed(part: str, name: str) -> Callable[[Teams], dict[str, Any]]:
    def shape(teams: Teams) -> dict[str, Any]:
        activity = message(teams)
        activity[part] = {**activity[part], "name": name}
        return activity
    return shape


NAMED_AT_LENGTH: dict[str, Callable[[Teams], dict[str, Any]]] = {
    "a sender's name of 300,000 characters": renamed("from", LONG),
    "a sender's name of 1,001 characters": renamed("from", "A" * 1001),
    "the bot's name of 300,000 characters": renamed("recipient", LONG),
    "a conversation's name of 300,000 characters": renamed("conversation", LONG),
}


@pytest.mark.parametrize("name", list(NAMED_AT_LENGTH))
def test_a_name_longer_than_any_teams_gives_is_refused_at_the_door(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, name: str) -> None:
    async def run() -> None:
        before: dict[str, int] = {}

        def counted(teams: Teams) -> dict[str, Any]:
            before.update(row_counts(sessions))
            return NAMED_AT_LENGTH[name](teams)

        answered, body, teams = await send(sessions, settings, signing_key, monkeypatch, counted)
        assert answered == 400, (name, body[:300])
        assert "longer than any Teams gives" in body, body
        assert teams.connector.calls == []
        assert row_counts(sessions) == before

    asyncio.run(run())
    assert not any(r.exc_info or r.levelno >= logging.ERROR for r in caplog.records), \
        [r.getMessage()[:200] for r in caplog.records]


def test_a_long_name_teams_could_give_is_answered(sessions: sessionmaker[Session], settings: Settings,
                                                  signing_key: rsa.RSAPrivateKey,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    async def run() -> None:
        answered, _, teams = await send(sessions, settings, signing_key, monkeypatch, renamed("from", "A" * 256))
        assert answered in (200, 202)
        assert any("Meeting 1" in text for text in teams.connector.texts())

    asyncio.run(run())
