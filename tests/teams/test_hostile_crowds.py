"""An activity that names thousands of people (a membersAdded list, a message's mentions) within the 1 MB a body may
hold, over real HTTP: the work it causes is bounded (statements, lookups at Teams, people added), and what a real
team's activity says is still kept."""

from __future__ import annotations

import asyncio
import io
import json
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from tests.front_door import row_counts
from tests.teams.conftest import BOT, SDK_WARNINGS, Teams, teams_world
from tests.teams.test_meeting import said

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

CROWD = 20_000  # accounts in one membersAdded: some 600 KB of JSON, within the 1 MB a body may be


def statements_on(engine: Engine) -> list[str]:
    """Every SQL statement `engine` runs from now on."""
    ran: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda conn, cursor, statement, *rest: ran.append(statement))
    return ran


def test_members_added_by_the_thousand_cost_a_bounded_number_of_statements_and_still_name_holders(
        engine: Engine, sessions: sessionmaker[Session]) -> None:
    """Each account added used to cost a query of its own (20,000 queries, seconds of CPU, for one activity);
    now they are looked up a few hundred at a time, and a seat holder at the end of the list is still named."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            strangers = [{"id": f"29:s{n}", "name": f"S{n}"} for n in range(CROWD)]
            liam = {"id": "29:liam", "name": "Liam Brown", "aadObjectId": "aad-liam"}
            before = row_counts(sessions)
            ran = statements_on(engine)
            body = json.dumps(teams.activity("alice", type="conversationUpdate",
                                             membersAdded=[*strangers, liam, *strangers[:5]])).encode()
            async with teams.http.post(teams.endpoint, data=io.BytesIO(body),
                                       headers={"Content-Type": "application/json"}) as answer:
                assert answer.status in (200, 202)
            assert len([s for s in ran if "identities" in s]) <= 2 * CROWD // 500, len(ran)
            assert row_counts(sessions) == before  # nobody new: people added to a team are named, not created
            assert "Southend SEND Independent Forum representative (Southend SEND Independent Forum): Liam Brown" \
                in said(await teams.say("alice", "members"))

    asyncio.run(run())


def mentioning(teams: Teams, people: int, text: str = "deputy") -> dict[str, Any]:
    """alice @mentions the bot and `people` people (none with an Entra object id, so each would be looked up)."""
    entities = [{"type": "mention", "text": "<at>govbot</at>", "mentioned": BOT}]
    entities += [{"type": "mention", "text": f"<at>Person {n}</at>", "mentioned": {"id": f"29:person-{n}",
                                                                                  "name": f"Person {n}"}}
                 for n in range(people)]
    written = " ".join(f"<at>Person {n}</at>" for n in range(people))
    return teams.activity("alice", type="message", text=f"<at>govbot</at> {text} {written}", textFormat="plain",
                          entities=entities)


def test_a_message_mentioning_thousands_is_refused_before_any_lookup_or_person_is_added(
        sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture) -> None:
    """3,000 mentions used to cost 3,000 lookups at Teams and add 3,000 people to the record, for a command then
    refused for its length. Now the sender is told, in the thread, to mention only the people the command is
    about; nobody is looked up or added, and the log says how many without naming them."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            before = row_counts(sessions)
            answer = await teams.post(mentioning(teams, 3000))
            assert answer.status in (200, 202)
            assert teams.connector.member_lookups == []
            assert row_counts(sessions) == before
            assert any("@mentions more than 50 people" in text for text in teams.connector.texts()), \
                teams.connector.texts()

    asyncio.run(run())
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "3000 people" in logged and "Person 1" not in logged and "person-1" not in logged


def test_a_command_refused_for_its_length_adds_nobody_it_mentions(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            before = row_counts(sessions)
            answer = await teams.post(mentioning(teams, 2, text="motion " + "x" * 4000))
            assert answer.status in (200, 202)
            assert any("a command can be at most 4,000" in text for text in teams.connector.texts())
            after = row_counts(sessions)
            assert (after["people"], after["identities"]) == (before["people"], before["identities"])

    asyncio.run(run())


def test_the_same_person_mentioned_many_times_is_looked_up_once_and_the_command_runs(
        sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            activity = mentioning(teams, 1, text="deputy")
            activity["entities"] += [activity["entities"][1]] * 500
            answer = await teams.post(activity)
            assert answer.status in (200, 202)
            assert teams.connector.member_lookups == ["29:person-0"]

    asyncio.run(run())
