"""The seed groups' meetings as their members type them (round Z): where the bot named someone the ToR has no seat
for, listed those present out of order, or gave no useful answer to plain words, each fixed."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import at, meeting_opened
from tests.test_seeds_y1 import cscpwg_chair_elected_in_january


def lieg_meeting_open(chat: Chat) -> None:
    """LIEG's meeting 1 on 3 Dec 2026, opened by alice, a co-chair (ToR 3.1, 5.1)."""
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    at(chat, "2026-12-03", "10:00")
    chat.ok("alice", "meeting open")


def test_lieg_names_no_secretariat_it_has_no_seat_for(chat: Chat) -> None:
    """LIEG has no secretariat seat, yet `terms` said "the chair or the secretariat" may seat a member, mark an
    action done or record the review. Only who exists is named; CJCG, which has one (ToR 6.3), still names it."""
    chat.load("lieg")
    said = chat.ok("alice", "terms").as_text()
    assert "secretariat" not in said, said
    assert "Who may seat or remove a member: the chair (or a co-chair) (default" in said, said
    assert "Who may mark an action done: the action's owner or the chair (default" in said, said
    assert "Who may record a review or report done: the chair (or a co-chair) (default" in said, said
    chat.load("cjcg", channel="cjcg")
    said = chat.say("alice", "terms", channel="cjcg").as_text()
    assert "Who may mark an action done: the action's owner, the chair or the secretariat" in said, said


def test_lieg_who_may_not_mark_an_action_done_is_told_who_may(chat: Chat) -> None:
    """frank, a member, may not mark carol's action done: the refusal names her and the chair, no secretariat;
    carol (its owner) and alice (a co-chair) may."""
    lieg_meeting_open(chat)
    chat.ok("alice", "action @carol send the returns")
    chat.ok("alice", "action @dan check the figures")
    refused = chat.refused("frank", "action done 1").text
    assert refused.startswith("Only the action's owner or the chair can mark action 1 done."), refused
    assert "secretariat" not in refused, refused
    chat.ok("carol", "action done 1")
    chat.ok("alice", "action done 2")


def test_lieg_who_may_not_record_the_review_is_told_who_may(chat: Chat) -> None:
    """carol, a member, may not record LIEG's review done; alice, a co-chair, may (the usual practice: the ToR is
    silent on who records it)."""
    chat.load("lieg")
    refused = chat.refused("carol", "review done").text
    assert refused.startswith("Only the chair (or a co-chair) can "), refused
    assert "secretariat" not in refused, refused
    chat.ok("alice", "review done")


def plpcp_one_motion_tied(chat: Chat) -> None:
    """PLPCP's meeting of 10 Dec 2026: alice chairs, carol present; motion 1 tied 1-1."""
    meeting_opened(chat, "plpcp", "carol")
    chat.ok("alice", 'motion "That the pilot is funded"')
    chat.ok("alice", "vote 1 for")
    chat.ok("carol", "vote 1 against")


def test_poll_close_with_one_vote_open_closes_it(chat: Chat) -> None:
    """`vote for` with one vote open is cast there, yet `poll close`, `poll close --casting for` and `casting vote
    for` still asked for its number. With one open, they act on it; with two, they ask which, listing them."""
    plpcp_one_motion_tied(chat)
    no_casting = "The ToR gives the chair no casting vote. A tie is not carried; close the vote with `poll close 1`."
    assert chat.refused("alice", "poll close --casting for").text == no_casting
    assert chat.refused("alice", "casting vote for").text == no_casting
    refused = chat.refused("carol", "poll close").text  # who may not close it is told who may
    assert refused.startswith("Only the chair (or the meeting's chair) can close"), refused
    assert "Motion 1 is closed" in chat.ok("alice", "poll close").as_text()


def test_poll_close_with_two_votes_open_asks_which(chat: Chat) -> None:
    meeting_opened(chat, "plpcp", "carol")
    chat.ok("alice", 'motion "That the pilot is funded"')
    chat.ok("alice", 'poll "Next venue?" "Barnet" "Camden"')
    for typed in ("poll close", "casting vote for"):
        said = chat.refused("alice", typed).text
        assert said.endswith('Open polls and motions: 1 "That the pilot is funded", 2 "Next venue?".'), said


