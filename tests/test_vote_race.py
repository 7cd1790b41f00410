"""Votes racing on PostgreSQL through two replicas' engines: a first vote takes its group's audit chain lock with the
ballot's own insert (bot/services/ballot_write.py), so a member changing their vote while others vote still ends with
one ballot, the one the newest of their ballot events in the chain records, and a chain that verifies."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select

from bot.conversation import respond
from bot.db import make_engine, session_factory
from bot.models import AuditEvent, Ballot, Identity
from bot.records.audit_trail import verify
from bot.replies import Reply
from bot.services.context import Place, Speaker
from tests.conftest import START, cjcg_in_room

ROOM = Place("console", "room")
AT = START + dt.timedelta(minutes=1)


@pytest.mark.postgres
def test_a_member_changing_their_vote_while_others_vote_keeps_one_ballot_and_the_chain(
        postgres_schema_url: str) -> None:
    engine, sessions = cjcg_in_room(postgres_schema_url, ROOM)
    other = session_factory(make_engine(postgres_schema_url))  # the second replica's engine
    respond(sessions, Speaker("console", "alice", "alice"), ROOM,
            'poll "Away day venue" "Leigh" "Shoebury" --closes "2026-12-31 17:00"', AT)
    replies: list[tuple[str, str, Reply]] = []
    said = [("bob", "Leigh"), ("bob", "Shoebury")] * 4 + [(who, "Leigh") for who in ("carol", "dan", "erin", "frank")]

    def vote(n: int, who: str, choice: str) -> None:
        reply = respond((sessions, other)[n % 2], Speaker("console", who, who), ROOM, f"vote 1 {choice}", AT)
        replies.append((who, choice, reply))

    votes = [threading.Thread(target=vote, args=(n, who, choice)) for n, (who, choice) in enumerate(said)]
    for thread in votes:
        thread.start()
    for thread in votes:
        thread.join()
    assert not any(reply.error for _, _, reply in replies), [r.text for _, _, r in replies if r.error]
    with sessions() as session:
        assert verify(session).intact, verify(session).problems[:3]
        bob = session.scalar(select(Identity.person_id).where(Identity.external_id == "bob"))
        ballots = session.execute(select(Ballot.member_id, Ballot.choices)).all()
        assert len(ballots) == 5 and len({member for member, _ in ballots}) == 5  # one each
        events = session.scalars(select(AuditEvent).where(AuditEvent.action.in_(("ballot.cast", "ballot.changed")))
                                 .order_by(AuditEvent.seq)).all()
    of_bob = [e for e in events if e.detail["member"] == bob]
    assert [e.action for e in of_bob][:1] == ["ballot.cast"] and len([e for e in events if e.action == "ballot.cast"]) == 5
    assert dict(ballots)[bob] == of_bob[-1].detail["choices"]  # the newest in the chain is the ballot that stands
    written = [r for who, _, r in replies if who == "bob" and "already recorded" not in r.text]
    assert len(written) == len(of_bob)  # each vote that wrote the ballot has its event, and no other
    engine.dispose()
    other.kw["bind"].dispose()
