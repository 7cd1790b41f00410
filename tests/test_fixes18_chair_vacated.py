"""The chair's seat is vacant when the chair leaves it or their term as chair runs out; not when a vice-chair or one
of two co-chairs leaves (CSCPWG Governance, "will elect a chair"; LIEG 3.1, "the Co-chairs")."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.db import unit_of_work
from bot.models import Group
from bot.services.chair_vacated import chair_vacated
from bot.services.context import Place, scheduler_context
from tests import loaded
from tests.conftest import Chat, example
from tests.platform_chats import chair_elected


def cscpwg_as(chat: Chat, old: str, new: str) -> None:
    """CSCPWG's ToR with `old` read as `new`, loaded on 5 Jan 2023, a meeting scheduled for 10 Jan."""
    chat.now = dt.datetime(2023, 1, 5, 9, 0, tzinfo=dt.UTC)
    text = example("cscpwg").read_text(encoding="utf-8")
    assert old in text
    loaded.load(chat.sessions, text.replace(old, new), chat.now, Place(chat.platform, chat.channel))


def test_cscpwg_a_vice_chair_leaving_before_any_election_does_not_vacate_the_chair(chat: Chat) -> None:
    """A CSCPWG whose ToR gives the Independent group councillor (dan) a vice-chair's role: he left before the group
    elected its chair. Opening the first meeting said "The chair's seat is vacant since dan, the chair, left the
    group", as if a chair had been elected and gone: none was. bob may not open it; sam, the secretariat, does."""
    cscpwg_as(chat, "holder: dan, clause: Purpose}", "holder: dan, role: vice_chair, clause: Purpose}")
    chat.ok("sam", "member remove @dan")
    chat.ok("sam", "meeting schedule 2023-01-10 10:00")
    chat.now = dt.datetime(2023, 1, 10, 10, 0, tzinfo=dt.UTC)
    refused = chat.refused("bob", "meeting open").text
    assert "The ToR has the group elect its chair, and none is elected yet (ToR Governance)" in refused, refused
    opened = chat.ok("sam", "meeting open").as_text()
    assert "vacant" not in opened and "none is elected yet" in opened, opened


def test_cscpwg_a_chair_whose_term_as_chair_ran_out_leaves_the_seat_vacant(chat: Chat) -> None:
    """A CSCPWG whose ToR elects its chair for one month: alice, elected on 10 Jan 2023, was chair until 9 Feb. At
    the meeting of 10 Mar the prompts said "none is elected yet", as if the group had never elected one: they say
    the seat is vacant since her term as chair ended, and an election is needed. alice may not open it; sam may."""
    cscpwg_as(chat, "chair: {chosen: elected, clause: Governance}",
              "chair: {chosen: elected, term_months: 1, clause: Governance}")
    chat.ok("sam", "meeting schedule 2023-01-10 10:00")
    chat.now = dt.datetime(2023, 1, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    assert "until 9 Feb 2023" in chair_elected(chat, "alice", ballot="@alice @bob")
    chat.ok("alice", "meeting close")
    chat.ok("sam", "meeting schedule 2023-03-10 10:00")
    chat.now = dt.datetime(2023, 3, 10, 10, 0, tzinfo=dt.UTC)
    vacant = ("The chair's seat is vacant since alice's term as chair ended on 9 Feb 2023; the ToR has the group "
              "elect its chair, so an election is needed (ToR Governance)")
    refused = chat.refused("alice", "meeting open").text
    assert refused.startswith("Your term as chair ended on 9 Feb 2023 (ToR Governance)"), refused
    opened = chat.ok("sam", "meeting open").as_text()
    assert vacant + ": sam presides until then." in opened, opened


def test_lieg_a_co_chair_leaving_does_not_vacate_the_chair_the_other_holds(chat: Chat) -> None:
    """LIEG 3.1 has two co-chairs, alice and bob. alice left the group: bob still holds the chair, which is not
    vacant; bob, not carol, may still act as chair."""
    chat.load("lieg")
    chat.ok("bob", "member remove @alice")
    with unit_of_work(chat.sessions) as session:
        group = session.scalars(select(Group).where(Group.name == "London Information Exchange Group")).one()
        assert chair_vacated(scheduler_context(session, group, chat.now)) is None
