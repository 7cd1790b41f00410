"""Reminders reach people where the group lives: through the Slack and Teams notifiers `govbot run` wires."""

from __future__ import annotations

import asyncio
import datetime as dt
import secrets

import pytest
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import respond
from bot.db import unit_of_work
from bot.models import ChannelBinding, OutboxMessage
from bot.services.context import Place, Speaker
from bot.services.groups import bind_channel, import_group
from bot.services.workspaces import disable_workspace
from bot.settings import Settings
from govbot.wiring import notifiers
from scheduler.runner import tick
from tests.conftest import START
from tests.slack.conftest import shown, slack_terms
from tests.slack.fake_slack import FakeSlack, fake_slack
from tests.teams.conftest import CHANNEL, SDK_WARNINGS, teams_world

WEEK_BEFORE = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)  # 09:00 GMT, seven days before the meeting
DAY_BEFORE = dt.datetime(2026, 12, 9, 9, 0, tzinfo=dt.UTC)
SLACK_CHANNEL = "CCJCG0001"


def test_slack_gets_the_channel_reminder_and_each_member_a_direct_message_once(
        sessions: sessionmaker[Session]) -> None:
    with fake_slack() as fake:
        slack_settings = Settings(_env_file=None, slack_bot_token=SecretStr("xoxb-" + secrets.token_hex(12)),
                                  slack_signing_secret=SecretStr(secrets.token_hex(16)), slack_api_url=fake.url)
        remind_on_slack(sessions, fake, slack_settings)


def remind_on_slack(sessions: sessionmaker[Session], fake: FakeSlack, slack_settings: Settings) -> None:
    with unit_of_work(sessions) as session:
        group = import_group(session, slack_terms("cjcg"), START)
        bind_channel(session, group, Place("slack", SLACK_CHANNEL), START, actor_id=None)
    scheduled = respond(sessions, Speaker("slack", "UALICE", "alice"), Place("slack", SLACK_CHANNEL),
                        "meeting schedule 2026-12-10 10:00", START)
    assert not scheduled.error, scheduled.text
    wired = notifiers(slack_settings, sessions.kw["bind"])

    tick(sessions, wired, WEEK_BEFORE)
    [week] = fake.of("chat.postMessage")
    assert week.params["channel"] == SLACK_CHANNEL
    assert "is in 7 days: Thu 10 Dec 2026, 10:00 GMT" in shown(week) and "(ToR 6.4)" in shown(week)

    tick(sessions, wired, DAY_BEFORE)
    opened = {c.params["users"] for c in fake.of("conversations.open")}
    assert {"UBOB", "UCAROL"} <= opened  # apologies prompts go to members, one by one
    direct = [c for c in fake.of("chat.postMessage") if c.params["channel"].startswith("D")]
    assert len(direct) == len(opened)
    posts = len(fake.of("chat.postMessage"))

    tick(sessions, wired, DAY_BEFORE + dt.timedelta(minutes=1))  # the next pass sends nothing again
    assert len(fake.of("chat.postMessage")) == posts


def test_a_channel_whose_workspace_uninstalled_govbot_gets_its_reminder_set_aside_saying_why(
        sessions: sessionmaker[Session]) -> None:
    with unit_of_work(sessions) as session:
        group = import_group(session, slack_terms("cjcg"), START)
        bind_channel(session, group, Place("slack", SLACK_CHANNEL), START, actor_id=None)
        session.scalars(select(ChannelBinding)).one().conversation = {"team_id": "T0GONE"}
    scheduled = respond(sessions, Speaker("slack", "UALICE", "alice"), Place("slack", SLACK_CHANNEL),
                        "meeting schedule 2026-12-10 10:00", START)
    assert not scheduled.error, scheduled.text
    with unit_of_work(sessions) as session:
        assert disable_workspace(session, "slack", "T0GONE", "govbot was uninstalled from T0GONE", START) == 1
    with fake_slack() as fake:
        wired = notifiers(Settings(_env_file=None, slack_bot_token=SecretStr("xoxb-" + secrets.token_hex(12)),
                                   slack_signing_secret=SecretStr(secrets.token_hex(16)), slack_api_url=fake.url),
                          sessions.kw["bind"])
        tick(sessions, wired, WEEK_BEFORE)
        assert fake.of("chat.postMessage") == []
    with sessions() as session:
        [week] = session.scalars(select(OutboxMessage).where(OutboxMessage.channel_binding_id.is_not(None))).all()
    assert (week.status, week.last_error) == ("expired", "govbot was uninstalled from T0GONE")


@pytest.mark.filterwarnings(SDK_WARNINGS)
def test_teams_gets_the_reminder_in_the_channel_the_bot_was_added_to(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.install()
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            wired = notifiers(Settings(_env_file=None, teams_anonymous=True), sessions.kw["bind"])
            before = len(teams.connector.sent())

            await asyncio.to_thread(tick, sessions, wired, WEEK_BEFORE)
            posted = teams.connector.sent()[before:]
            assert [p.path for p in posted] == [f"/v3/conversations/{CHANNEL}/activities"]
            assert any("is in 7 days: Thu 10 Dec 2026, 10:00 GMT" in text for text in teams.connector.texts())

            await asyncio.to_thread(tick, sessions, wired, WEEK_BEFORE + dt.timedelta(minutes=1))
            assert len(teams.connector.sent()) == before + 1

    asyncio.run(run())
