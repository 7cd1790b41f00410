"""PLPCP (seed 000), LCIIB (seed 001) and CSCPWG (seed 002) met again, clause by clause, as their secretaries, chairs
and members would: what the bot still counted, said or allowed that the ToR does not, each fixed (after
tests/test_seeds_t1.py and tests/test_seeds_t2.py)."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at


def test_plpcp_a_dcs_stands_twelve_months_from_15_jan_to_14_jan(chat: Chat) -> None:
    """PLPCP Membership, "Each DCS will stand for twelve months, after which a new representative from the sub-region
    will be appointed": the ToR adopted on 15 Jan 2026, `members` said bob's term "ends 15 Jan 2027" - twelve months
    and a day - and nadia, the new North London DCS, could not be seated until 16 Jan 2027, her own term then running
    to 16 Jan 2028. Twelve months from 15 Jan end on 14 Jan; the successor sits from 15 Jan."""
    chat.load("plpcp")
    assert "DCS North London (North London sub-region): bob, term ends 14 Jan 2027" in chat.ok("sam", "members").as_text()
    at(chat, "2027-01-14", "09:00")
    said = chat.refused("sam", 'member add @nadia --seat "DCS North London"').text
    assert "until their term ends on 14 Jan 2027 (ToR Membership): seat the new representative from 15 Jan 2027" \
        in said, said
    at(chat, "2027-01-15", "09:00")
    seated = chat.ok("sam", 'member add @nadia --seat "DCS North London"').text
    assert seated == "nadia now holds DCS North London as member; term ends 14 Jan 2028 (ToR Membership).", seated
