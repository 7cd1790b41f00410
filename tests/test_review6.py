"""Second read of the night's merged work: what a clerk reading the record would have found wrong."""

from __future__ import annotations

import datetime as dt
import re

from tests.platform_chats import Speaking
from tests.test_seed_meetings import bob_elected_then_alice_chairs
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


def test_cscpwg_minutes_are_signed_by_the_chair_who_approved_them(platform_chat: Speaking) -> None:
    """Governance: bob is elected chair at the first meeting, leaves, and alice takes the chair and closes it; as the
    meeting's chair she approves its minutes. They read 'Approved by alice' under a signature block naming bob as
    the chair who signs: a clerk could not tell who vouched for the record."""
    chat = platform_chat
    chat.load("cscpwg")
    bob_elected_then_alice_chairs(chat)
    chat.now = dt.datetime(2023, 1, 18, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "minutes approve 1")
    minutes = chat.ok("alice", "minutes 1").text
    assert "Approved by alice" in minutes, minutes
    signed = minutes[minutes.index("Signed as a correct record"):]
    assert re.search(r"Name:\W*alice \(Conservative group\)", signed), signed
    # The election and bob's chairing stay in the record of who chaired.
    assert "then bob (Labour group) until 14:40, then alice (Conservative group)" in minutes


def test_cjcg_the_member_who_opened_the_meeting_is_not_told_they_joined_after_it_opened(
        platform_chat: Speaking) -> None:
    """CJCG 6.5: interests are declared at the start of each meeting. bob, chairing, opens the meeting (present from
    its start, and prompted to declare by the opening) and says `here` as everyone else does; he was told he 'joined
    after meeting 1 opened'. Someone arriving later still is."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("sam", "meeting chair @bob")
    chat.ok("bob", "meeting open")
    said = chat.ok("bob", "here").text
    assert "already recorded present" in said and "joined after" not in said, said
    assert "Interests are declared at the start of each meeting: dan, declare any now" in chat.ok("dan", "here").text
    chat.now += dt.timedelta(minutes=20)
    assert "carol joined after meeting 1 opened" in chat.ok("carol", "here").text
