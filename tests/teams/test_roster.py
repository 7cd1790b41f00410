"""Added to a team, govbot reads the whole member list, page by page, and names every seat holder it finds."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import NEXT_PAGE, SDK_WARNINGS, teams_world
from tests.teams.test_meeting import said

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def test_installing_learns_the_names_on_every_page_of_the_team(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            before = said(await teams.say("alice", "members"))
            assert "Southend SEND Independent Forum representative (Southend SEND Independent Forum): aad-liam" in before
            assert "Administrative support: aad-sam, secretariat, non-voting" in before
            await teams.install()
            assert teams.connector.member_pages == [None, NEXT_PAGE]
            seats = said(await teams.say("alice", "members"))
            assert "Children's Commissioning (Southend City Council): Alice, chair" in seats  # on the first page
            assert "Southend SEND Independent Forum representative (Southend SEND Independent Forum): Liam" in seats
            assert "Administrative support: Sam, secretariat, non-voting" in seats

    asyncio.run(run())
