"""The forms in a Teams channel: offered by `forms` and on meeting cards, submitted as real Activity JSON."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Interest, Poll
from bot.services.interests import NATURES
from tests.teams.conftest import SDK_WARNINGS, Teams, answer_text, teams_world
from tests.teams.test_meeting import card_of, card_text

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


async def form_of(teams: Teams, title: str) -> dict[str, Any]:
    """The form behind `title` on the card `forms` shows."""
    card = card_of((await teams.say("alice", "forms"))[0])
    form: dict[str, Any] = next(a for a in card["actions"] if a["title"] == title)["card"]
    return form


def filled_in(form: dict[str, Any], **typed: object) -> dict[str, Any]:
    """What Teams sends when the form is submitted: the submit's data and every input's value (toggles off and
    empty inputs as Teams reports them, unless `typed` gives a value)."""
    inputs = {i["id"]: i.get("valueOff", "") if i["type"] == "Input.Toggle" else "" for i in form["body"]}
    unknown = set(typed) - set(inputs)
    assert not unknown, f"the form has no inputs {unknown}"
    return {**form["actions"][0]["data"], **inputs, **typed}


def test_the_forms_card_offers_all_three_forms(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            card = card_of((await teams.say("alice", "forms"))[0])
            assert [a["title"] for a in card["actions"]] == ["Declare an interest…", "Schedule a meeting…",
                                                             "Create a poll…"]
            declare, schedule, poll = (a["card"]["body"] for a in card["actions"])
            assert [i["type"] for i in schedule] == ["Input.Date", "Input.Time", "Input.Text"]
            # Teams checks a required input before sending; it says what the bot would say.
            assert schedule[0]["isRequired"] and schedule[0]["errorMessage"] == ("Please fill in “Date”: pick a "
                                                                                 "day, e.g. 2026-12-03.")
            assert [i["type"] for i in poll] == ["Input.Text", "Input.Text", "Input.Toggle", "Input.Toggle",
                                                 "Input.Date", "Input.Time"]
            toggles = {i["id"]: i["title"] for i in declare if i["type"] == "Input.Toggle"}
            assert toggles == {"none": "I have no interests to declare"}
            # Each group of toggles is headed by its field's label, drawn above it and read out with it.
            assert [(i["id"], i.get("label")) for i in declare if i["type"] == "Input.Toggle"] == [
                ("none", "No interests (optional)")]
            assert [(i["id"], i.get("label")) for i in poll if i["type"] == "Input.Toggle"] == [
                ("secret", "Ballot (optional)"), ("multi", None)]
            # The label is an input property from schema 1.3 on; the cards must say a version that has it.
            assert all(tuple(map(int, a["card"]["version"].split("."))) >= (1, 3) for a in card["actions"])
            nature = next(i for i in declare if i["id"] == "nature")
            assert tuple(c["value"] for c in nature["choices"]) == NATURES

    asyncio.run(run())


def test_a_poll_from_the_form_is_posted_as_its_card(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            form = await form_of(teams, "Create a poll…")
            before = len(teams.connector.calls)
            answer = await teams.invoke("alice", filled_in(
                form, question="Which provider should we shortlist?", choices="Provider A\n\nProvider B\n Provider C ",
                secret="true", closes_on="2026-12-04", closes_at="12:00"), verb="gov.form")
            # The forms card that was pressed stays the forms card, saying what happened; the poll is posted on
            # its own card (a second copy of it here would never count the votes).
            assert [a["title"] for a in answer["value"]["actions"]] == [
                "Declare an interest…", "Schedule a meeting…", "Create a poll…"]
            assert answer_text(answer).endswith("✓ Poll 1 is open.")
            (posted,) = teams.connector.calls[before:]
            card = card_of(posted)
            assert "Secret poll 1: Which provider should we shortlist?" in card_text(card)
            assert "Fri 4 Dec 2026, 12:00 GMT" in card_text(card)
            assert [a["title"] for a in card["actions"]] == ["Provider A", "Provider B", "Provider C", "Close vote"]
            with sessions() as session:
                poll = session.scalars(select(Poll)).one()
                assert poll.secret and not poll.multi

    asyncio.run(run())


def test_no_interests_toggled_on_a_meeting_card_is_recorded(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            meeting = card_of((await teams.say("alice", "meeting schedule 2026-12-10 10:00"))[0])
            form = next(a for a in meeting["actions"] if a["title"] == "Declare an interest…")["card"]
            answer = await teams.invoke("bob", filled_in(form, none="true"), verb="gov.form")
            assert "Recorded: Bob has no interests to declare for meeting 1" in answer_text(answer)
            with sessions() as session:
                assert session.scalars(select(Interest)).one().no_interests

    asyncio.run(run())


def test_an_incomplete_form_is_answered_with_what_to_fill_in(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            answer = await teams.invoke("bob", {"form": "declare", "description": "", "none": "false"},
                                        verb="gov.form")
            assert "Please describe the interest, or tick “I have no interests to declare”" in answer["value"]
            answer = await teams.invoke("alice", {"form": "meeting schedule", "date": "2026-12-11"},
                                        verb="gov.form")
            assert "Please fill in “Start time”: pick a time, e.g. 10:00." in answer["value"]
            answer = await teams.invoke("bob", {"form": "declare", "description": "x", "item": "two"},
                                        verb="gov.form")
            assert "“Agenda item number” should be a whole number, e.g. 2, not 'two'." in answer["value"]
            answer = await teams.invoke("bob", {"form": "no such form"}, verb="gov.form")
            # A message answer to a button is plain text in Teams: the command in quotation marks, not Markdown.
            assert "That form is out of date; say “forms” for a fresh one." in answer["value"]

    asyncio.run(run())


def test_a_meeting_number_is_taken_as_teams_sends_it_text_or_json_number(sessions: sessionmaker[Session]) -> None:
    """Some Teams clients send an Input.Number as a JSON number, 2 or 2.0, where others send the text "2"."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            await teams.say("alice", "meeting schedule 2027-01-14 10:00")
            form = card_of((await teams.say("alice", "forms"))[0])["actions"][0]["card"]
            for said, sent in enumerate((2, "2", 2.0, "2.0")):
                answer = await teams.invoke("bob", filled_in(form, none="true", meeting=sent),
                                            verb="gov.form")
                # the same declaration again is recorded once (tests/test_seeds_plpcp_lciib_cscpwg.py)
                assert ("Recorded: Bob has no interests to declare for meeting 2" if said == 0 else
                        "Already recorded: Bob has no interests to declare for meeting 2") in answer_text(answer), sent
            for sent, shown in ((2.5, "2.5"), ("2.5", "2.5"), ("two", "two")):
                answer = await teams.invoke("bob", filled_in(form, none="true", meeting=sent),
                                            verb="gov.form")
                assert answer_text(answer).endswith(f"⚠ “Meeting number” should be a whole number, e.g. 2, not '{shown}'."), sent
            with sessions() as session:
                assert len(session.scalars(select(Interest)).all()) == 1

    asyncio.run(run())


def test_a_form_with_control_characters_is_refused_and_records_nothing(sessions: sessionmaker[Session]) -> None:
    """As on Slack (tests/slack/test_forms.py): a control character kept from a form made the meeting's Word and
    PDF minutes fail for good."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            form = card_of((await teams.say("alice", "forms"))[0])["actions"][0]["card"]
            answer = await teams.invoke("bob", filled_in(form, description="Bell\x07 ringing"), verb="gov.form")
            assert "“The interest” has control characters in it; type it again as plain text." in answer_text(answer)
            with sessions() as session:
                assert session.scalars(select(Interest)).all() == []

    asyncio.run(run())
