"""Behaviour the five seed ToRs ask for, clause by clause, where the bot once differed from the document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pydantic import ValidationError
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.services.context import Place
from bot.services.groups import bind_channel, import_group
from bot.settings import Settings, get_settings
from bot.terms import terms_of
from tests.conftest import Chat

CHAIRED = """
name: Chaired Board
short_name: cb
adopted_on: 2026-01-01
seats:
  - {title: Chair, role: chair, term_months: 12, holder: alice, clause: "3.1"}
  - {title: North, holder: bob}
  - {title: South, holder: carol}
  - {title: East, holder: dan}
  - {title: Secretary, role: secretariat, voting: false, holder: sam}
quorum: {min_present: 2, chair_required: true, clause: "4.2"}
"""


def seated(chat: Chat, sessions: sessionmaker[Session], text: str, on: dt.datetime) -> None:
    with unit_of_work(sessions) as session:
        group = import_group(session, text, on)
        bind_channel(session, group, Place("console", "room"), on, actor_id=None)


def test_a_chair_whose_term_has_ended_is_not_the_chair_the_quorum_requires(chat: Chat,
                                                                           sessions: sessionmaker[Session]) -> None:
    seated(chat, sessions, CHAIRED, dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC))
    # A late meeting on alice's last day in the chair runs past midnight, when her twelve months are over.
    chat.now = dt.datetime(2027, 1, 1, 22, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting schedule 2027-01-01 22:30")
    chat.ok("alice", "meeting open")
    for who in ("carol", "dan"):
        chat.ok(who, "here")
    assert chat.ok("bob", "quorum").text.startswith("Meeting 1 is quorate: 3 members present")
    chat.now = dt.datetime(2027, 1, 2, 0, 5, tzinfo=dt.UTC)
    quorum = chat.ok("bob", "quorum").text
    assert quorum == "Meeting 1 is not quorate: 2 members present, 2 needed; the chair must be present and is not " \
        "(ToR 4.2)."


ZONELESS = """
name: Zoneless Board
short_name: zb
seats:
  - {title: Chair, role: chair, holder: alice}
  - {title: North, holder: bob}
"""


@pytest.fixture
def default_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The operator's DEFAULT_TIMEZONE, read afresh (settings and parsed ToRs are cached per process)."""
    monkeypatch.setenv("DEFAULT_TIMEZONE", "America/New_York")
    get_settings.cache_clear()
    terms_of.cache_clear()
    yield "America/New_York"
    get_settings.cache_clear()
    terms_of.cache_clear()


def test_a_tor_that_names_no_time_zone_takes_the_operators_default(chat: Chat, sessions: sessionmaker[Session],
                                                                   default_zone: str) -> None:
    seated(chat, sessions, ZONELESS, chat.now)
    scheduled = chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    assert dict(scheduled.fields)["When"] == "Thu 10 Dec 2026, 10:00 EST"
    assert dict(chat.ok("bob", "terms").fields)["Time zone"] == "every date and time is in America/New_York"
    # A ToR that names its zone keeps it whatever the default.
    chat.load("cjcg", channel="cjcg-room")
    assert "10:00 GMT" in dict(chat.say("alice", "meeting schedule 2026-12-10 10:00", channel="cjcg-room")
                               .fields)["When"]


def test_an_unknown_default_time_zone_is_refused_at_start_saying_which_setting() -> None:
    with pytest.raises(ValidationError, match="DEFAULT_TIMEZONE: unknown time zone 'Europe/Londn'"):
        Settings(_env_file=None, default_timezone="Europe/Londn")
