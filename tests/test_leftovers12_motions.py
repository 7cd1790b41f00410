"""Motions as a chair and a secretary meet them: withdrawn before the vote, moved between meetings, moved by the chair
while the meeting is short, and moved again after one like it was decided."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import at, meeting_opened


def business(minutes: str) -> str:
    return minutes.split("## Business", 1)[1].split("\n## ", 1)[0]


def test_the_proposer_withdraws_a_motion_and_the_minutes_and_close_say_so(chat: Chat) -> None:
    """bob moved a motion, thought better of it and had no way to take it back: the minutes said "not put to the vote"
    and the close named it as waiting for a later meeting. `motion withdraw 1` now withdraws it."""
    meeting_opened(chat, "cjcg", "bob", "carol", "dan")
    chat.ok("bob", 'motion "That the plan is adopted"')
    said = chat.ok("bob", "motion withdraw 1").text
    assert "withdrawn by its proposer" in said, said
    assert "No votes are open or proposed." in chat.ok("carol", "polls").text
    closed = chat.ok("alice", "meeting close").as_text()
    assert "Motion 1" not in closed and "not put to the vote" not in closed, closed
    minutes = business(chat.ok("alice", "minutes 1").text)
    assert "That the plan is adopted" in minutes and "Outcome: withdrawn by its proposer" in minutes, minutes
    assert "not put to the vote" not in minutes, minutes


def test_the_chair_may_withdraw_a_motion_and_others_are_told_who_may(chat: Chat) -> None:
    meeting_opened(chat, "cjcg", "bob", "carol", "dan")
    chat.ok("bob", 'motion "That the plan is adopted"')
    refused = chat.refused("carol", "motion withdraw 1").text
    assert refused.startswith("Only motion 1's proposer (bob) or the chair, who puts motions to the vote"), refused
    said = chat.ok("alice", "motion withdraw 1").text
    assert "withdrawn by the chair, alice" in said, said
    assert "already withdrawn by the chair" in chat.refused("bob", "motion withdraw 1").text


def test_a_motion_being_voted_on_or_decided_cannot_be_withdrawn(chat: Chat) -> None:
    meeting_opened(chat, "cjcg", "bob", "carol", "dan")
    chat.ok("bob", 'motion "That the plan is adopted"')
    chat.ok("alice", "motion vote 1")
    assert "vote on motion 1 is open, so it can no longer be withdrawn" in chat.refused("bob", "motion withdraw 1").text
    for who in ("bob", "carol", "dan"):
        chat.ok(who, "vote 1 for")
    chat.ok("alice", "poll close 1")
    said = chat.refused("bob", "motion withdraw 1").text
    assert "has been voted on (carried" in said and "`results 1`" in said, said
    chat.ok("alice", 'poll "Next venue?" "Barnet" "Camden"')
    assert "only a motion is withdrawn" in chat.refused("alice", "motion withdraw 2").text


def test_lieg_a_tabled_motion_may_be_withdrawn_by_its_proposer(chat: Chat) -> None:
    chat.load("lieg")
    chat.ok("erin", "meeting schedule 2026-12-10 10:00 --chair @erin")
    at(chat, "2026-12-10", "10:00")
    chat.ok("erin", "meeting open")
    chat.ok("frank", 'motion "That LIEG meets in Hackney in 2027"')
    chat.ok("erin", "motion table 1")
    assert "withdrawn by its proposer" in chat.ok("frank", "motion withdraw 1").text
    closed = chat.ok("erin", "meeting close").as_text()
    assert "motion table 1" not in closed and "Motion 1" not in closed, closed


def moved_before_meeting_1(chat: Chat) -> None:
    """CJCG's meeting 1 on 10 December, open with a quorum; carol moved motion 1 on 5 December, before it."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-05", "12:00")
    chat.ok("carol", 'motion "That the budget is noted"')
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    for who in ("bob", "carol", "dan"):
        chat.ok(who, "here")


def test_a_motion_moved_between_meetings_is_minuted_at_the_next_and_named_at_its_close(chat: Chat) -> None:
    """carol moved a motion on 5 December, before meeting 1; it was in no meeting's minutes and its close never named
    it, so it was forgotten. It is in meeting 1's Business as moved before the meeting, and its close names it."""
    moved_before_meeting_1(chat)
    closed = chat.ok("alice", "meeting close").as_text()
    assert "Motion 1" in closed and "moved before the meeting" in closed and "`motion vote 1`" in closed, closed
    minutes = business(chat.ok("alice", "minutes 1").text)
    assert "That the budget is noted" in minutes and "moved before the meeting" in minutes, minutes
    assert "Outcome: not put to the vote" in minutes, minutes
    chat.ok("sam", "meeting schedule 2027-01-08 10:00")
    at(chat, "2027-01-08", "10:00")
    chat.ok("alice", "meeting open")
    assert "That the budget is noted" not in business(chat.ok("alice", "minutes 2").text)


