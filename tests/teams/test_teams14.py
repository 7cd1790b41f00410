"""A chair holding a meeting in Teams, over real HTTP with Activity JSON as the Teams clients send it.

Teams sends a message's text HTML-escaped (`R&amp;D`, `&lt;£500`, `&quot;`), from the desktop client often wrapped
in markup (`<p>…</p>`, `<br>`, `&nbsp;`), with the same text again as a text/html attachment. What the record keeps
is what the person typed."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Interest
from bot.models_polls import Poll
from tests.teams.conftest import BOT, SDK_WARNINGS, Teams, teams_world
from tests.teams.test_links import pages_on  # noqa: F401 (a fixture)

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


async def typed(teams: Teams, who: str, text: str, *, markup: str | None = None,
                text_format: str = "plain") -> None:
    """`who` writes `@govbot …` as Teams sends it: `text` already as Teams escapes it, the mention first; `markup`
    is the same message as the desktop client's text/html attachment."""
    mention = {"type": "mention", "text": "<at>govbot</at>", "mentioned": BOT}
    html_copy = markup if markup is not None else f"<div><div>{text}</div></div>"
    activity: dict[str, Any] = teams.activity(
        who, type="message", text=text, textFormat=text_format, entities=[mention],
        attachments=[{"contentType": "text/html", "content": html_copy}])
    response = await teams.post(activity)
    assert response.status in (200, 202), response.status


async def open_meeting(teams: Teams) -> None:
    await teams.say("alice", "meeting schedule 2026-12-10 10:00")
    teams.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    await teams.say("alice", "meeting open --confirm")
    for member in ("bob", "carol"):
        await teams.say(member, "here")


def test_a_motion_and_a_declaration_are_recorded_as_typed_not_as_teams_escapes_them(
        sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await open_meeting(teams)
            await typed(teams, "alice", "<at>govbot</at> motion &quot;R&amp;D budget&quot;")
            await typed(teams, "bob", "<p><at>govbot</at> declare &quot;gifts&nbsp;&lt;£500 from&nbsp;O&#39;Neill"
                                      " &amp; Co&quot;</p>", text_format="xml")
            said = " ".join(teams.connector.texts())
            assert "R&amp;D" not in said and "&lt;" not in said, said
        with sessions() as session:
            assert session.scalars(select(Poll.question)).all() == ["R&D budget"]
            assert session.scalars(select(Interest.description)).all() == ["gifts <£500 from O'Neill & Co"]

    asyncio.run(run())


def tally(card: dict[str, Any]) -> dict[str, str]:
    facts = next(b for b in card["body"] if b["type"] == "FactSet")["facts"]
    return {f["title"]: f["value"] for f in facts}


def test_two_votes_at_once_leave_the_card_showing_both(sessions: sessionmaker[Session]) -> None:
    """Teams is slow over the update of the first vote's card; the second vote, pressed meanwhile, is applied first.
    The card the channel reads was left showing one vote, the first's, over the second's."""

    async def run() -> None:
        async with teams_world(sessions) as teams:
            await open_meeting(teams)
            proposed = await teams.say("alice", 'motion "Approve the joint action plan 2027-29"')
            card_id = proposed[0].answered_id
            buttons = {a["title"]: a["data"] for a in proposed[0].body["attachments"][0]["content"]["actions"]}
            teams.connector.update_delays.append(0.6)

            async def later(who: str, seconds: float) -> dict[str, Any]:
                await asyncio.sleep(seconds)
                return await teams.invoke(who, buttons["For"], card_id=card_id)

            await asyncio.gather(later("bob", 0), later("carol", 0.2))
            updates = [c for c in teams.connector.sent("PUT") if c.path.endswith(f"/activities/{card_id}")]
            assert tally(updates[-1].body["attachments"][0]["content"])["For"].startswith("2 "), \
                [tally(u.body["attachments"][0]["content"])["For"] for u in updates]

    asyncio.run(run())


@pytest.mark.usefixtures("pages_on")
def test_an_old_clients_button_answer_for_the_presser_alone_is_not_posted_in_the_channel(
        sessions: sessionmaker[Session]) -> None:
    """A client too old for Action.Execute sends a button's Action.Submit as a message: there is no invoke response
    to answer in. An answer for the presser alone (here a personal link to the group's page, from a card that
    carries the command's text, as cards did before buttons carried JSON) was posted in the channel's thread, where
    everyone could open the link; it goes to the presser's 1:1 chat with the bot."""

    async def run() -> None:
        async with teams_world(sessions) as teams:
            submit = teams.activity("bob", type="message", value={"verb": "gov", "command": "page"})
            response = await teams.post(submit)
            assert response.status in (200, 202), response.status
            posts = teams.connector.sent()
            in_channel = [json.dumps(c.body) for c in posts if "cjcg-general" in c.path]
            personal = [json.dumps(c.body) for c in posts if "/a:1-29:bob/" in c.path]
            assert not any("gov.example.org" in body for body in in_channel), in_channel
            assert any("gov.example.org" in body for body in personal), [(c.path, c.body) for c in posts]

    asyncio.run(run())


@pytest.mark.usefixtures("pages_on")
def test_an_answer_for_the_presser_alone_that_teams_will_not_deliver_privately_is_not_said_in_the_channel(
        sessions: sessionmaker[Session]) -> None:
    """Teams refuses the 1:1 chat (the app not installed for the presser): the thread says so, without the link."""

    async def run() -> None:
        async with teams_world(sessions) as teams:
            teams.connector.failures.append((403, {}))  # the message into the 1:1 chat
            response = await teams.post(teams.activity("bob", type="message", value={"verb": "gov", "command": "page"}))
            assert response.status in (200, 202), response.status
            in_channel = [json.dumps(c.body) for c in teams.connector.sent() if "cjcg-general" in c.path]
            assert len(in_channel) == 1 and "gov.example.org" not in in_channel[0], in_channel
            assert "Teams would not let me open a 1:1 chat with you" in in_channel[0], in_channel

    asyncio.run(run())


def test_a_vote_typed_while_teams_posts_the_motions_card_shows_on_that_card(sessions: sessionmaker[Session]) -> None:
    """Teams is slow to take the new motion's card; bob, who read the motion's message in the chair's words, types
    his vote meanwhile. The vote found no card to update, and the card, once posted, showed no votes, for good."""

    async def run() -> None:
        async with teams_world(sessions) as teams:
            await open_meeting(teams)
            teams.connector.post_delays.append(0.6)

            async def later(who: str, text: str, seconds: float) -> None:
                await asyncio.sleep(seconds)
                await teams.say(who, text)

            await asyncio.gather(later("alice", 'motion "Approve the joint action plan 2027-29"', 0),
                                 later("bob", "vote 1 for", 0.3))
            card_post = next(c for c in teams.connector.sent() if "Motion 1" in json.dumps(c.body)
                             and c.body.get("attachments"))
            shown = [c for c in teams.connector.sent("PUT") if c.path.endswith(f"/activities/{card_post.answered_id}")]
            latest = (shown[-1] if shown else card_post).body["attachments"][0]["content"]
            assert tally(latest)["For"].startswith("1 "), tally(latest)

    asyncio.run(run())
