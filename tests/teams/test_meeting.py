"""What only Teams shows in a meeting, over HTTP: the roster's names, forms, Action.Execute cards refreshed in the
invoke answer and replaced in place for everyone. The meeting itself, on every platform, is tests/test_meeting.py."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Ballot, Interest, Person
from tests.teams.conftest import SDK_WARNINGS, Recorded, Teams, answer_text, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def card_of(call: Recorded) -> dict[str, Any]:
    attachments = call.body.get("attachments") or []
    assert attachments, f"expected a card, got {call.body}"
    card: dict[str, Any] = attachments[0]["content"]
    return card


def card_text(card: dict[str, Any]) -> str:
    parts = [b.get("text", "") for b in card["body"] if b["type"] == "TextBlock"]
    for block in card["body"]:
        if block["type"] == "FactSet":
            parts.extend(f"{f['title']}: {f['value']}" for f in block["facts"])
    return "\n".join(parts)


def said(calls: list[Recorded]) -> str:
    """What the people in the channel read in these calls."""
    out = []
    for call in calls:
        out.append(call.body.get("text") or "")
        if call.body.get("attachments"):
            out.append(card_text(card_of(call)))
    return "\n".join(out)


def tally(card: dict[str, Any]) -> dict[str, str]:
    facts = next(b for b in card["body"] if b["type"] == "FactSet")["facts"]
    return {f["title"]: f["value"] for f in facts}


async def meeting(teams: Teams, sessions: sessionmaker[Session]) -> None:
    # The team adds govbot: it learns the members' names (the ToR seats them by Entra object id).
    await teams.install()
    # Scheduling by form: the chair fills in the meeting card's date, time and place.
    answer = await teams.invoke("alice", {"form": "meeting schedule", "date": "2026-12-10", "time": "10:00",
                                          "where": "Civic Centre, Southend"}, verb="gov.form")
    assert "Meeting 1 scheduled" in answer["value"]
    assert "Meeting 1 scheduled" in said(teams.connector.sent()[-1:])
    await teams.say("alice", 'agenda add "Joint action plan 2027-29"')
    await teams.say("alice", 'agenda add "SEND placements procurement"')

    teams.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    opened = await teams.say("alice", "meeting open --confirm")
    # The card posted when it was scheduled shows it open, and that it is posted again here, its buttons gone.
    earlier = card_of(next(c for c in opened if c.method == "PUT"))
    assert "no longer updated" in card_text(earlier) and "actions" not in earlier
    card = card_of(next(c for c in opened if c.method == "POST"))
    assert "Meeting 1 of Children's Joint Commissioning Group is open" in card_text(card)
    assert [a["title"] for a in card["actions"]][:3] == ["Here", "Apologies", "No interests to declare"]
    here = next(a for a in card["actions"] if a["title"] == "Here")
    assert here["type"] == "Action.Execute" and here["fallback"]["type"] == "Action.Submit"

    # The invoke answers with the meeting card pressed, refreshed, naming people as the team's roster does.
    answer = await teams.invoke("bob", here["data"])
    assert "✓ Bob is present" in answer_text(answer)
    await teams.invoke("carol", here["data"])

    # A declaration by form.
    answer = await teams.invoke("bob", {"form": "declare", "description": "My sister manages a provider bidding "
                                        "under item 2", "item": "2", "nature": "personal", "none": "false"},
                                verb="gov.form")
    assert "Recorded: Bob declared an interest (personal) on item 2" in answer["value"]

    proposed = await teams.say("alice", 'motion "Approve the joint action plan 2027-29" --item 1')
    motion_card = card_of(proposed[0])
    card_id = proposed[0].answered_id
    buttons = {a["title"]: a["data"] for a in motion_card["actions"]}

    refreshed = await teams.invoke("bob", buttons["For"], card_id=card_id)
    assert tally(refreshed["value"])["For"].startswith("1 ")
    # Everyone else sees the tally too: the posted card is replaced in place.
    put = teams.connector.sent("PUT")[-1]
    assert put.path.endswith(f"/activities/{card_id}")
    assert tally(card_of(put))["For"].startswith("1 ")
    await teams.invoke("carol", buttons["For"], card_id=card_id)
    refreshed = await teams.invoke("alice", buttons["Against"], card_id=card_id)
    assert tally(refreshed["value"])["For"].startswith("2 ") and tally(refreshed["value"])["Against"].startswith("1 ")

    closed = await teams.invoke("alice", buttons["Close vote"], card_id=card_id)
    assert "carried" in tally(closed["value"])["Outcome"]
    assert "(a majority of the votes cast, the usual practice: the ToR sets no voting rule)" in tally(closed["value"])["Outcome"]
    assert tally(card_of(teams.connector.sent("PUT")[-1]))["Outcome"] == tally(closed["value"])["Outcome"]
    ended = said(await teams.say("alice", "meeting close"))
    assert "Meeting 1 is closed." in ended and "Present: Alice, Bob, Carol" in ended  # names, not handles

    with Session(sessions.kw["bind"]) as session:
        people = {p.id: p.display_name for p in session.scalars(select(Person))}
        assert {people[i.person_id]: i.nature for i in session.scalars(select(Interest))} == {"Bob": "personal"}
        assert len(session.scalars(select(Ballot)).all()) == 3


def test_a_meeting_runs_from_teams_forms_and_card_actions(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await meeting(teams, sessions)

    asyncio.run(run())
