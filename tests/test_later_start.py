"""A seat taken up on a day still to come. On 21 Jan 2027, with bob's twelve months as DCS North London over (PLPCP
Membership), sam recorded `member add @nadia --seat "DCS North London" --from 2027-03-01`: govbot answered "nadia now
holds DCS North London … term ends 29 Feb 2028" and counted her at once — present and voting at a meeting on 21 Jan,
five weeks before her term began. govbot counts a holder from the day they are recorded, so a later start is refused,
saying to seat them on that day; a start today or before is recorded as it was."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at

SEATING = 'member add @nadia --seat "DCS North London"'


def test_a_seat_taken_up_later_is_refused_saying_to_seat_them_on_that_day(chat: Chat) -> None:
    chat.load("plpcp")
    at(chat, "2027-01-21", "09:00")
    said = chat.refused("sam", f"{SEATING} --from 2027-03-01").text
    assert said == ("nadia takes up DCS North London on 1 Mar 2027, a day still to come, and govbot counts a holder "
                    "from the day they are recorded: seat them on 1 Mar 2027 with `member add @nadia --seat \"DCS "
                    "North London\"`."), said
    assert "nadia" not in chat.ok("sam", "members").as_text()


def test_a_seat_taken_up_today_or_before_is_recorded_from_that_day(chat: Chat) -> None:
    chat.load("plpcp")
    at(chat, "2027-01-21", "09:00")
    said = chat.ok("sam", f"{SEATING} --from 2027-01-15").text
    assert said.startswith("nadia now holds DCS North London"), said
    assert "term ends 14 Jan 2028" in said, said
