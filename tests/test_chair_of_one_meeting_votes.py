"""Someone named to chair one meeting holds its chair for the votes at it, not for the group's votes between
meetings (PLPCP Membership: the ALDCS lead chairs the steering group)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import meeting_opened


def test_plpcp_one_named_to_chair_the_next_meeting_neither_calls_nor_closes_a_poll_between_meetings(
        chat: Chat) -> None:
    """alice sent apologies for meeting 2 and sam named bob to chair it. Weeks before it, bob could still close
    alice's poll early, as the chair of 'the next meeting' (calling one was refused him already, as were the
    minutes, seats and reviews). Once meeting 2 is open its votes are his."""
    meeting_opened(chat, "plpcp")
    chat.ok("alice", "meeting close")
    chat.ok("sam", "meeting schedule 2027-01-12 10:00")
    chat.ok("alice", "apologies")
    chat.ok("sam", "meeting chair @bob")
    chat.ok("alice", 'poll "Venue for the away day?" "Barnet" "Camden" --closes 2026-12-20 17:00')
    said = chat.refused("bob", "poll close 1 --early").text
    assert said.startswith("Only the chair"), said
    # alice is away from meeting 2 only, which this poll does not concern, and meeting 2 has its chair: bob
    assert said.endswith("Ask alice, the chair (ToR Membership)."), said
    said = chat.refused("bob", 'poll "Date of the away day?" "Mon" "Tue" --closes 2026-12-20 17:00').text
    assert said.startswith("Only the chair"), said
    assert "Ask alice" in said, said
    assert "Poll 2" not in chat.ok("alice", "polls").as_text()
    said = chat.ok("bob", 'motion "That the pilot is extended"').as_text()
    assert "The chair opens the vote with `motion vote 2` at a meeting" in said, said
    said = chat.refused("bob", "motion vote 2").text  # a motion waits for the meeting bob chairs: he opens it first
    assert "is that a motion is voted on at a meeting" in said and "Only the chair" not in said, said
    chat.ok("alice", "poll close 1 --early")  # the group's chair still closes it
    chat.now = dt.datetime(2027, 1, 12, 10, 0, tzinfo=dt.UTC)
    chat.ok("bob", "meeting open")
    chat.ok("carol", "here")
    chat.ok("bob", 'poll "Date of the away day?" "Mon" "Tue"')  # the meeting he chairs: its votes are his
    chat.ok("bob", "poll close 3")
