"""A seat taken up on a day still to come. On 21 Jan 2027, with bob's twelve months as DCS North London over (PLPCP
Membership), sam recorded `member add @nadia --seat "DCS North London" --from 2027-03-01`: govbot answered "nadia now
holds DCS North London … term ends 29 Feb 2028" and counted her at once — present and voting at a meeting on 21 Jan,
five weeks before her term began. A holder seated from a later day is now counted from that day: until then she is
no member, and the answer says so; a start today or before is recorded as it was."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at

SEATING = 'member add @nadia --seat "DCS North London"'


def test_a_seat_taken_up_later_is_held_from_that_day(chat: Chat) -> None:
    chat.load("plpcp")
    at(chat, "2027-01-21", "09:00")
    said = chat.ok("sam", f"{SEATING} --from 2027-03-01").text
    assert said == ("nadia takes up DCS North London on 1 Mar 2027, succeeding bob, whose term ended on 14 Jan 2027; "
                    "term ends 29 Feb 2028 (ToR Membership). Until then nadia is not counted as a member."), said
    assert "nadia from 1 Mar 2027" in chat.ok("sam", "members").as_text()
    chat.ok("sam", "meeting schedule 2027-01-21 10:00")
    at(chat, "2027-01-21", "10:00")
    chat.ok("alice", "meeting open")
    chat.refused("nadia", "here")


def test_a_seat_taken_up_today_or_before_is_recorded_from_that_day(chat: Chat) -> None:
    chat.load("plpcp")
    at(chat, "2027-01-21", "09:00")
    said = chat.ok("sam", f"{SEATING} --from 2027-01-15").text
    assert said.startswith("nadia now holds DCS North London"), said
    assert "term ends 14 Jan 2028" in said, said
