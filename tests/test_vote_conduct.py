"""Votes are run as the ToR says: quorum between meetings, polls under the motions' rules, the group's end
date, confidentiality, and secret ballots kept secret."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import AuditEvent, Poll
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
    if closed_by == "chair":
        reply = chat.ok("alice", "poll close 1")
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
    chat.ok("alice", "poll close 1")
    assert (outcome(sessions, 1) or "").startswith("carried: 3 for")