def test_plain_words_in_a_meeting_are_read_as_the_command_meant(chat: Chat) -> None:
    """"I'm here", "I am here" and "@govbot here" (the bot's own mention, as Slack and Teams strip theirs) record
    the speaker present; "I abstain" abstains on the one vote open, and with two open asks which."""
    lieg_meeting_open(chat)
    assert chat.ok("bob", "I'm here").text == "bob is present."
    assert chat.ok("carol", "I am here.").text == "carol is present."
    assert chat.ok("erin", "@govbot here").text == "erin is present."
    chat.ok("alice", 'poll "Lunch at noon?" "Yes" "No" "Abstain"')
    assert "abstain" in chat.ok("carol", "I abstain").as_text().casefold()
    chat.ok("alice", 'poll "Venue?" "Barnet" "Camden"')
    said = chat.refused("bob", "I abstain").text
    assert said.endswith('Open polls and motions: 1 "Lunch at noon?", 2 "Venue?".'), said


def test_those_present_are_listed_chair_first_then_in_membership_order(chat: Chat) -> None:
    """LIEG: erin, named to chair meeting 1 (ToR 5.1), opens it; carol sends apologies and then comes, bob and alice
    arrive after her. `attendance`, the close and the minutes listed "Present: erin, carol, bob, alice", the order
    the roll was recorded in: they list the chair first, then the members as `members` does."""
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00 --chair @erin")
    chat.ok("carol", "apologies")
    at(chat, "2026-12-03", "10:00")
    chat.ok("erin", "meeting open")
    for member in ("carol", "bob", "alice"):
        chat.ok(member, "here")
    assert "  Present: erin, alice, bob, carol\n" in chat.ok("erin", "attendance").as_text()
    closed = chat.ok("erin", "meeting close").as_text()
    assert "Present: erin, alice, bob, carol" in closed, closed
    minutes = chat.ok("erin", "minutes 1").as_text()
    assert "Present:** erin (Hackney), alice (Barnet), bob (Camden), carol (Barnet)" in minutes, minutes


def test_cscpwg_after_the_elected_chair_leaves_the_prompts_say_the_seat_is_vacant(chat: Chat) -> None:
    """CSCPWG Governance: alice, elected chair in January, left the group on 1 Feb 2023. The prompts still said "The
    ToR has the group elect its chair, and none is elected yet", as if none ever was: they say the chair's seat is
    vacant since she left and an election is needed. bob, a member, still may not open the meeting; sam may."""
    cscpwg_chair_elected_in_january(chat)
    chat.now = dt.datetime(2023, 2, 1, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "member remove @alice")
    chat.ok("sam", "meeting schedule 2023-02-07 10:00")
    chat.now = dt.datetime(2023, 2, 7, 10, 0, tzinfo=dt.UTC)
    vacant = ("The chair's seat is vacant since alice, the chair, left the group on 1 Feb 2023; the ToR has the group "
              "elect its chair, so an election is needed (ToR Governance)")
    refused = chat.refused("bob", "meeting open").text
    assert vacant + ". Until then the secretariat (sam) opens the meeting" in refused, refused
    assert "none is elected yet" not in refused, refused
    opened = chat.ok("sam", "meeting open").as_text()
    assert vacant + ": sam presides until then." in opened, opened
    refused = chat.refused("sam", "meeting chair @bob").text
    assert refused.startswith("bob cannot be named to chair a meeting before the group has elected a new chair. "
                              + vacant), refused


def test_an_action_due_by_a_day_and_month_typed_in_its_words(chat: Chat) -> None:
    """An action typed "... by 10 jan" (a day and month after "by", at the end) is due that day, the words kept as
    typed, as "by Friday" is (tests/test_seeds_y2_cjcg.py); so are "by 10 January 2027" and "by 2027-01-10"."""
    lieg_meeting_open(chat)
    for typed in ("by 10 jan", "by 10 January 2027", "by 2027-01-10", "by 10 Jan."):
        said = chat.ok("alice", f"action @carol send the returns {typed}").text
        assert said.endswith((f": send the returns {typed.rstrip('.')} (owner carol, due 10 Jan 2027).",
                              f": send the returns {typed} (owner carol, due 10 Jan 2027).")), said
