"""Hints show example dates that still work on the day they are given: a week ahead, in the group's time zone."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.services.context import Place
from bot.services.groups import bind_channel, import_group
from tests.conftest import Chat, example

# Winter 2026 (the fixture's start), and a spring day years later: a fixed example date would by then be past.
DAYS = [(dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC), "2026-12-08", "8 Dec 2026", "2026-01-01"),
        (dt.datetime(2029, 4, 17, 9, 0, tzinfo=dt.UTC), "2029-04-24", "24 Apr 2029", "2029-01-01")]


@pytest.mark.parametrize(("now", "next_week", "shown", "year_start"), DAYS)
def test_help_examples_show_dates_valid_that_day(chat: Chat, now: dt.datetime, next_week: str, shown: str,
                                                 year_start: str) -> None:
    chat.load("cjcg")
    chat.now = now
    if now.year > 2026:  # alice's twelve-month term as chair (ToR 6.2) ended on 15 Jan 2027: sam names her again
        chat.ok("sam", 'chair @alice --agreed "meeting 4, minute 7"')
    assert f'e.g. `meeting schedule {next_week} 10:00 --where "Teams"`' in chat.ok("bob", "help meeting schedule").text
    assert f"--due {next_week}`" in chat.ok("bob", "help action").text
    assert f"e.g. `interests --person @bob --since {year_start}`" in chat.ok("bob", "help interests").text
    assert chat.ok("alice", f'meeting schedule {next_week} 10:00 --where "Teams"').text == "Meeting 1 scheduled."


@pytest.mark.parametrize(("now", "next_week", "shown", "year_start"), DAYS)
def test_refusals_show_dates_valid_that_day(chat: Chat, now: dt.datetime, next_week: str, shown: str,
                                            year_start: str) -> None:
    chat.load("cjcg")
    chat.now = now
    if now.year > 2026:  # alice's twelve-month term as chair (ToR 6.2) ended on 15 Jan 2027: sam names her again
        chat.ok("sam", 'chair @alice --agreed "meeting 4, minute 7"')
    assert chat.ok("bob", "meetings").text == \
        f"No meetings yet. The chair or the secretariat can schedule one (ToR 6.3): `meeting schedule {next_week} 10:00`."
    assert chat.refused("alice", "meeting open").text == \
        f"No meeting is open or scheduled. The chair or the secretariat can schedule one (ToR 6.3): `meeting schedule {next_week} 10:00`."
    assert chat.refused("alice", 'action ""').text == \
        f'Say what is to be done: action "Circulate the revised plan" --owner @bob --due {next_week}.'
    assert chat.refused("alice", "meeting schedule someday 10:00").text == \
        f"'someday' is not a date I know; write it as {next_week} or {shown}."


def test_help_counts_the_week_from_the_groups_own_today(chat: Chat, sessions: sessionmaker[Session]) -> None:
    """At 23:30 UTC on 1 Dec it is already 2 Dec in Auckland: a group there is shown 9 Dec."""
    text = example("cjcg").read_text(encoding="utf-8").replace("timezone: Europe/London", "timezone: Pacific/Auckland")
    with unit_of_work(sessions) as session:
        group = import_group(session, text, chat.now)
        bind_channel(session, group, Place("console", "auckland"), chat.now, actor_id=None)
    chat.now = dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.UTC)
    assert "e.g. `meeting schedule 2026-12-09 10:00" in chat.say("bob", "help meeting schedule", "auckland").text
    assert "e.g. `meeting schedule 2026-12-08 10:00" in chat.say("bob", "help meeting schedule", "nowhere").text
