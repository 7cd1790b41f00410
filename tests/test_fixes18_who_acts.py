"""A refusal says who may act instead, or, where nobody at the meeting may, says so and what the group can do."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import meeting_opened
from tests.test_commands13 import cjcg_with_items


def test_cjcg_the_chair_who_left_is_told_nobody_else_at_the_meeting_closes_the_vote_and_what_to_do(chat: Chat) -> None:
    """CJCG 6.2 names the chair, who runs the meeting and closes its votes. alice, the chair, left meeting 1 with
    motion 1 open; asked to close it, she was told someone at the meeting does it, and no one was named: nobody
    else may. She is told so, and that the chair or the secretariat can name who chairs the rest of it (ToR 6.3).
    bob may not close it until he is named; named, he does."""
    meeting_opened(chat, "cjcg", "alice", "bob", "carol", "dan")
    chat.ok("alice", 'motion "That we fund the pilot"')
    for who in ("bob", "carol", "dan"):
        chat.ok(who, "vote 1 for")
    chat.ok("alice", "leaving")
    refused = chat.refused("alice", "poll close 1").text
    assert refused == (
        "You left meeting 1 at 10:00, so you are not at it to close a vote: that is done by someone at the meeting "
        "(the ToR does not say, so this is the usual practice). If you are back, say `here` first. Nobody else at "
        "meeting 1 can close a vote: the chair or the secretariat can name who chairs the rest of it with `meeting "
        "chair @person` (ToR 6.3)."), refused
    assert "Ask alice, the chair" in chat.refused("bob", "poll close 1").text
    chat.ok("sam", "meeting chair @bob")
    assert chat.ok("bob", "poll close 1").text.startswith("Motion 1 is closed: carried")


def test_cjcg_a_chair_out_of_the_room_for_one_item_is_said_to_be_out_for_it_not_to_have_left(chat: Chat) -> None:
    """CJCG 6.5: alice, the chair, declared an interest in item 1 and left the room for it (`leaving --item 1`).
    bob, asking to close the meeting, was told "alice has left meeting 1", as if she had gone home: she is out of the
    room for item 1, until back (`here`). bob may not close it; nor alice, while bob, named to chair
    meanwhile, chairs in her place; back, she does."""
    cjcg_with_items(chat)
    chat.ok("alice", 'declare "My spouse works for a placements provider" --item 1')
    chat.advance(minutes=10)
    chat.ok("alice", "leaving --item 1")
    refused = chat.refused("bob", "meeting close").text
    assert refused.endswith(
        "Ask alice, the chair (ToR 6.2). But alice is out of the room for item 1 (Placements contract) of meeting 1 "
        "until back (`here`): meanwhile the chair or the secretariat can name who chairs it with `meeting chair "
        "@person` (ToR 6.3)."), refused
    assert "has left" not in refused, refused
    chat.ok("sam", "meeting chair @bob")
    refused = chat.refused("alice", "meeting close").text
    assert refused == (
        "bob chairs meeting 1 in your place, as you are out of the room for item 1 (Placements contract), so bob can "
        "close it (the ToR does not say, so this is the usual practice). Back in the room, say `here` first."), refused
    chat.ok("alice", "here")
    chat.ok("alice", "meeting close")
