"""A name typed after @ in Teams, not picked from Teams' @mention list, names whoever first spoke to govbot under
that name; a ToR file seats its holders by Entra object id (`holder: teams:aad-bob`). So a stranger in the tenant
called Bob was the only match for a typed `@bob`, and `member remove @bob` acted on him. A typed name now reads first
among the group's own people, and one that matches only a stranger while one of the group bears a name like it is
refused, asking for an @mention. Over real HTTP, with Activity JSON."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.identity import Place
from bot.models import Identity, Membership
from tests import loaded
from tests.conftest import example
from tests.teams.conftest import CHANNEL, SDK_WARNINGS, Teams, teams_holders, teams_world
from tests.teams.test_meeting import said

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

BOBS_SEAT = "Specialist and Complex SEND Placement and HNB Commissioning"


async def stranger_called_bob(teams: Teams) -> None:
    """Mallory, whose Teams name is Bob, says `help` in the channel: govbot records him by that name."""
    activity = teams.activity("alice", type="message", text="<at>govbot</at> help", textFormat="plain",
                              entities=[{"type": "mention", "text": "<at>govbot</at>",
                                         "mentioned": {"id": "28:govbot-app", "name": "govbot"}}])
    activity["from"] = {"id": "29:mallory", "name": "Bob", "aadObjectId": "aad-mallory"}
    response = await teams.post(activity)
    assert response.status in (200, 202), response.status


def holders(sessions: sessionmaker[Session], title: str) -> list[str]:
    with sessions() as session:
        return list(session.scalars(
            select(Identity.external_id).join(Membership, Membership.person_id == Identity.person_id)
            .where(Membership.seat_title == title, Membership.ended_at.is_(None))))


def test_a_typed_name_finds_the_group_member_not_a_stranger_of_that_name(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("bob", "members")
            await stranger_called_bob(teams)
            answer = said(await teams.say("alice", "member remove @bob"))
            assert "holds no seat" not in answer and BOBS_SEAT in answer, answer
            assert holders(sessions, BOBS_SEAT) == []

    asyncio.run(run())


def test_a_typed_name_matching_only_a_stranger_like_a_member_asks_for_a_mention(
        sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions, load=None) as teams:
            terms = teams_holders(example("cjcg").read_text(encoding="utf-8")).replace(
                "holder: teams:aad-bob", 'holder: {id: "teams:aad-bob", name: Bob Jones}')
            loaded.load(sessions, terms, teams.clock.now, Place("teams", CHANNEL, "CJCG"))
            await stranger_called_bob(teams)  # bob has not spoken to govbot yet
            answer = said(await teams.say("alice", "member remove @bob"))
            assert "Bob Jones" in answer and "@mention" in answer, answer
            assert holders(sessions, BOBS_SEAT) == ["aad-bob"]
            answer = said(await teams.say("alice", "member remove <at>Bob</at>", mentions=("bob",)))
            assert holders(sessions, BOBS_SEAT) == [], answer

    asyncio.run(run())
