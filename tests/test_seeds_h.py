"""PLPCP, LCIIB and CSCPWG meetings read clause by clause as a council officer reads the replies, on every platform:
each test is a defect found running a whole meeting through the console, and failed before its fix."""

from __future__ import annotations

import datetime as dt

from tests.platform_chats import Speaking


def plpcp_meeting_with_alternate(chat: Speaking) -> None:
    """PLPCP's meeting 1: bob sends apologies and his standing alternate nadia attends in his place."""
    chat.load("plpcp")
    chat.ok("bob", "alternate @nadia")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", 'apologies "Ofsted inspection"')
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("nadia", "here")
    chat.ok("carol", "here")


def test_plpcp_minutes_list_the_alternate_in_attendance_by_the_tor_word(platform_chat: Speaking) -> None:
    """Membership: "Each DCS will nominate an alternate DCS from the sub-region to attend in their place". The
    minutes' attendance read "In attendance: nadia for bob", leaving the reader to guess in what capacity."""
    chat = platform_chat
    plpcp_meeting_with_alternate(chat)
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").text.replace("*", "")
    assert "In attendance: nadia — alternate for bob (North London sub-region)" in minutes
