"""Second read of the night's merged work: what a clerk reading the record would have found wrong."""

from __future__ import annotations

import datetime as dt

from tests.platform_chats import Speaking
from tests.test_seeds_lieg_cjcg import lieg_meeting


def test_lieg_naming_the_chair_who_already_chairs_records_no_second_handover(platform_chat: Speaking) -> None:
    """LIEG 5.1: erin, the volunteer chair, leaves and alice takes the chair; erin, told nothing had happened yet
    (or not seeing it), names alice too. The minutes read 'erin until 10:40, then alice until 10:45, then alice', a
    handover from alice to herself."""
    chat = platform_chat
    chat.load("lieg")
    lieg_meeting(chat, "erin", "--chair @erin")
    chat.now = dt.datetime(2026, 12, 10, 10, 40, tzinfo=dt.UTC)
    chat.ok("alice", "meeting chair @alice")
    chat.now = dt.datetime(2026, 12, 10, 10, 45, tzinfo=dt.UTC)
    again = chat.say("erin", "meeting chair @alice").text
    assert "alice already chairs meeting 1" in again, again
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").text
    assert "erin (Hackney) until 10:40, then alice (Barnet)\n" in minutes + "\n", minutes