def test_a_motion_moved_between_meetings_and_voted_at_the_next_is_minuted_once(chat: Chat) -> None:
    moved_before_meeting_1(chat)
    chat.ok("alice", "motion vote 1")
    for who in ("bob", "carol", "dan"):
        chat.ok(who, "vote 1 for")
    chat.ok("alice", "poll close 1")
    closed = chat.ok("alice", "meeting close").as_text()
    assert "not put to the vote" not in closed, closed
    minutes = business(chat.ok("alice", "minutes 1").text)
    assert minutes.count("That the budget is noted") == 1 and "not put to the vote" not in minutes, minutes
    assert isinstance(chat.now, dt.datetime)


def test_the_chair_moves_a_motion_while_the_meeting_is_short_and_it_waits_for_the_quorum(chat: Chat) -> None:
    """CJCG 6.4, "quorate if three of its members are present": alice's motion at a meeting of two was refused
    outright ("a vote needs a quorate meeting") and nothing was recorded, though moving a motion needs no quorum.
    It is recorded, saying it goes to the vote once the meeting is quorate."""
    meeting_opened(chat, "cjcg", "bob")
    said = chat.ok("alice", 'motion "That the plan is adopted"').text
    assert "Motion 1 is proposed" in said, said
    assert "not quorate" in said and "(ToR 6.4)" in said and "once the meeting is quorate" in said, said
    assert "`motion vote 1`" in said, said
    chat.ok("dan", "here")
    assert "Vote open on motion 1" in chat.ok("alice", "motion vote 1").text


def test_a_member_acting_without_saying_here_is_told_they_are_recorded_present(chat: Chat) -> None:
    """bob proposed and carol declared at the open meeting without `here`; both were recorded present (CJCG 6.4
    counts them) and neither was told. Now each is."""
    meeting_opened(chat, "cjcg", "dan")
    said = chat.ok("bob", 'motion "That the plan is adopted"').text
    assert said.endswith("You are recorded present at meeting 1 (ToR 6.4)."), said
    said = chat.ok("carol", "declare none").text
    assert said.endswith("You are recorded present at meeting 1 (ToR 6.4)."), said
    assert "recorded present" not in chat.ok("carol", 'declare "I chair the provider forum"').text


def test_lieg_tabling_at_the_open_meeting_records_the_tabler_present_as_proposing_does(chat: Chat) -> None:
    """LIEG 6.3: frank's motion recorded him present, but alice tabling it with the steering group at the open
    meeting left her minuted absent."""
    chat.load("lieg")
    chat.ok("erin", "meeting schedule 2026-12-10 10:00 --chair @erin")
    at(chat, "2026-12-10", "10:00")
    chat.ok("erin", "meeting open")
    chat.ok("frank", 'motion "That LIEG meets in Hackney"')
    assert "You are recorded present at meeting 1." in chat.ok("alice", "motion table 1").text  # LIEG sets no quorum
    roll = dict(chat.ok("erin", "meeting close").fields)
    assert "alice" in roll["Present"] and "alice" not in roll.get("Absent", ""), roll
    assert "frank" in roll["Present"], roll


def test_a_motion_moved_again_after_one_like_it_was_decided_says_so(chat: Chat) -> None:
    """bob moved at meeting 2 the motion meeting 1 had already decided; it was recorded without a word. It is still
    recorded (no ToR forbids it), and he is told when the same motion was decided."""
    meeting_opened(chat, "cjcg", "bob", "carol", "dan")
    chat.ok("bob", 'motion "That the plan is adopted"')
    chat.ok("alice", "motion vote 1")
    for who in ("bob", "carol", "dan"):
        chat.ok(who, "vote 1 for")
    chat.ok("alice", "poll close 1")
    said = chat.ok("bob", 'motion "That the  plan is ADOPTED"').text
    assert "Motion 2 is proposed" in said, said
    assert "An identical motion was moved before: motion 1, decided at meeting 1 (carried)" in said, said
    assert "`motion withdraw 2`" in said, said


def test_declaring_again_at_the_open_meeting_what_was_declared_ahead_records_the_member_present(chat: Chat) -> None:
    """carol declared ahead of meeting 1 and said it again as it opened, without `here`: she was told it was already
    recorded, and minuted absent."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("carol", 'declare "I chair the provider forum"')
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    said = chat.ok("carol", 'declare "I chair the provider forum"').text
    assert "Already recorded" in said and said.endswith("You are recorded present at meeting 1 (ToR 6.4)."), said
    assert "carol" in dict(chat.ok("alice", "meeting close").fields)["Present"]


def test_a_withdrawn_motion_is_not_voted_on_or_put_to_the_vote(chat: Chat) -> None:
    meeting_opened(chat, "cjcg", "bob", "carol", "dan")
    chat.ok("bob", 'motion "That the plan is adopted"')
    chat.ok("bob", "motion withdraw 1")
    for who, command in (("carol", "vote 1 for"), ("alice", "motion vote 1"), ("alice", "poll close 1")):
        said = chat.refused(who, command).text
        assert said.startswith("Motion 1 was withdrawn by its proposer, so it is not voted on"), said
        assert 'move it again: motion "That the plan is adopted"' in said, said
