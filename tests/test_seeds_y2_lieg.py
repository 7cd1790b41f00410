"""LIEG (seed 003) meetings as its steering group runs them, where the bot differed from the document (round Y2)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def lieg_meeting_open(chat: Chat) -> None:
    """LIEG meeting 1 on 10 Dec 2026 at 10:00 at Barnet, scheduled by alice (a co-chair, on the steering group, 3.1)
    with erin in the chair (5.1) and bob to take the minutes (5.2), and opened by erin."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("lieg")
    chat.ok("alice", 'meeting schedule 2026-12-10 10:00 --where "Barnet" --chair @erin --minutes @bob')
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("erin", "meeting open")


def test_lieg_a_third_representative_over_the_cap_is_not_minuted_absent(chat: Chat) -> None:
    """LIEG 2.1: "Each London LA member to provide a minimum of one representative, with a maximum of two attending
    at any one time". Barnet sent alice and carol; dan, its third, was turned away at the cap. The close and the
    minutes listed him 'Absent', beside ivy and jack who did not come, though the ToR kept him out and his
    authority attended in full. He is listed apart, saying why; the others not there stay absent."""
    lieg_meeting_open(chat)
    chat.ok("alice", "here")
    chat.ok("carol", "here")
    assert "at most 2 per organisation" in chat.refused("dan", "here").text
    chat.ok("frank", "here")
    closed = dict(chat.ok("erin", "meeting close").fields)
    assert "dan" not in closed["Absent"], closed
    assert closed["Not attending"] == "dan (Barnet had 2 attending, at most 2 per organisation at once; ToR 2.1)", \
        closed
    minutes = chat.ok("bob", "minutes 1").text
    assert "- **Absent:** bob (Camden), grace (Southwark), harry (ALDCS), ivy (ALDCS), jack (ALDCS)\n" in minutes, \
        minutes
    assert "- **Not attending, their organisation having 2 attending (at most 2 per organisation at once, ToR 2.1):" \
           "** dan (Barnet)" in minutes, minutes


def test_lieg_representatives_of_an_authority_under_its_cap_stay_absent(chat: Chat) -> None:
    """LIEG 2.1 caps those attending, it does not excuse them: with only alice there for Barnet, carol and dan
    could have come, and are minuted absent."""
    lieg_meeting_open(chat)
    chat.ok("alice", "here")
    closed = dict(chat.ok("erin", "meeting close").fields)
    assert "carol" in closed["Absent"] and "dan" in closed["Absent"], closed
    assert "Not attending" not in closed, closed
    assert "Not attending" not in chat.ok("bob", "minutes 1").text


def test_lieg_the_minute_taker_taking_the_roll_in_the_room_is_present(chat: Chat) -> None:
    """LIEG 5.2: "A member of the steering group will volunteer to take the minutes." bob, taking them, recorded
    the room (`here @alice @carol @frank`) and was not himself recorded present, as he is when he minutes an item
    or records an action: the vote that followed counted 4 'entitled to vote' (6.3: "all members of the group
    present") with bob in the room, and had he done nothing more the minutes would list him absent."""
    lieg_meeting_open(chat)
    said = chat.ok("bob", "here @alice @carol @frank").text
    assert said.endswith("You are recorded present at meeting 1."), said
    chat.ok("erin", 'motion "That the LIEG meets online from 2027"')
    chat.ok("alice", "motion table 1")
    chat.ok("erin", "motion vote 1")
    for who in ("alice", "carol", "frank"):
        chat.ok(who, "vote 1 for")
    outcome = chat.ok("erin", "poll close 1").fields
    assert "needs 3 of the 5 entitled to vote" in dict(outcome)["Outcome"], outcome
    closed = dict(chat.ok("erin", "meeting close").fields)
    assert "bob" in closed["Present"] and "bob" not in closed["Absent"], closed


