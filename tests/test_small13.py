"""Two small faults: the roll did not say who left for an item, and a motion moved between meetings lost its "moved
before the meeting" note once it was voted on at the next."""

from __future__ import annotations

from tests.conftest import Chat
from tests.test_commands13 import cjcg_with_items
from tests.test_leftovers12_motions import business, moved_before_meeting_1


def test_the_roll_says_who_left_the_room_for_an_item(chat: Chat) -> None:
    """CJCG 6.5 ("Conflicts of interest are to be declared and recorded"): carol's `leaving --item 1` was minuted as
    "left the room for item 1 (pecuniary interest declared) at 10:10, back at 10:20", but the `attendance` reply and
    the roll at the close said only "left 10:10, back 10:20", as if she had stepped out for coffee. Both now say she
    left for item 1, with her interest (tests/test_roll_interest.py); dan, who stepped out for no item, still reads
    "left 10:15"."""
    cjcg_with_items(chat)
    chat.advance(minutes=10)
    chat.ok("carol", "leaving --item 1")
    said = chat.ok("bob", "attendance").as_text()
    assert "carol (left for item 1 (pecuniary interest declared) at 10:10)" in said, said
    chat.advance(minutes=5)
    chat.ok("dan", "leaving")
    chat.advance(minutes=5)
    chat.ok("carol", "here")
    said = chat.ok("bob", "attendance").as_text()
    assert "carol (left for item 1 (pecuniary interest declared) at 10:10, back 10:20)" in said, said
    assert "dan (left 10:15)" in said, said
    closed = chat.ok("alice", "meeting close").as_text()
    assert "carol (left for item 1 (pecuniary interest declared) at 10:10, back 10:20)" in closed, closed


def test_a_motion_moved_between_meetings_and_voted_at_the_next_keeps_its_note(chat: Chat) -> None:
    """carol moved motion 1 on 5 December, before meeting 1 of 10 December. Left unvoted, meeting 1's minutes said
    "Proposed by carol, moved before the meeting"; put to the vote there, they gave its tally but dropped the note,
    so the minutes read as if she moved it at the meeting. The voted motion keeps the note."""
    moved_before_meeting_1(chat)
    chat.ok("alice", "motion vote 1")
    for who in ("bob", "carol", "dan"):
        chat.ok(who, "vote 1 for")
    chat.ok("alice", "poll close 1")
    chat.ok("alice", "meeting close")
    minutes = business(chat.ok("alice", "minutes 1").text)
    assert "- Proposed by: carol (Southend City Council), moved before the meeting\n" in minutes, minutes
    assert "- Outcome: carried" in minutes, minutes
    assert "not put to the vote" not in minutes, minutes
