"""PLPCP, LCIIB and CSCPWG met again (after tests/test_seeds_r2.py, at its 250 lines): what the meetings still found
the bot saying unclearly, each fixed."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at


def test_plpcp_apologies_from_a_dcs_with_an_alternate_named_say_who_attends(chat: Chat) -> None:
    """PLPCP Membership ("Each DCS will nominate an alternate DCS from the sub-region to attend in their place"):
    bob, nadia his standing alternate, sending apologies was told only that they were recorded, where carol, with
    none named, is told she can name one; bob learnt nothing of who would attend for North London."""
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", "alternate @nadia")
    reply = chat.ok("bob", "apologies Annual leave")
    assert reply.notices == ("nadia, your standing alternate, may attend in your place: they say `here` at the "
                             "meeting (ToR Membership).",), reply.notices
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    assert "nadia is attending as alternate for bob" in chat.ok("nadia", "here").text


def test_plpcp_a_vote_in_a_meeting_s_own_words_is_read(chat: Chat) -> None:
    """PLPCP: at the meeting bob typed `vote 1 in favour`, carol `vote 1 opposed` and frank `vote 1 abstaining`, as
    a chair calls for them; each was refused 'Vote for/against/abstain on motion 1'."""
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    for member in ("bob", "carol", "frank"):
        chat.ok(member, "here")
    chat.ok("alice", 'motion "That the Q3 report goes to LCIIB"')
    assert chat.ok("bob", "vote 1 in favour").text == "Your vote on motion 1 is recorded: For."
    assert chat.ok("carol", "vote 1 opposed").text == "Your vote on motion 1 is recorded: Against."
    assert chat.ok("frank", "vote 1 abstaining").text == "Your vote on motion 1 is recorded: Abstain."


def test_lciib_with_the_chairs_seat_vacant_a_refusal_says_to_seat_the_chair(chat: Chat) -> None:
    """LCIIB Membership ("The LCIIB will be chaired by a Chief Executive"): with alice's seat, the chair's, left
    vacant, bob opening the meeting was told 'This group has no chair yet; the secretariat can name one with `chair
    @person`', which the board refuses unless the person holds the chair's seat."""
    chat.load("lciib")
    chat.ok("sam", "member remove @alice")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    said = chat.refused("bob", "meeting open").text
    assert said.endswith("The chair's seat, Chair (a Chief Executive), is vacant: the secretariat seats the chair "
                         "with `member add @person --seat \"Chair (a Chief Executive)\"` (ToR Membership)."), said


def test_plpcp_a_financial_interest_is_a_pecuniary_one(chat: Chat) -> None:
    """PLPCP (Oversight of PLPCP budget): carol's `declare "Shares in a placements provider" --nature financial` was
    refused "--nature is one of pecuniary, non-pecuniary, ...", the word members use for it not among them."""
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    said = chat.ok("carol", 'declare "Shares in a placements provider" --nature financial').text
    assert said == ("Recorded: carol declared an interest (pecuniary) for meeting 1: Shares in a placements "
                    "provider"), said
