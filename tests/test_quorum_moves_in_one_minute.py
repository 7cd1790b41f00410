"""The minutes' account of when the quorum came and went, where several left and came back within one minute: the
change is credited to whoever made it, in the order the audit trail holds, not the order of the roll's rows; those
recorded leaving by one command (`leaving @carol @dan`) changed it together (CJCG 6.4)."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import meeting_opened


def test_cjcg_minutes_credit_the_quorum_to_whoever_moved_first_in_the_minute(chat: Chat) -> None:
    """CJCG 6.4 ("quorate if three of its members are present"): alice, bob, carol and dan are there. At 10:10 carol
    left, then dan: the minutes said the quorum was lost "when carol and dan left", though carol's going left three.
    At 10:20 dan came back (quorate again), bob left (not), carol came back (quorate again): each line named whoever's
    row came first, as if carol's return had restored it twice. At 10:30 sam records carol and dan leaving with one
    command: that is one change, both named. erin, a member, may not record others leaving."""
    meeting_opened(chat, "cjcg", "alice", "bob", "carol", "dan")
    chat.advance(minutes=10)
    chat.ok("carol", "leaving")
    chat.ok("dan", "leaving")
    chat.advance(minutes=10)
    chat.ok("dan", "here")
    chat.ok("bob", "leaving")
    chat.ok("carol", "here")
    chat.advance(minutes=10)
    chat.refused("erin", "leaving @carol @dan")
    chat.ok("sam", "leaving @carol @dan")
    minutes = chat.ok("sam", "meeting minutes").text
    later = [line.removeprefix("- **Later:** ") for line in minutes.splitlines() if line.startswith("- **Later:**")]
    assert later == [
        "quorate from 10:00, when carol arrived — 3 members present, 3 needed (ToR 6.4)",
        "not quorate from 10:10, when dan left — 2 members present, 3 needed (ToR 6.4)",
        "quorate again from 10:20, when dan came back — 3 members present, 3 needed (ToR 6.4)",
        "not quorate from 10:20, when bob left — 2 members present, 3 needed (ToR 6.4)",
        "quorate again from 10:20, when carol came back — 3 members present, 3 needed (ToR 6.4)",
        "not quorate from 10:30, when carol and dan left — 1 member present, 3 needed (ToR 6.4)",
    ], later
