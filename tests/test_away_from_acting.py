"""Who is away from a meeting, or out of the room for one item, does not act there: a chair out for an item does
not close that item's vote (CJCG 6.5), and a meeting's named chair who left it does not close it (LIEG 5.1)."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at
from tests.test_commands13 import cjcg_with_items


def test_cjcg_a_chair_out_of_the_room_for_an_item_does_not_close_its_vote(chat: Chat) -> None:
    """CJCG 6.5: alice, the chair, declared an interest in item 1 and left the room for it. She could still close
    the vote on item 1's motion from outside the room. Now she is refused, told nobody else at the meeting can and
    how a chair is named meanwhile; bob (no chair) may not close it either. The vote on item 2, which she is in the
    room for, she closes; named to chair, bob closes item 1's; back, alice closes votes on item 1 again."""
    cjcg_with_items(chat)
    chat.ok("alice", 'declare "My spouse works for a placements provider" --item 1')
    chat.ok("alice", 'motion "Award the placements contract" --item 1')
    chat.ok("alice", 'motion "Fund short breaks" --item 2')
    chat.ok("alice", 'motion "Extend the placements contract" --item 1')
    for who in ("bob", "dan", "erin"):
        for number in (1, 2, 3):
            chat.ok(who, f"vote {number} for")
    chat.advance(minutes=10)
    chat.ok("alice", "leaving --item 1")
    refused = chat.refused("alice", "poll close 1").text
    assert refused == (
        "You left the room for item 1 (Placements contract) at 10:10, having declared an interest in it (ToR 6.5), so "
        "you do not close a vote on it while out. Say `here` when you are back. Nobody else at meeting 1 can close a "
        "vote: the chair or the secretariat can name who chairs the rest of it with `meeting chair @person` "
        "(ToR 6.3)."), refused
    assert "Ask alice, the chair" in chat.refused("bob", "poll close 1").text
    assert chat.ok("alice", "poll close 2").text.startswith("Motion 2 is closed: carried")
    chat.ok("sam", "meeting chair @bob")
    assert chat.ok("bob", "poll close 1").text.startswith("Motion 1 is closed: carried")
    chat.ok("alice", "here")
    assert chat.ok("alice", "poll close 3").text.startswith("Motion 3 is closed: carried")


def lieg_chaired_by_erin(chat: Chat) -> None:
    """LIEG's meeting 1 of 10 Dec 2026, erin (of the steering group) named to chair it (5.1), open with the
    co-chairs alice and bob, carol, frank and grace there."""
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.ok("alice", "meeting chair @erin")
    at(chat, "2026-12-10", "10:00")
    chat.ok("erin", "meeting open")
    for who in ("alice", "bob", "carol", "frank", "grace"):
        chat.ok(who, "here")


def test_lieg_the_named_chair_who_left_does_not_close_the_meeting(chat: Chat) -> None:
    """LIEG 5.1: erin volunteered to chair meeting 1, then left it (`leaving`). She could still `meeting close` it
    from wherever she went. Now she is told she is not at it and who is (the co-chairs); carol, no chair, may not
    close it; alice, a co-chair there, does."""
    lieg_chaired_by_erin(chat)
    chat.advance(minutes=10)
    chat.ok("erin", "leaving")
    refused = chat.refused("erin", "meeting close").text
    assert refused == (
        "You left meeting 1 at 10:10, so you are not at it to close a meeting: that is done by someone at the "
        "meeting (the ToR does not say, so this is the usual practice). If you are back, say `here` first. Ask "
        "alice or bob."), refused
    assert chat.refused("carol", "meeting close").text.startswith("Only the chair")
    chat.ok("alice", "meeting close")


def test_lieg_the_named_chair_back_in_the_room_closes_the_meeting(chat: Chat) -> None:
    """LIEG 5.1: erin, who left meeting 1, says `here` on her return and closes it as its chair."""
    lieg_chaired_by_erin(chat)
    chat.advance(minutes=10)
    chat.ok("erin", "leaving")
    chat.advance(minutes=5)
    chat.ok("erin", "here")
    chat.ok("erin", "meeting close")


def test_cjcg_a_chair_out_of_the_room_for_an_item_does_not_put_a_vote_on_it(chat: Chat) -> None:
    """CJCG 6.5: alice, the chair, out of the room for item 1 (her interest in it declared), proposed a motion on item
    1 and its vote opened at once, and could call a poll on it. Now both are refused while she is out; on item 2 she
    proposes one; back, on item 1 too. bob proposes on item 1 while she is out."""
    cjcg_with_items(chat)
    chat.ok("alice", 'declare "My spouse works for a placements provider" --item 1')
    chat.advance(minutes=10)
    chat.ok("alice", "leaving --item 1")
    refused = chat.refused("alice", 'motion "Award the placements contract" --item 1').text
    assert refused.startswith(
        "You left the room for item 1 (Placements contract) at 10:10, having declared an interest in it (ToR 6.5), so "
        "you do not put a vote on it while out. Say `here` when you are back."), refused
    assert "do not put a vote on it" in chat.refused("alice", 'poll "Which provider?" "Acme" "Beta" --item 1').text
    chat.ok("alice", 'motion "Fund short breaks" --item 2')
    chat.ok("bob", 'motion "Award the placements contract" --item 1')
    chat.ok("alice", "here")
    chat.ok("alice", 'motion "Extend the placements contract" --item 1')
