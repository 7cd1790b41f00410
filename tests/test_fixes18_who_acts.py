"""A refusal says who may act instead, or, where nobody at the meeting may, says so and what the group can do."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import meeting_opened


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
