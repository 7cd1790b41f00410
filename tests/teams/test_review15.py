"""Second read of teams14 (handlers/teams/typed.py), over real HTTP with Activity JSON.

The Agents Playground and the Bot Framework Emulator send what was typed as plain text, unescaped (`Q&A <draft>`),
where Teams itself escapes it (`Q&amp;A &lt;draft&gt;`). Reading every message as HTML dropped the Playground's
`<draft>` as if it were markup, so the motion was recorded without the words typed in angle brackets."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.models_polls import Poll
from tests.teams.conftest import SDK_WARNINGS, teams_world
from tests.teams.test_teams14 import open_meeting

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def test_words_in_angle_brackets_sent_unescaped_by_the_playground_are_kept(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await open_meeting(teams)
            await teams.say("alice", 'motion "Q&A <draft> on spend x<y>z"')
            said = " ".join(teams.connector.texts())
            assert "<draft>" in said, said
        with sessions() as session:
            assert session.scalars(select(Poll.question)).all() == ["Q&A <draft> on spend x<y>z"]

    asyncio.run(run())


def test_an_ampersand_sent_unescaped_by_the_playground_is_not_read_as_an_html_entity(
        sessions: sessionmaker[Session]) -> None:
    """The Playground's 'Fees&times for R&regional work' (Teams would send `&amp;`) was recorded as
    'Fees× for R®ional work': HTML reads `&times` and `&reg` as entities even without their `;`."""

    async def run() -> None:
        async with teams_world(sessions) as teams:
            await open_meeting(teams)
            await teams.say("alice", 'motion "Fees&times for R&regional work"')
        with sessions() as session:
            assert session.scalars(select(Poll.question)).all() == ["Fees&times for R&regional work"]

    asyncio.run(run())
