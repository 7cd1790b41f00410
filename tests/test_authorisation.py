"""Who may do what follows the ToR; every refusal says why and what would work, and changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import AuditEvent, Ballot, SecretTally, SecretVoter
from tests import loaded
from tests.conftest import Chat


def audit_count(sessions: sessionmaker[Session]) -> int:
    with unit_of_work(sessions) as session:
        return int(session.scalar(select(func.count(AuditEvent.id))) or 0)


@pytest.fixture
def cjcg(chat: Chat) -> Chat:
    """The CJCG with a meeting scheduled and open, alice (chair), bob and carol present."""

    def schedule() -> None:
        chat.load("cjcg")
        chat.ok("alice", "meeting schedule 2026-12-03 10:00")
        chat.ok("alice", 'agenda add "Procurement"')

    loaded.made(chat.sessions, ("authorisation's cjcg", chat.now), schedule)  # tests/loaded.py
    return chat


def open_meeting(chat: Chat, *present: str) -> None:
    chat.ok("alice", "meeting open --confirm")
    for who in present:
        chat.ok(who, "here")


@pytest.mark.parametrize(
    ("who", "text", "words"),
    [
        ("bob", 'member add @zoe --seat "Lead Commissioner for CAMHS"',
         "Only the chair or the secretariat can co-opt members (ToR 7.1)"),
        ("bob", "member remove @carol", "Only the chair or the secretariat can remove"),
        ("bob", "chair @bob", "Only the chair or the secretariat can name the chair (ToR 6.2)"),
        ("bob", "meeting schedule 2026-12-20 10:00", "Only the chair or the secretariat can schedule"),
        ("bob", "meeting cancel 1", "Only the chair or the secretariat can cancel"),
        ("bob", 'agenda add "My item"', "Only the chair or the secretariat can set the agenda"),
        ("sam", "meeting open --confirm", "Only the chair (or the meeting's chair) can open a meeting. "
                                          "The ToR does not say who may, so this is the usual practice. Ask alice"),
        ("bob", "meeting open --confirm", "Only the chair"),
        ("bob", 'poll "Lunch?" "Yes" "No"', "Only the chair (or the meeting's chair) can call a poll"),
        ("zoe", 'declare "I own a care home"', "is confidential (ToR 6.7-6.9): only its members and their deputies"),
        ("zoe", "interests", "is confidential (ToR 6.7-6.9): only its members and their deputies see anything"),
        ("zoe", "apologies", "is confidential (ToR 6.7-6.9)"),
        ("bob", "deputy @zoe --for @carol", "Only the member themself, the chair or the secretariat can name a deputy for a member (ToR 7.2)"),
        ("bob", "deputy @carol", "carol already holds a seat"),
        ("bob", "deputy @zoe --meeting standing", "The ToR allows deputies only for a named meeting (ToR 7.2)"),
        ("bob", "group bind cjcg", "Only the chair or the secretariat can bind a channel to Children's Joint Commissioning Group"),
        ("bob", "review done", "Only the chair or the secretariat can record the review"),
        ("sam", 'motion "Adopt the plan"', "Only a voting member or the chair can propose motions in Children's Joint Commissioning Group"),
    ],
)
def test_refused_with_a_reason_and_nothing_recorded(cjcg: Chat, sessions: sessionmaker[Session], who: str,
                                                     text: str, words: str) -> None:
    before = audit_count(sessions)
    reply = cjcg.refused(who, text)
    assert words in reply.text
    assert reply.private
    assert audit_count(sessions) == before


def test_secretariat_seats_a_member_and_the_chair_names_a_chair(cjcg: Chat) -> None:
    reply = cjcg.ok("sam", 'member add @zoe --seat "Lead Commissioner for CAMHS"')
    assert reply.text == "zoe now holds Lead Commissioner for CAMHS as co-opted."
    assert "zoe, co-opted, non-voting" in dict(cjcg.ok("bob", "members").fields)["Lead Commissioner for CAMHS"]
    assert cjcg.ok("alice", 'chair @bob --agreed "meeting 4, minute 7"').text == \
        "bob is now the chair until 30 Nov 2027 (ToR 6.2); alice no longer chairs; agreed: meeting 4, minute 7."
    assert "Ask bob" in cjcg.refused("alice", "meeting cancel 1").text


def test_a_seat_already_held_is_not_silently_replaced(cjcg: Chat) -> None:
    reply = cjcg.refused("sam", 'member add @zoe --seat "Children\'s Commissioning"')
    assert "is held by alice. Remove them first" in reply.text


def test_only_voting_members_present_vote_once_and_a_changed_vote_counts_as_the_latest(cjcg: Chat) -> None:
    open_meeting(cjcg, "bob", "carol")
    cjcg.ok("alice", 'motion "Adopt the plan"')
    assert "not recorded present at meeting 1; say `here` first" in cjcg.refused("dan", "vote 1 for").text
    assert "is confidential (ToR 6.7-6.9)" in cjcg.refused("zoe", "vote 1 for").text
    cjcg.ok("sam", "here")
    assert "Your seat (Administrative support) is the secretariat and does not vote" in cjcg.refused("sam", "vote 1 for").text
    cjcg.ok("bob", "vote 1 for")
    assert "already recorded: For" in cjcg.ok("bob", "vote 1 for").text
    assert cjcg.ok("bob", "vote 1 against").text == "Your vote on motion 1 is changed to Against."
    fields = dict(cjcg.ok("alice", "results 1").fields)
    assert fields["For"].startswith("0 ") and fields["Against"].startswith("1 ") and fields["Voted"] == "1"


def test_a_deputy_votes_only_in_place_of_an_absent_member(cjcg: Chat, sessions: sessionmaker[Session]) -> None:
    cjcg.ok("carol", "deputy @yan")
    open_meeting(cjcg, "bob")
    cjcg.ok("yan", "here")
    cjcg.ok("alice", 'motion "Adopt the plan"')
    assert cjcg.ok("yan", "vote 1 for").text == "Your vote as deputy on motion 1 is recorded: For."
    reply = cjcg.ok("carol", "here")
    assert "yan no longer deputises for them" in reply.text
    assert "carol, for whom you deputised, is present and votes" in cjcg.refused("yan", "vote 1 against").text
    with unit_of_work(sessions) as session:
        ballots = session.scalars(select(Ballot)).all()
        assert len(ballots) == 1 and ballots[0].member_id != ballots[0].cast_by_id


def test_a_deputy_the_tor_does_not_let_vote_is_refused(chat: Chat) -> None:
    chat.load("cjcg")
    # Same group, but a ToR whose deputies attend without a vote.
    from pathlib import Path

    from bot.services.groups import import_group
    from tests.conftest import example

    text = Path(example("cjcg")).read_text().replace("  may_vote: true\n", "  may_vote: false\n")
    with unit_of_work(chat.sessions) as session:
        import_group(session, text, chat.now)
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    assert "may attend but not vote" in chat.ok("carol", "deputy @yan").text
    chat.ok("alice", "meeting open --confirm")
    chat.ok("bob", "here")
    chat.ok("dan", "here")
    assert "may not vote" in chat.ok("yan", "here").text
    chat.ok("alice", 'motion "Adopt the plan"')
    chat.refused("yan", "vote 1 for")


def test_secret_ballots_are_hidden_while_open_cannot_change_and_keep_no_link(cjcg: Chat,
                                                                           sessions: sessionmaker[Session]) -> None:
    open_meeting(cjcg, "bob", "carol")
    cjcg.ok("alice", 'poll "Preferred provider" "North" "South" --secret')
    assert "cannot be changed" in cjcg.ok("bob", "vote 1 North").text
    assert "already counted; secret ballots cannot be changed" in cjcg.ok("bob", "vote 1 South").text
    cjcg.ok("carol", "vote 1 2")
    open_fields = dict(cjcg.ok("dan", "results 1").fields)
    assert open_fields["North"] == "hidden until the poll closes" and open_fields["Voted"] == "2"
    closed = cjcg.ok("alice", "poll close 1")
    assert "tied between North and South, 1 vote each" in closed.text
    with unit_of_work(sessions) as session:
        assert session.scalars(select(Ballot)).all() == []
        assert len(session.scalars(select(SecretVoter)).all()) == 2
        assert sorted(t.count for t in session.scalars(select(SecretTally))) == [1, 1]
        for event in session.scalars(select(AuditEvent).where(AuditEvent.action.like("ballot%"))):
            assert "choices" not in event.detail


def test_a_member_with_an_interest_on_the_item_is_reminded_when_voting(cjcg: Chat) -> None:
    open_meeting(cjcg, "bob", "carol")
    cjcg.ok("bob", 'declare "My sister runs a bidder" --item 1')
    cjcg.ok("alice", 'motion "Award the contract" --item 1')
    reply = cjcg.ok("bob", "vote 1 for")
    assert reply.notices == ("Reminder: an interest was declared on this item: My sister runs a bidder. The ToR asks "
                             "that it be declared and recorded (ToR 6.5), and says nothing of a member with an "
                             "interest not voting: whether to vote is yours to judge, with the chair.",)
    assert cjcg.ok("carol", "vote 1 for").notices == ()


def test_only_the_chair_closes_a_vote_and_a_meeting_with_an_open_vote_stays_open(cjcg: Chat) -> None:
    open_meeting(cjcg, "bob", "carol")
    cjcg.ok("alice", 'motion "Adopt the plan"')
    assert "Only the chair" in cjcg.refused("bob", "poll close 1").text
    assert "Motion 1 is still open; close it with `poll close 1` first" in cjcg.refused("alice", "meeting close").text
    assert "The ToR gives the chair no casting vote." in cjcg.refused("alice", "poll close 1 --casting for").text
    cjcg.ok("alice", "poll close 1")
    assert "Motion 1 is closed" in cjcg.refused("bob", "vote 1 for").text


def test_the_meetings_own_chair_may_open_it(chat: Chat) -> None:
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin")
    chat.refused("frank", "meeting open --confirm")
    chat.ok("erin", "meeting open --confirm")


def test_a_poll_past_its_deadline_takes_no_votes(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", 'poll "Away day venue" "Leigh" "Shoebury" --closes "2026-12-02 17:00"')
    chat.ok("bob", "vote 1 Leigh")
    chat.advance(days=2)
    assert "Voting on poll 1 closed at Wed 2 Dec 2026, 17:00 GMT" in chat.refused("carol", "vote 1 Leigh").text


def test_no_reporting_duty_means_no_report_to_record(chat: Chat) -> None:
    chat.load("lciib")
    assert "sets no reporting duty" in chat.refused("alice", "report done").text


def test_a_member_present_at_an_open_meeting_cannot_turn_it_into_apologies(cjcg: Chat,
                                                                          sessions: sessionmaker[Session]) -> None:
    open_meeting(cjcg, "bob")
    before = audit_count(sessions)
    reply = cjcg.refused("bob", "apologies something came up")
    assert "You are recorded present at meeting 1, so apologies no longer apply" in reply.text
    assert audit_count(sessions) == before
    assert "bob" in dict(cjcg.ok("alice", "attendance").fields)["Present"]
