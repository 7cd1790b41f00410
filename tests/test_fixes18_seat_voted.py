"""One seat, one vote across a handover (PLPCP Membership): a successor is kept from voting in a secret poll only by
the ballot of the one who held their seat during the poll, not by one who held it terms ago or who sits in another
seat now and voted for that one."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at

POLL = 'poll "Which provider do we back?" "Acme" "Beta" --closes "2027-01-20 17:00" --secret'


def bob_moved_seats_and_voted(chat: Chat) -> None:
    """PLPCP with bob moved from DCS North London (now nadia's) to the London Councils officer's seat (grace's,
    vacated), then alice's secret poll opened and bob voted in it."""
    chat.load("plpcp")
    chat.ok("sam", "member remove @grace")
    chat.ok("sam", "member remove @bob")
    at(chat, "2026-12-02", "09:00")
    chat.ok("sam", 'member add @bob --seat "London Councils officer"')
    chat.ok("sam", 'member add @nadia --seat "DCS North London"')
    at(chat, "2026-12-03", "09:00")
    chat.ok("alice", POLL)
    chat.ok("bob", "vote 1 Acme")


def test_plpcp_a_former_dcs_now_in_another_seat_does_not_use_up_his_old_seats_vote(chat: Chat) -> None:
    """bob left DCS North London before alice's secret poll and now holds the London Councils officer's seat; nadia
    holds DCS North London. bob voted as London Councils officer: nadia was refused, as if bob had voted for her seat.
    She votes. carol, who held DCS East London while the poll ran and voted, still keeps otto, her successor, from
    casting the seat's second vote."""
    bob_moved_seats_and_voted(chat)
    chat.ok("nadia", "vote 1 Beta")
    chat.ok("carol", "vote 1 Acme")
    chat.ok("sam", "member remove @carol")
    chat.ok("sam", 'member add @otto --seat "DCS East London"')
    refused = chat.refused("otto", "vote 1 Beta").text
    assert refused == ("carol cast DCS East London's vote in secret poll 1 before your term in it began, and a secret "
                       "ballot cannot be taken back: a vote counts one vote a seat."), refused
    closed = chat.ok("alice", "poll close 1 --early").as_text()
    assert "Voted: 3" in closed, closed


def test_plpcp_a_holder_from_before_the_poll_who_voted_elsewhere_and_left_blocks_no_one(chat: Chat) -> None:
    """bob held DCS North London before nadia, and had left it before the poll opened; he voted as London Councils
    officer, then left the group. His ballot was never DCS North London's: nadia, its holder, votes."""
    bob_moved_seats_and_voted(chat)
    chat.ok("sam", "member remove @bob")
    chat.refused("bob", "vote 1 Beta")  # he holds no seat now
    chat.ok("nadia", "vote 1 Beta")
