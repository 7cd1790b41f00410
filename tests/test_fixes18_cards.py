"""The cards a group reads in its channel say what will happen: the card refreshed after each vote counts a departed
member's vote as the close will (set aside), not as if it stood."""

from __future__ import annotations

from bot.replies import Reply
from tests.conftest import Chat


def fields(reply: Reply) -> dict[str, str]:
    return dict(reply.fields)


def test_cjcg_the_card_refreshed_after_a_vote_does_not_count_a_removed_members_vote(chat: Chat) -> None:
    """CJCG 7.1 names the members; bob voted For between meetings, then his seat ended (`member remove`). erin's
    vote refreshed the motion's card: it still read For 3 of 4, Voted 4, though the close counts For 2 of 3 and sets
    bob's vote aside. The card counts as the close will, and says whose vote is set aside and why. bob may not vote
    again."""
    chat.load("cjcg")
    chat.ok("alice", 'motion "That we fund the pilot" --closes "2026-12-20 17:00"')
    for who in ("bob", "carol", "dan"):
        chat.ok(who, "vote 1 for")
    chat.ok("sam", "member remove @bob")
    chat.refused("bob", "vote 1 against")
    [shown] = chat.ok("erin", "vote 1 against").cards
    assert fields(shown)["Voted"] == "3", shown.as_text()
    assert fields(shown)["For"] == "2 of 3 voted (67%)", shown.as_text()
    assert fields(shown)["Set aside at the close"] == (
        "bob's vote, as bob no longer holds a seat: bob left Specialist and Complex SEND Placement and HNB "
        "Commissioning on 1 Dec 2026, and the seat is vacant. A vote counts those entitled to vote when it closes, "
        "one vote a seat."), shown.as_text()
    asked = chat.ok("alice", "results 1")
    assert [label for label, _ in asked.fields].count("Set aside at the close") == 1, asked.as_text()
    assert fields(asked)["Voted"] == "3", asked.as_text()
    closed = chat.ok("alice", "poll close 1 --early")
    assert fields(closed)["Voted"] == "3" and fields(closed)["For"] == "2 of 3 voted (67%)", closed.as_text()
