"""The calendar feed: ICS that parses, with meetings at the right local time, stable UIDs, and a token-guarded URL."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer
from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import Group
from bot.records.calendar_feed import feed, feed_token
from bot.settings import Settings
from handlers import calendar_feed
from tests.conftest import Chat

LONDON = ZoneInfo("Europe/London")


def events(sessions: sessionmaker[Session], now: dt.datetime) -> dict[str, Any]:
    with unit_of_work(sessions) as session:
        ics = feed(session, session.scalars(select(Group)).one(), now)
    calendar = Calendar.from_ical(ics)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_meetings_in_gmt_and_bst_are_at_ten_oclock_london_time_with_stable_uids(
        chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.load("cjcg")
    chat.ok("alice", 'meeting schedule 2026-12-10 10:00 --where "Civic Centre"')
    chat.ok("alice", "meeting schedule 2027-06-10 10:00")
    chat.ok("alice", "meeting schedule 2027-08-12 10:00")
    chat.ok("alice", "meeting cancel 3")
    first = events(sessions, chat.now)
    winter, summer = first["meeting-1@cjcg.govbot"], first["meeting-2@cjcg.govbot"]
    for event, offset in ((winter, dt.timedelta(0)), (summer, dt.timedelta(hours=1))):
        start = event["DTSTART"].dt
        assert (start.hour, start.minute, start.utcoffset()) == (10, 0, offset)
        assert start.tzinfo.key == "Europe/London"
        assert event["DTEND"].dt - start == dt.timedelta(minutes=60)
    assert summer["DTSTART"].dt.astimezone(dt.UTC).hour == 9
    assert str(winter["LOCATION"]) == "Civic Centre"
    assert str(first["meeting-3@cjcg.govbot"]["STATUS"]) == "CANCELLED"
    assert str(winter["SUMMARY"]) == "Children's Joint Commissioning Group: meeting 1"
    chair_end = first["chair-term-end-1@cjcg.govbot"]
    assert chair_end["DTSTART"].dt == dt.date(2027, 1, 14)
    review = first["review-next@cjcg.govbot"]
    assert review["DTSTART"].dt == dt.date(2026, 7, 15)
    assert "(ToR 8.1)" in str(review["SUMMARY"])

    chat.ok("alice", 'agenda add "Joint action plan" --meeting 1')
    chat.ok("sam", "review done")
    later = events(sessions, chat.now + dt.timedelta(days=1))
    assert set(later) == set(first)  # an update keeps every UID, so subscribers see changes, not duplicates
    assert "1. Joint action plan" in str(later["meeting-1@cjcg.govbot"]["DESCRIPTION"])
    assert later["review-next@cjcg.govbot"]["DTSTART"].dt == dt.date(2027, 12, 1)


async def fetch(server: TestServer, path: str) -> tuple[int, str, str]:
    async with aiohttp.ClientSession() as client, client.get(server.make_url(path)) as response:
        return response.status, response.content_type, await response.text()


def test_the_feed_url_needs_the_groups_token_and_does_not_reveal_which_groups_exist(
        chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2027-06-10 10:00")
    with unit_of_work(sessions) as session:
        token = feed_token(session, session.scalars(select(Group)).one(), chat.now)
    assert len(token) >= 40

    async def scenario() -> list[tuple[int, str, str]]:
        app = web.Application()
        calendar_feed.mount(app, Settings(), sessions, lambda: chat.now)
        async with TestServer(app) as server:
            return [await fetch(server, f"/calendar/cjcg.ics?token={token}"),
                    await fetch(server, f"/calendar/cjcg.ics?token={token[:-1]}x"),
                    await fetch(server, "/calendar/cjcg.ics"),
                    await fetch(server, f"/calendar/board.ics?token={token}")]

    good, wrong, missing, unknown = asyncio.run(scenario())
    assert good[:2] == (200, "text/calendar")
    meeting = next(e for e in Calendar.from_ical(good[2]).walk("VEVENT") if e["UID"] == "meeting-1@cjcg.govbot")
    assert meeting["DTSTART"].dt == dt.datetime(2027, 6, 10, 10, 0, tzinfo=LONDON)
    assert wrong == missing == unknown and wrong[0] == 404
    assert "cjcg" not in wrong[2] and "Commissioning" not in wrong[2]


def test_a_rotated_token_retires_the_old_url(chat: Chat, sessions: sessionmaker[Session]) -> None:
    from bot.records.calendar_feed import feed_for_token

    chat.load("cjcg")
    with unit_of_work(sessions) as session:
        group = session.scalars(select(Group)).one()
        old = feed_token(session, group, chat.now)
        assert feed_token(session, group, chat.now) == old
        new = feed_token(session, group, chat.now, rotate=True)
        assert new != old
        assert feed_for_token(session, "cjcg", old, chat.now) is None
        assert feed_for_token(session, "cjcg", new, chat.now) is not None
