"""A secret ballot cast for a member who has left their seat since stands at the close (it keeps no choice against
a name); the poll's live card says so while it is open, as it names an open ballot to be set aside, without showing
any vote."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at
from tests.test_ballots_seat_left import POLL, field

STANDS = ("bob's secret ballot will stand though bob no longer holds a seat: bob's term in DCS North London ended on "
          "14 Jan 2027 (ToR Membership), and nadia holds it now: a secret ballot keeps no choice against a name, so "
          "it cannot be taken out of the count. A vote counts those entitled to vote when it closes, one vote a seat.")


def test_plpcp_the_live_card_of_a_secret_poll_says_a_departed_members_ballot_will_stand(chat: Chat) -> None:
    """PLPCP Membership ("Each DCS will stand for twelve months"): bob voted in alice's secret poll, then his term
    ended and nadia took up his seat. An open poll's card names a departed member's ballot it will set aside at the
    close; the secret poll's said nothing of bob's until it closed, its count of 2 reading as if he still voted.
    Now it says his ballot will stand, and why, its choices still hidden. nadia may not vote for the seat again."""
    chat.load("plpcp")
    chat.ok("alice", POLL + " --secret")
    chat.ok("bob", "vote 1 Acme")
    chat.ok("frank", "vote 1 Beta")
    chat.ok("sam", 'member add @nadia --seat "DCS North London" --from 15 Jan')
    at(chat, "2027-01-16", "09:00")
    chat.refused("nadia", "vote 1 Beta")
    shown = chat.ok("grace", "results 1").as_text()
    assert field(shown, "Stands at the close") == STANDS, shown
    assert field(shown, "Acme") == field(shown, "Beta") == "hidden until the poll closes", shown
    assert field(shown, "Voted") == "2", shown


def test_plpcp_the_live_card_of_a_secret_poll_with_no_departure_says_nothing_of_one(chat: Chat) -> None:
    """bob and frank, both in office, voted in secret: the card adds nothing of ballots standing."""
    chat.load("plpcp")
    chat.ok("alice", POLL + " --secret")
    chat.ok("bob", "vote 1 Acme")
    shown = chat.ok("frank", "vote 1 Beta").as_text() + chat.ok("grace", "results 1").as_text()
    assert "Stands at the close" not in shown, shown
