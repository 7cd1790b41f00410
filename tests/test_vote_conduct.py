"""Votes are run as the ToR says: quorum between meetings, polls under the motions' rules, the group's end
date, confidentiality, and secret ballots kept secret."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import respond
from bot.db import unit_of_work
from bot.models import AuditEvent, Poll, QuorumCheck, SecretVoter
from bot.services.context import Place, Speaker
from bot.services.polls import close_at_deadline
from tests.conftest import Chat


def audit_count(sessions: sessionmaker[Session]) -> int:
    with unit_of_work(sessions) as session:
        return int(session.scalar(select(func.count(AuditEvent.id))) or 0)


def outcome(sessions: sessionmaker[Session], poll_id: int) -> str | None:
    with unit_of_work(sessions) as session:
        poll = session.get(Poll, poll_id)
        assert poll is not None
        return poll.outcome


@pytest.mark.parametrize("kind", ["motion", "poll"])
@pytest.mark.parametrize("closed_by", ["chair", "deadline"])
def test_a_vote_between_meetings_decides_nothing_without_a_quorum_of_voters(
        chat: Chat, sessions: sessionmaker[Session], kind: str, closed_by: str) -> None:
    chat.load("cjcg")
    ask = 'motion "Adopt the plan"' if kind == "motion" else 'poll "Venue?" "Barnet" "Camden"'
    chat.ok("alice", f'{ask} --closes "2026-12-05 17:00"')
    chat.ok("bob", "vote 1 for" if kind == "motion" else "vote 1 Barnet")
    if closed_by == "chair":  # before the deadline, knowingly (a motion needs --early)
        reply = chat.ok("alice", "poll close 1 --early")
        assert "no quorum" in reply.text
    else:
        with unit_of_work(sessions) as session:
            card = close_at_deadline(session, 1, dt.datetime(2026, 12, 5, 17, 1, tzinfo=dt.UTC))
        assert card is not None and "no quorum" in card.text
    verdict = "not carried" if kind == "motion" else "no decision"
    assert outcome(sessions, 1) == f"{verdict}: no quorum — only 1 voted, at least 3 must (ToR 6.4)"


def test_a_vote_between_meetings_with_a_quorum_of_voters_is_decided(chat: Chat,
                                                                    sessions: sessionmaker[Session]) -> None:
    chat.load("cjcg")
    chat.ok("alice", 'motion "Adopt the plan" --closes "2026-12-05 17:00"')
    for who in ("bob", "carol", "dan"):
        chat.ok(who, "vote 1 for")
    chat.ok("alice", "poll close 1 --early")  # before the deadline, with members yet to vote
    assert (outcome(sessions, 1) or "").startswith("carried: 3 for")


@pytest.mark.parametrize(
    ("group", "setup", "who", "text", "words"),
    [
        # A poll at an open meeting that is not quorate is refused, as a motion's vote is.
        ("cjcg", ["alice: meeting schedule 2026-12-03 10:00", "alice: meeting open --confirm"], "alice", 'poll "Venue?" "Barnet" "Camden"',
         "The meeting is not quorate — 1 member present, 3 needed (ToR 6.4); a vote needs a quorate meeting."),
        # LIEG decides only at meetings (ToR 6.3): a poll between meetings is a sounding, and needs a deadline.
        ("lieg", [], "alice", 'poll "Venue?" "Barnet" "Camden"',
         "A vote between meetings needs a deadline: that is how govbot runs a vote by email, so that it closes (the "
         "ToR sets none)."),
        # ... and a motion waits for a meeting.
        ("lieg", [], "alice", 'motion "Meet online" --closes "2026-12-08 17:00"',
         "In London Information Exchange Group motions are voted on only at a meeting (ToR 6.3)"),
        # CSCPWG operated until 27 Jun 2023 (its Operation clause): no new motions or polls.
        # Until it elects a chair (ToR Governance) its secretariat calls the votes.
        ("cscpwg", [], "sam", 'poll "Venue?" "Barnet" "Camden"',
         "Children's Social Care Placements Working Group operated until 27 Jun 2023 (ToR Operation), so it can "
         "no longer call a poll"),
        ("cscpwg", [], "alice", 'motion "Adopt the report"',
         "Children's Social Care Placements Working Group operated until 27 Jun 2023 (ToR Operation), so it can "
         "no longer take motions"),
    ],
)
def test_polls_and_motions_follow_the_tor_or_are_refused_saying_why(
        chat: Chat, sessions: sessionmaker[Session], group: str, setup: list[str], who: str, text: str,
        words: str) -> None:
    chat.load(group)
    for line in setup:
        chat.ok(*line.split(": ", 1))
    before = audit_count(sessions)
    reply = chat.refused(who, text)
    assert words in reply.text
    assert audit_count(sessions) == before
    with unit_of_work(sessions) as session:
        assert session.scalar(select(func.count(Poll.id))) == 0


def test_a_quorate_meeting_takes_a_poll_and_records_its_quorum(chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-01 10:00")
    chat.ok("alice", "meeting open --confirm")
    for who in ("bob", "carol"):
        chat.ok(who, "here")
    reply = chat.ok("alice", 'poll "Venue?" "Barnet" "Camden"')
    assert "Poll 1 is open." in reply.text
    assert "tabled" not in reply.as_text()
    with unit_of_work(sessions) as session:
        check = session.scalar(select(QuorumCheck).where(QuorumCheck.poll_id == 1))
        assert check is not None and check.quorate and check.counted == 3


def test_a_time_limited_group_takes_no_deadline_after_its_end(chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.now = dt.datetime(2023, 6, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cscpwg")  # no chair elected yet (ToR Governance): its secretariat calls the vote
    before = audit_count(sessions)
    reply = chat.refused("sam", 'poll "Venue?" "Barnet" "Camden" --closes "2023-06-30 17:00"')
    assert reply.text == ("Children's Social Care Placements Working Group operates until 27 Jun 2023 "
                          "(ToR Operation); give a --closes deadline on or before 27 Jun 2023.")
    assert audit_count(sessions) == before
    chat.ok("sam", 'poll "Venue?" "Barnet" "Camden" --closes "2023-06-27 17:00"')


@pytest.mark.parametrize(("text", "what"), [("results 1", "its votes"), ("polls", "its votes"),
                                            ("agenda", "its agendas"), ("agenda 1", "its agendas"),
                                            ("meetings", "its meetings")])
def test_a_confidential_group_shows_its_votes_and_meetings_to_members_only(
        chat: Chat, sessions: sessionmaker[Session], text: str, what: str) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    chat.ok("alice", 'agenda add "Placement of child K"')
    chat.ok("alice", 'motion "Fund the placement of child K" --closes "2026-12-31 17:00"')
    before = audit_count(sessions)
    reply = chat.refused("zoe", text)
    assert reply.text == ("Children's Joint Commissioning Group is confidential (ToR 6.7-6.9): only its members and "
                          "their deputies see anything of it. If you should be one of them, ask the person who "
                          "invited you to the channel to have you seated.")
    assert "child K" not in reply.as_text()
    assert audit_count(sessions) == before
    assert "child K" in chat.ok("bob", text).as_text() or text == "meetings"


def test_a_secret_ballot_typed_where_the_channel_reads_it_is_refused(chat: Chat,
                                                                     sessions: sessionmaker[Session]) -> None:
    chat.load("cjcg")
    chat.ok("alice", 'poll "Venue?" "Barnet" "Camden" --secret --closes "2026-12-31 17:00"')
    before = audit_count(sessions)
    public = Place("console", "room", said_in_public=True)
    reply = respond(sessions, Speaker("console", "bob", "bob"), public, "vote 1 Barnet", chat.now)
    assert reply.error and reply.text == ("This poll is secret, and what you type here is seen by the channel: vote "
                                          "with the buttons on the poll's card (only you see your choice).")
    assert audit_count(sessions) == before
    with unit_of_work(sessions) as session:
        assert session.scalar(select(func.count(SecretVoter.id))) == 0
    chat.ok("bob", "vote 1 Barnet")  # where only bob sees what he typed (a slash command, a 1:1 chat)


def test_results_between_a_polls_deadline_and_its_declaration_say_voting_has_closed(chat: Chat) -> None:
    """A poll's result is declared by the scheduler's next pass after its deadline; `results` in between said
    "Closes: 17:00" at 17:00:30, as if votes were still taken (they are refused)."""
    chat.load("cjcg")
    chat.ok("alice", 'poll "Where shall we meet in spring?" "Civic Centre" "Online" --closes "2026-12-03 17:00"')
    assert dict(chat.ok("bob", "results 1").fields)["Closes"] == "Thu 3 Dec 2026, 17:00 GMT"
    chat.now = dt.datetime(2026, 12, 3, 17, 0, 30, tzinfo=dt.UTC)
    fields = dict(chat.ok("bob", "results 1").fields)
    assert "Closes" not in fields
    assert fields["Closed"] == "Thu 3 Dec 2026, 17:00 GMT: no more votes; the result is being declared"
    assert "closed at" in chat.refused("bob", "vote 1 Online").text
