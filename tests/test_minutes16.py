"""Round 16: the minutes' account of when a meeting became quorate names the arrival that made it so, where several
people arrived within the same minute (CJCG 6.4)."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at


def test_the_minutes_name_the_arrival_that_made_the_meeting_quorate_within_one_minute(chat: Chat) -> None:
    """CJCG 6.4 (quorate with three members or deputies): carol sent apologies and yan came in her place. At 10:00
    alice opened the meeting, then bob and then yan said `here`, in that order. The minutes read 'quorate from
    10:00, when bob arrived': bob made two; yan, recorded after him, made three. Carol's roll row was older (her
    apologies), and arrivals in one minute were taken in the order of their rows, not the order recorded."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("carol", "apologies --meeting 1")
    chat.ok("carol", "deputy @yan --meeting 1")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("yan", "here")
    at(chat, "2026-12-10", "11:00")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").as_text()
    quorum = minutes[minutes.index("## Quorum"):minutes.index("## Declarations")]
    assert "quorate from 10:00, when yan (deputy for carol) arrived — 3 members or deputies present" in quorum, quorum
    assert "when bob arrived" not in quorum, quorum
