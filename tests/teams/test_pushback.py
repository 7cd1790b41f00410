"""Nothing is lost when Teams pushes back (429, 412, 502, 504): the record is changed, the person is told the post
will follow, and the delivery job posts it later from the outbox, once."""

from __future__ import annotations

import asyncio
import datetime as dt
import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Meeting, OutboxMessage
from bot.settings import Settings
from handlers.teams.notifier import TeamsNotifier
from scheduler.delivery import deliver
from tests.conftest import START
from tests.teams.conftest import CHANNEL, SDK_WARNINGS, teams_world
from tests.teams.test_meeting import card_of

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


async def no_wait(seconds: float) -> None:
    """The notifier's sleep, not taken: no test waits on the wall clock."""


@pytest.mark.parametrize("status", [429, 412, 502, 504])
def test_a_post_teams_will_not_take_follows_from_the_outbox_once(sessions: sessionmaker[Session],
                                                                  status: int) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.install()
            teams.connector.failures = [(status, {"Retry-After": "0"})]
            said = await teams.say("alice", 'meeting schedule 2026-12-10 10:00 --where "Civic Centre"')
            texts = [json.dumps(call.body, ensure_ascii=False) for call in said if call.method == "POST"]  # text or card
            assert any("Recorded. Teams is busy, so the post in this channel will follow" in t for t in texts)
            assert any("<at>Alice</at>" in t for t in texts if "Recorded" in t)  # said to her
            with sessions() as session:
                assert session.scalar(select(func.count()).select_from(Meeting)) == 1
            before = len(teams.connector.sent())
            notifiers = {"teams": TeamsNotifier(Settings(_env_file=None, teams_anonymous=True), sleep=no_wait)}
            for minutes in (1, 6):  # the delivery job's next two runs
                await asyncio.to_thread(deliver, sessions, notifiers, START + dt.timedelta(minutes=minutes))
            posts = teams.connector.sent()[before:]
            assert len(posts) == 1 and posts[0].path == f"/v3/conversations/{CHANNEL}/activities"
            assert "Meeting 1 scheduled" in str(posts[0].body) and "Civic Centre" in str(posts[0].body)
            with sessions() as session:
                assert session.scalar(select(OutboxMessage.status)
                                      .where(OutboxMessage.kind == "channel-post")) == "sent"

    asyncio.run(run())


def test_a_poll_posted_later_from_the_outbox_keeps_its_card_and_buttons(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.install()
            [at_once] = await teams.say("alice", 'poll "Where shall we meet?" "Barnet" "Camden" '
                                                 '--closes "2026-12-31 17:00"')
            teams.connector.failures = [(429, {"Retry-After": "0"})]
            await teams.say("alice", 'poll "Where shall we dine?" "Barnet" "Camden" --closes "2026-12-31 17:00"')
            before = len(teams.connector.sent())
            notifiers = {"teams": TeamsNotifier(Settings(_env_file=None, teams_anonymous=True), sleep=no_wait)}
            await asyncio.to_thread(deliver, sessions, notifiers, START + dt.timedelta(minutes=1))
            [post] = teams.connector.sent()[before:]
            # The same card as a poll posted at once: an Action.Execute per option, each casting that vote on poll 2.
            shown, first = card_of(post), card_of(at_once)
            assert [a["title"] for a in shown["actions"]] == [a["title"] for a in first["actions"]]
            barnet = next(a for a in shown["actions"] if a["title"] == "Barnet")
            assert barnet["type"] == "Action.Execute" and '"poll":2' in barnet["data"]["command"]
            assert "Where shall we dine?" in json.dumps(shown)
            await teams.say("bob", "vote 2 1")  # typed: the card posted later is the one the tally is kept on
            [update] = [c for c in teams.connector.sent("PUT") if c.path.endswith(f"/activities/{post.answered_id}")]
            assert '"Voted"' in json.dumps(update.body) or "Voted" in json.dumps(update.body)

    asyncio.run(run())
