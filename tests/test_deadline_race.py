"""A vote at a poll's deadline and the scheduler's close of that poll on PostgreSQL: a first vote takes its group's
audit chain lock in the ballot's insert and then, for the ballot's foreign key, a share lock on the poll row
(bot/services/ballot_write.py). The close must take the two in the same order, or each waits for the other and
PostgreSQL aborts one of them as a deadlock."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from sqlalchemy import text

from bot.conversation import respond
from bot.db import make_engine, unit_of_work
from bot.services.context import Place, Speaker
from bot.services.polls import close_at_deadline
from tests.conftest import START, cjcg_in_room

ROOM = Place("console", "room")


@pytest.mark.postgres
def test_the_close_at_the_deadline_waits_for_a_vote_holding_the_chain_without_locking_the_poll_first(
        postgres_schema_url: str) -> None:
    engine, sessions = cjcg_in_room(postgres_schema_url, ROOM)
    assert not respond(sessions, Speaker("console", "alice", "alice"), ROOM,
                       'poll "Away day venue" "Leigh" "Shoebury" --closes "2026-12-01 17:00"', START).error
    with sessions() as session:
        poll_id, group_id = session.execute(text("SELECT id, group_id FROM polls")).one()
    replica = make_engine(postgres_schema_url)
    voter = replica.connect()  # a vote in flight, on the other replica
    voter.execute(text("SELECT pg_advisory_xact_lock(4242, :g)"), {"g": group_id})  # the ballot's insert took it
    closed: list[object] = []

    def close() -> None:
        with unit_of_work(sessions) as session:
            closed.append(close_at_deadline(session, poll_id, START + dt.timedelta(hours=9)))

    closing = threading.Thread(target=close)
    closing.start()
    waited = time.monotonic() + 10
    while time.monotonic() < waited and not voter.execute(text(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).scalar():
        time.sleep(0.02)  # until the close waits for the chain
    voter.execute(text("SET LOCAL lock_timeout = '3s'"))
    # the ballot's foreign-key check: it must not wait for the close, which waits for this vote
    voter.execute(text("SELECT 1 FROM polls WHERE id = :p FOR KEY SHARE"), {"p": poll_id})
    voter.commit()
    closing.join(timeout=20)
    assert closed and closed[0] is not None  # and the close then went ahead, the result for the channel
    voter.close()
    replica.dispose()
    engine.dispose()