def test_lieg_members_shows_who_sits_on_the_steering_group(chat: Chat) -> None:
    """LIEG 3.1: the steering group ("at least the Co-chairs but including other London LAs by invitation") plans
    the meetings, tables motions (6.3) and approves the minutes (5.2). `members` did not say who sits on it, so a
    member could learn it only from a refusal. Each holder of a steering seat is marked so; others are not."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("lieg")
    seats = dict(chat.ok("frank", "members").fields)
    assert seats["Hackney representative (Hackney)"] == "erin, steering group", seats
    assert seats["Barnet representative (Barnet)"] == "alice, co-chair, steering group", seats
    assert seats["Islington representative (Islington)"] == "frank", seats


def test_lieg_a_vote_between_meetings_is_refused_by_the_rule_not_sent_to_the_co_chairs(chat: Chat) -> None:
    """LIEG 6.3: "Agreement will only be made once it is tabled and a vote enacted with all the LIEG members
    present". frank and erin, asking between meetings to open the vote on a tabled motion, were told "Only the
    chair ... Ask alice or bob", who would then be refused: no vote is held between meetings. They are told so; at
    a meeting the chair still opens it."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("lieg")
    chat.ok("frank", 'motion "That the LIEG invites the DfE to its March meeting"')
    chat.ok("erin", "motion table 1")
    for who in ("frank", "erin", "alice"):
        said = chat.refused(who, 'motion vote 1 --closes "20 Dec 17:00"').text
        assert said.startswith("Under the ToR this is decided by a majority of the voting members present at a "
                               "meeting (ToR 6.3)"), (who, said)
        assert "Ask alice or bob" not in said, said


def test_lieg_two_kept_out_of_one_authority_are_named_once_with_the_reason(chat: Chat) -> None:
    """LIEG 2.1 and 2.4: carol came with olga beside her ("an alternative or additional individual"), Barnet's two;
    alice and dan, its other representatives, are not minuted absent, and the close says why once for both."""
    lieg_meeting_open(chat)
    chat.ok("carol", "deputy @olga")
    chat.ok("carol", "here")
    chat.ok("olga", "here")
    closed = dict(chat.ok("erin", "meeting close").fields)
    assert closed["Not attending"] == ("alice and dan (Barnet had 2 attending, at most 2 per organisation at once; "
                                       "ToR 2.1)"), closed
    assert "alice" not in closed["Absent"] and "dan" not in closed["Absent"], closed


def test_lieg_a_named_minute_taker_who_did_not_come_is_not_minuted_as_taking_them(chat: Chat) -> None:
    """LIEG 5.2: "A member of the steering group will volunteer to take the minutes." bob volunteered when meeting 1
    was scheduled but did not come; the minutes read 'Minute-taker: bob (Camden)' and 'Absent: bob (Camden)', and
    once it closed nobody could say who did take them ("name who takes the minutes of a meeting still to come or
    open"). The close says so, the draft marks it, and erin, who was there, is recorded as minute-taker until the
    minutes are approved; frank, absent, is not."""
    lieg_meeting_open(chat)
    chat.ok("alice", "here")
    closed = chat.ok("erin", "meeting close")
    assert any(n.startswith("bob, named to take the minutes of meeting 1, is minuted absent") for n in closed.notices), \
        closed.notices
    draft = chat.ok("erin", "minutes 1").text
    assert "- **Minute-taker:** bob (Camden) — named to take them, but minuted absent\n" in draft, draft
    assert "was not recorded at meeting 1" in chat.refused("erin", "meeting minute-taker @frank --meeting 1").text
    said = chat.ok("erin", "meeting minute-taker @erin --meeting 1").text
    assert said.startswith("erin takes the minutes of meeting 1"), said
    assert "- **Minute-taker:** erin (Hackney)\n" in chat.ok("erin", "minutes 1").text
    chat.ok("alice", "minutes approve 1")
    assert "locked" in chat.refused("erin", "meeting minute-taker @alice --meeting 1").text
