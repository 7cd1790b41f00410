"""Teams writes each @mention picked from its menu as `<at>display name</at>`, with one mention entity per mention,
in the order they stand in the text. Two people who share a display name (two Yans) are written alike, and govbot
put the first one's account in place of both: `deputy @Yan --for @Yan` was refused, or named one Yan her own deputy. Each
entity now stands for one mention, in order. Over real HTTP, with Activity JSON."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import DeputyNomination, Identity
from tests.teams.conftest import BOT, CHANNEL, SDK_WARNINGS, Recorded, Teams, teams_world
from tests.teams.test_meeting import said

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def mention(account: str, name: str) -> dict[str, object]:
    return {"type": "mention", "text": f"<at>{name}</at>",
            "mentioned": {"id": f"29:{account}", "name": name, "aadObjectId": f"aad-{account}"}}


async def say_with(teams: Teams, who: str, text: str, *mentioned: tuple[str, str]) -> str:
    """`who` writes `@govbot <text>`, each <at>…</at> in it picked from Teams' menu: (account, display name)."""
    entities = [{"type": "mention", "text": "<at>govbot</at>", "mentioned": BOT},
                *(mention(account, name) for account, name in mentioned)]
    before = len(teams.connector.calls)
    response = await teams.post(teams.activity(who, type="message", text=f"<at>govbot</at> {text}",
                                               textFormat="plain", entities=entities))
    assert response.status in (200, 202), response.status
    return said(teams.connector.calls[before:])


def nominated(sessions: sessionmaker[Session]) -> list[tuple[str, str]]:
    """(deputy, member) by their Teams accounts, for each deputy named."""
    with sessions() as session:
        return [(account(session, n.deputy_id), account(session, n.member_id))
                for n in session.scalars(select(DeputyNomination))]


def account(session: Session, person_id: int) -> str:
    return str(session.scalar(select(Identity.external_id).where(Identity.person_id == person_id)))


def test_two_people_of_one_display_name_are_each_their_own_mention(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            # yan (whom the ToR lists as a deputy) and carol's account both show as "Yan" in the tenant
            answer = await say_with(teams, "alice", "deputy <at>Yan</at> --for <at>Yan</at> --meeting next",
                                    ("yan", "Yan"), ("carol", "Yan"))
            assert "⚠" not in answer, answer
            assert nominated(sessions) == [("aad-yan", "aad-carol")], answer

    asyncio.run(run())


def test_a_name_mentioned_a_word_at_a_time_is_one_person(sessions: sessionmaker[Session]) -> None:
    """Teams may write a two-word name picked from its menu as one mention per word, each naming the account:
    `<at>Carol</at> <at>Jones</at>`. The chair's `deputy @yan --for @Carol Jones` read as two people."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            answer = await say_with(teams, "alice", "deputy <at>Yan</at> --for <at>Carol</at> <at>Jones</at> "
                                    "--meeting next", ("yan", "Yan"), ("carol", "Carol"), ("carol", "Jones"))
            assert "⚠" not in answer and "Carol Jones" in answer, answer
            assert nominated(sessions) == [("aad-yan", "aad-carol")], answer

    asyncio.run(run())


def test_an_edited_command_is_answered_not_ignored(sessions: sessionmaker[Session]) -> None:
    """A chair who mistyped a command edits the message, as people do in Teams: Teams sends the edit as a
    messageUpdate, and govbot said nothing, so the chair took the edit to have been read. The record keeps the
    command as first sent; govbot now says so, and how to change it."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            sent = teams.activity("alice", type="message", text="<at>govbot</at> agenda add \"Joint plan\"",
                                  textFormat="plain", entities=[{"type": "mention", "text": "<at>govbot</at>",
                                                                 "mentioned": BOT}])
            assert (await teams.post(sent)).status in (200, 202)
            before = len(teams.connector.calls)
            edited = {**sent, "type": "messageUpdate", "text": "<at>govbot</at> agenda add \"Joint action plan\"",
                      "channelData": {**sent["channelData"], "eventType": "editMessage"}}
            assert (await teams.post(edited)).status in (200, 202)
            answer = said(teams.connector.calls[before:])
            assert "edit" in answer and "send" in answer.casefold(), answer
            agenda = said(await teams.say("alice", "agenda"))
            assert "Joint plan" in agenda and "Joint action plan" not in agenda, agenda

    asyncio.run(run())


async def say_in_thread(teams: Teams, who: str, text: str, thread: str) -> list[Recorded]:
    """`who` replies `@govbot <text>` in the thread of the channel post `thread`."""
    activity = teams.activity(who, type="message", text=f"<at>govbot</at> {text}", textFormat="plain",
                              entities=[{"type": "mention", "text": "<at>govbot</at>", "mentioned": BOT}])
    activity["conversation"]["id"] = f"{CHANNEL};messageid={thread}"
    before = len(teams.connector.calls)
    assert (await teams.post(activity)).status in (200, 202)
    return teams.connector.calls[before:]


def test_closing_a_meeting_in_its_thread_shows_the_summary_once(sessions: sessionmaker[Session]) -> None:
    """The meeting's people answer the roll call in the thread of the card `meeting open` posted, and the chair
    closes the meeting there too. The card above turned into the closing summary and the same summary was posted
    again under it: two copies, one after the other. The card now shows it, and the thread hears one line."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            teams.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
            opening = teams.activity("alice", type="message", text="<at>govbot</at> meeting open --confirm",
                                     textFormat="plain", entities=[{"type": "mention", "text": "<at>govbot</at>",
                                                                    "mentioned": BOT}])
            assert (await teams.post(opening)).status in (200, 202)
            thread = opening["id"]
            for person in ("bob", "carol", "dan"):
                await say_in_thread(teams, person, "here", thread)
            calls = await say_in_thread(teams, "alice", "meeting close", thread)
            summaries = [c for c in calls if "Meeting 1 is closed" in said([c]) and c.body.get("attachments")]
            assert len(summaries) == 1, [(c.method, said([c])) for c in calls]
            assert "Meeting 1 is closed" in said(calls), said(calls)

    asyncio.run(run())
