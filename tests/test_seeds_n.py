"""The five seeds played as their secretaries and chairs would, another round: what a meeting found the bot doing
that the ToR does not allow, or saying unhelpfully, each fixed (after tests/test_seeds_m.py)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def test_plpcp_an_alternate_whose_dcs_term_has_ended_is_told_so_not_another_sub_regions_list(chat: Chat) -> None:
    """PLPCP Membership, "Each DCS will nominate an alternate DCS from the sub-region to attend in their place" and
    "Each DCS will stand for twelve months": carol's term in DCS East London ended on 15 Jan 2027; otto, East
    London's alternate, saying `here` was told "Those listed for DCS North London: nadia", as if a stranger to the
    ToR file, and `here --for @carol` that carol could name him, though her term is over."""
    chat.load("plpcp")
    chat.now = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2027-03-10 10:00")
    chat.ok("sam", 'member add @zara --seat "DCS North London"')
    chat.now = dt.datetime(2027, 3, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    said = chat.refused("otto", "here").text
    assert "nadia" not in said, said
    assert ("You are listed as alternate for DCS East London, and carol's term in DCS East London ended on 15 Jan "
            "2027, so no alternate attends or votes in their place (ToR Membership). The ToR has a new "
            "representative appointed to DCS East London") in said, said
    said = chat.refused("otto", "here --for @carol").text
    assert "carol can name you" not in said, said
    assert "carol's term in DCS East London ended on 15 Jan 2027, so no alternate attends or votes in their " \
           "place (ToR Membership)." in said, said


def test_lciib_minutes_say_a_co_opted_member_present_is_co_opted_and_non_voting(chat: Chat) -> None:
    """LCIIB Membership, "Subject to the agreement of the board DCS leads for London's priority themes will be
    co-opted to attend as required" (the seat votes not): the minutes listed yusuf under Present with nothing
    beside his name, as if a member of the board with a vote."""
    chat.load("lciib")
    chat.ok("sam", 'member add @yusuf --seat "DCS lead for a priority theme" --agreed "meeting of 12 Jan, minute 5"')
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    for member in ("bob", "yusuf"):
        chat.ok(member, "here")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").as_text()
    assert "- **Present:** alice (Chief Executives London Committee); bob (Chief Executives London Committee); " \
           "yusuf — DCS lead for a priority theme, co-opted, non-voting (ToR Membership)\n" in minutes, minutes
