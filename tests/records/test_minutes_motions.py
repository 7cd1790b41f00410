"""A motion moved at a meeting is in its minutes, voted on or not, and closing the meeting says so of one never
put to the vote; the quorum section says when a meeting that opened short became quorate."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def cjcg_meeting(chat: Chat, *present: str) -> None:
    """CJCG loaded, sam schedules a meeting for 10 Dec 2026 at 10:00, alice opens it then and each of `present`
    says `here`."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    for who in present:
        chat.ok(who, "here")


def business(minutes: str) -> str:
    return minutes.split("## Business", 1)[1].split("\n## ", 1)[0]


def test_a_motion_never_put_to_the_vote_is_minuted_and_closing_says_so(chat: Chat) -> None:
    cjcg_meeting(chat, "bob", "carol", "dan")
    assert "motion vote 1" in chat.ok("bob", 'motion "That the plan is adopted"').text
    closed = chat.ok("alice", "meeting close").as_text()
    assert "Motion 1" in closed and "not put to the vote" in closed and "`motion vote 1`" in closed, closed
    minutes = business(chat.ok("alice", "minutes 1").text)
    assert "No agenda items or votes recorded." not in minutes
    assert "That the plan is adopted" in minutes and "Proposed by: bob" in minutes, minutes
    assert "Outcome: not put to the vote" in minutes, minutes
    assert "Votes:" not in minutes, minutes  # no tally of a vote never held


def test_the_minutes_list_every_motion_in_the_order_moved_with_its_outcome(chat: Chat) -> None:
    cjcg_meeting(chat, "bob", "carol", "dan")
    chat.ok("bob", 'motion "That the plan is adopted"')
    chat.ok("carol", 'motion "That the budget is noted"')
    chat.ok("alice", "motion vote 2")
    for who in ("bob", "carol", "dan"):
        chat.ok(who, "vote 2 for")
    chat.ok("alice", "poll close 2")
    chat.ok("dan", 'motion "That the review is deferred"')
    chat.ok("alice", "meeting close")
    minutes = business(chat.ok("alice", "minutes 1").text)
    first, second, third = (minutes.index(words) for words in
                            ("That the plan is adopted", "That the budget is noted", "That the review is deferred"))
    assert first < second < third, minutes
    assert minutes.count("Outcome: not put to the vote") == 2, minutes
    assert "Proposed by: carol" in minutes and "carried" in minutes.casefold(), minutes


def test_a_motion_voted_at_a_later_meeting_is_minuted_at_the_one_where_it_was_moved(chat: Chat) -> None:
    cjcg_meeting(chat, "bob", "carol", "dan")
    chat.ok("bob", 'motion "That the plan is adopted"')
    chat.ok("alice", "meeting close")
    chat.ok("sam", "meeting schedule 2027-01-08 10:00")
    chat.now = dt.datetime(2027, 1, 8, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    for who in ("bob", "carol", "dan"):
        chat.ok(who, "here")
    chat.ok("alice", "motion vote 1")
    assert "not put to the vote" not in chat.ok("alice", "minutes 2").text
    first = business(chat.ok("alice", "minutes 1").text)
    assert "That the plan is adopted" in first and "put to the vote at meeting 2" in first, first


def test_the_quorum_section_says_when_a_meeting_that_opened_short_became_quorate(chat: Chat) -> None:
    cjcg_meeting(chat)
    chat.now += dt.timedelta(minutes=2)
    chat.ok("bob", "here")
    chat.now += dt.timedelta(minutes=3)
    chat.ok("dan", "here")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").text
    quorum = minutes.split("## Quorum", 1)[1].split("\n## ", 1)[0]
    assert "not quorate" in quorum and "quorate from 10:05, when dan arrived" in quorum, quorum
    assert "6.4" in quorum, quorum


def test_the_quorum_section_says_a_meeting_that_opened_short_never_became_quorate(chat: Chat) -> None:
    cjcg_meeting(chat, "bob")
    chat.ok("alice", "meeting close")
    quorum = chat.ok("alice", "minutes 1").text.split("## Quorum", 1)[1].split("\n## ", 1)[0]
    assert "not quorate at any time before it closed (ToR 6.4)" in quorum, quorum
    assert "quorate from" not in quorum, quorum


def test_closing_with_an_untabled_motion_names_the_tabling_the_tor_asks_first(chat: Chat) -> None:
    chat.load("lieg")
    chat.ok("erin", "meeting schedule 2026-12-10 10:00 --chair @erin")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("erin", "meeting open")
    chat.ok("frank", "here")
    chat.ok("frank", 'motion "That LIEG meets in Hackney in 2027"')
    closed = chat.ok("erin", "meeting close").as_text()
    assert "Motion 1" in closed and "not put to the vote" in closed, closed
    assert "`motion table 1`" in closed and "(ToR 6.3)" in closed and "`motion vote 1`" in closed, closed
    minutes = business(chat.ok("erin", "minutes 1").text)
    assert "Hackney" in minutes and "Outcome: not put to the vote" in minutes, minutes
