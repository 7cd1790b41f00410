"""CJCG and LIEG met again as their chairs, administrative support, members and deputies would, whole meetings end to
end: what the bot still allowed, recorded or answered that the ToR does not (after tests/test_seeds_q.py)."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import meeting_opened


def test_cjcg_the_administrative_support_does_not_take_the_chair_from_the_chair_who_is_chairing(chat: Chat) -> None:
    """CJCG 6.2, "It will be chaired by an agreed named member of the group", and 6.3, administrative support for
    "arrangements for meetings": sam, the administrative support, typed `meeting chair @bob` while alice, the chair,
    was at the meeting chairing it, and the meeting was bob's from then on (the minutes: 'alice until 10:00, then
    bob'), on no one's word but sam's. While the one chairing is there, only they (or the chair) hand it over."""
    meeting_opened(chat, "cjcg", "bob", "erin")
    said = chat.refused("sam", "meeting chair @bob").text
    assert said == ("alice chairs meeting 1 and is at it, so the chair passes to someone else only from alice, with "
                    "`meeting chair @bob` (ToR 6.2). Should alice leave, you can name who chairs the rest of it."), said
    assert "Chair:** alice (Southend City Council)\n" in chat.ok("alice", "minutes").as_text()
    chat.ok("alice", "meeting chair @bob")  # alice hands over, for an item she has an interest in
    said = chat.refused("sam", "meeting chair @erin").text
    assert said.startswith("bob chairs meeting 1 and is at it, so the chair passes to someone else only from bob"), said
    chat.ok("bob", "leaving")
    assert "erin chairs meeting 1" in chat.ok("sam", "meeting chair @erin").text

