"""Teams as Microsoft's own client shows it: the pressed card answers each button, text that renders (no inline
code in a card, no escaped brackets, lines that stay lines), and meeting cards that stay true as the roll call goes on."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.services.groups import import_group
from bot.settings import Settings
from handlers.teams import TeamsNotifier
from tests.conftest import example
from tests.teams.conftest import SDK_WARNINGS, Recorded, Teams, answer_text, teams_holders, teams_world
from tests.teams.test_forms import filled_in, form_of
from tests.teams.test_meeting import card_of, card_text, said, tally

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def everything_shown(calls: list[Recorded], answers: list[dict[str, Any]]) -> str:
    """Every message, card and invoke answer the bot sent, as JSON text."""
    return "\n".join([json.dumps(call.body, ensure_ascii=False) for call in calls] +
                     [json.dumps(answer, ensure_ascii=False) for answer in answers])


def test_the_schedule_form_answers_on_the_forms_card_and_posts_the_meeting_card(
        sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            form = await form_of(teams, "Schedule a meeting…")
            before = len(teams.connector.calls)
            answer = await teams.invoke("alice", filled_in(form, date="2026-12-10", time="10:00"), verb="gov.form")
            # The forms card stays the forms card, with one line saying what was done ...
            assert [a["title"] for a in answer["value"]["actions"]] == [
                "Declare an interest…", "Schedule a meeting…", "Create a poll…"]
            assert answer_text(answer).endswith("✓ Meeting 1 scheduled.")
            # ... and the meeting is posted once, as its card: no text fallback with asterisks and brackets.
            (posted,) = teams.connector.calls[before:]
            assert posted.body.get("text") is None
            assert "Children's Joint Commissioning Group: meeting 1" in card_text(card_of(posted))

    asyncio.run(run())


def test_a_button_on_a_meeting_card_answers_with_that_meeting_card(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            scheduled = card_of((await teams.say("alice", "meeting schedule 2026-12-10 10:00"))[0])
            apologies = next(a for a in scheduled["actions"] if a["title"] == "Send apologies")
            answer = await teams.invoke("carol", apologies["data"])
            assert answer["value"]["body"][0]["text"] == "Children's Joint Commissioning Group: meeting 1"
            # the same meeting, its facts as scheduled, and now the apologies sent for it (round 16)
            assert tally(answer["value"]) == {**tally(scheduled), "Apologies": "Carol"}
            assert answer_text(answer).split("\n")[-1].startswith("✓ Apologies from Carol recorded for meeting 1")
            # A refusal shows on the same card, in the warning colour, and says what would work.
            refused = await teams.invoke("bob", {**apologies["data"], "command": "meeting cancel 1"})
            assert refused["value"]["body"][-1]["color"] == "Attention"
            assert "Only the chair or the secretariat" in refused["value"]["body"][-1]["text"]
            # Someone with no seat in this confidential group is told so, and shown nothing of the meeting.
            outsider = json.dumps(await teams.invoke("zed", apologies["data"]))
            assert "is confidential (ToR 6.7-6.9)" in outsider and "10 Dec" not in outsider

    asyncio.run(run())


def test_the_meeting_card_follows_the_roll_call_and_the_close(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            teams.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
            opened = [c for c in await teams.say("alice", "meeting open") if c.method == "POST"][0]
            assert "not quorate" in tally(card_of(opened))["Quorum"]
            await teams.say("bob", "here")
            said = await teams.say("carol", "here")
            put = next(c for c in said if c.method == "PUT")
            assert put.path.endswith(f"/activities/{opened.answered_id}")
            facts = tally(card_of(put))
            assert facts["Quorum"].startswith("quorate") and "Bob" in facts["Present"] and "Carol" in facts["Present"]
            # The quorum once: the roll's own quorum line had it shown twice on the refreshed card.
            titles = [f["title"] for b in card_of(put)["body"] if b["type"] == "FactSet" for f in b["facts"]]
            assert titles.count("Quorum") == 1, titles
            closed = await teams.say("alice", "meeting close")
            put = next(c for c in closed if c.method == "PUT" and c.path.endswith(f"/{opened.answered_id}"))
            # A closed meeting's card offers nothing more: no roll call, no declaration form.
            assert "closed" in card_text(card_of(put)) and "actions" not in card_of(put)

    asyncio.run(run())


def test_no_reply_shows_backticks_or_escaped_brackets_and_help_keeps_its_lines(
        sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            answers = []
            helped = (await teams.say("bob", "help"))[0]
            blocks = [b["text"] for b in card_of(helped)["body"]]
            assert blocks[0] == "Commands (say **help <command>** for more):"  # one line per TextBlock
            assert len(blocks) > 20 and all("\n" not in b for b in blocks)
            scheduled = card_of((await teams.say("alice", "meeting schedule 2026-12-10 10:00"))[0])
            apologies = next(a for a in scheduled["actions"] if a["title"] == "Send apologies")
            answers.append(await teams.invoke("bob", apologies["data"]))  # its notice names `deputy @person`
            teams.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
            await teams.say("alice", "meeting open")
            await teams.say("yan", "here")
            await teams.say("carol", "vote 1 for")
            shown = everything_shown(teams.connector.calls, answers)
            assert "deputy @person" in shown
            assert "&lt;" not in shown and "&gt;" not in shown
            # a card's TextBlock has no inline code: a command there is bold; a message's own text shows code
            in_cards = everything_shown([], answers + [a["content"] for c in teams.connector.calls
                                                        for a in c.body.get("attachments") or []])
            assert "`" not in in_cards
            coded = [c.body for c in teams.connector.calls if "`" in (c.body.get("text") or "")]
            assert coded and all(body.get("textFormat") == "markdown" for body in coded)

    asyncio.run(run())


def test_installs_and_reinstalls_are_quiet_and_the_log_has_no_per_turn_noise(
        sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture) -> None:
    async def run() -> None:
        async with teams_world(sessions, bind=False) as teams:
            await teams.install()
            assert "binds this channel" in teams.connector.texts()[-1]  # a new channel: how to begin
            await teams.say("alice", "group bind cjcg")
            before = len(teams.connector.calls)
            await teams.install()  # removed and added again: the channel is already the group's
            update = teams.activity("alice", type="installationUpdate", action="add")
            assert (await teams.post(update)).status in (200, 202)
            assert teams.connector.calls[before:] == []
            await teams.say("bob", "help quorum")
            async with teams.http.get(teams.endpoint) as checked:  # the Playground's connection check
                assert checked.status == 200 and "Teams endpoint" in await checked.text()

    with caplog.at_level(logging.INFO):
        asyncio.run(run())
        TeamsNotifier(Settings(_env_file=None, teams_anonymous=True))  # `govbot run` builds one beside the endpoint
    logged = [r.getMessage() for r in caplog.records]
    assert not [m for m in logged if "No route found" in m or "App ID is not provided" in m]
    assert len([m for m in logged if "TEAMS_ANONYMOUS=true" in m]) == 1


def test_in_a_one_to_one_chat_commands_are_about_the_persons_own_groups(sessions: sessionmaker[Session]) -> None:
    async def in_chat(teams: Teams, who: str, text: str) -> str:
        chat = teams.activity(who, type="message", text=text)
        chat["conversation"] = {"id": f"a:1-{who}-personal", "conversationType": "personal", "tenantId": "t"}
        del chat["channelData"]["channel"]
        before = len(teams.connector.calls)
        assert (await teams.post(chat)).status in (200, 202)
        return said(teams.connector.calls[before:])

    async def run() -> None:
        async with teams_world(sessions) as teams:
            with unit_of_work(sessions) as session:  # bob also sits on the PLPCP steering group; harry does not
                import_group(session, teams_holders(example("plpcp").read_text(encoding="utf-8")), teams.clock.now)
            listed = await in_chat(teams, "bob", "members")
            assert "Members of Children's Joint Commissioning Group" in listed
            assert "Members of Pan-London Placements Commissioning Programme Steering Group" in listed
            assert "not bound" not in await in_chat(teams, "bob", "meetings")
            asked = await in_chat(teams, "bob", "apologies")
            assert "Which group? You sit on cjcg, plpcp. Say it again with **--group <short-name>**" in asked
            chosen = await in_chat(teams, "bob", "members --group plpcp")
            assert "Pan-London" in chosen and "Children's" not in chosen
            # Only the person's own groups: no one reads another group's business from a private chat.
            refused = await in_chat(teams, "harry", "members --group plpcp")
            assert "You hold no seat in Pan-London Placements Commissioning Programme Steering Group" in refused
            # A confidential group (CJCG 6.7-6.9) is not even named to one who holds no seat in it.
            refused = await in_chat(teams, "zoe", "members --group cjcg")
            assert "There is no group 'cjcg'. Groups loaded: plpcp." in refused and "Children's" not in refused
            # One group: no need to ask.
            assert "Members of Children's Joint Commissioning Group" in await in_chat(teams, "harry", "members")
            # In a group's own channel, --group cannot reach another group.
            assert "`--group` chooses a group only in a direct chat" in said(
                await teams.say("bob", "members --group plpcp"))

    asyncio.run(run())
