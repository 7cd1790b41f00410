"""One audit chain per group: groups never wait on each other's lock, and one group's events stay in order."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Engine, Table, bindparam, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot import audit
from bot.db import make_engine, session_factory, unit_of_work
from bot.models import AuditEvent, Group, Membership
from bot.records.audit_trail import verify
from bot.services.groups import import_group
from tests.conftest import START, example, migrated

WRITERS, EACH = 4, 10


def two_groups(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with unit_of_work(sessions) as session:
        first = import_group(session, example("cjcg").read_text(encoding="utf-8"), START)
        second = import_group(session, example("lieg").read_text(encoding="utf-8"), START)
        return first.id, second.id


def write(sessions: sessionmaker[Session], group_id: int, writer: int) -> None:
    for n in range(EACH):
        with unit_of_work(sessions) as session:
            audit.record(session, action="test.written", at=START + dt.timedelta(seconds=n), group_id=group_id,
                         actor_id=None, writer=writer, n=n)


def concurrent_writers_keep_each_chain_whole(sessions: sessionmaker[Session]) -> None:
    groups = two_groups(sessions)
    threads = [threading.Thread(target=write, args=(sessions, groups[w % 2], w)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with unit_of_work(sessions) as session:
        assert verify(session).intact, verify(session).problems
        for group_id in groups:
            seqs = list(session.scalars(select(AuditEvent.seq).where(AuditEvent.group_id == group_id)
                                        .order_by(AuditEvent.id)))
            # Every event took the next place in its group's chain, in the order they were written.
            assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) > WRITERS // 2 * EACH
            for writer in range(group_id % 2, WRITERS, 2):
                mine = [e.detail["n"] for e in session.scalars(select(AuditEvent).where(
                    AuditEvent.group_id == group_id, AuditEvent.action == "test.written").order_by(AuditEvent.seq))
                    if e.detail["writer"] == writer]
                assert mine in ([], list(range(EACH)))


def test_concurrent_writers_on_sqlite_keep_each_groups_chain_in_order(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'g.db'}"
    migrated(url)
    engine = make_engine(url)
    concurrent_writers_keep_each_chain_whole(session_factory(engine))
    engine.dispose()


@pytest.fixture
def postgres(postgres_schema_url: str) -> Iterator[Engine]:
    migrated(postgres_schema_url)  # a copy of a migrated schema (tests/pg_template.py): these are about locks
    engine = make_engine(postgres_schema_url, pool_size=WRITERS + 2)
    yield engine
    engine.dispose()


@pytest.mark.postgres
def test_concurrent_writers_on_postgresql_keep_each_groups_chain_in_order(postgres: Engine) -> None:
    concurrent_writers_keep_each_chain_whole(session_factory(postgres))


@pytest.mark.postgres
def test_a_group_writing_never_waits_for_another_groups_lock_on_postgresql(postgres: Engine) -> None:
    sessions = session_factory(postgres)
    first, second = two_groups(sessions)
    with sessions() as holder, holder.begin():
        # An unfinished change in the first group holds that group's chain.
        audit.record(holder, action="test.held", at=START, group_id=first, actor_id=None)
        with sessions() as other, other.begin():
            other.execute(text("SET LOCAL lock_timeout = '2s'"))
            audit.record(other, action="test.other_group", at=START, group_id=second, actor_id=None)
        with sessions() as same, same.begin():
            same.execute(text("SET LOCAL lock_timeout = '100ms'"))
            with pytest.raises(OperationalError, match="lock timeout"):
                audit.record(same, action="test.same_group", at=START, group_id=first, actor_id=None)
    with unit_of_work(sessions) as session:
        actions = list(session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("test.%"))))
        # The other group's change committed while the first group's was still open; the same group's writer
        # waited for the first group's chain and gave up at its timeout.
        assert sorted(actions) == ["test.held", "test.other_group"]
        assert verify(session).intact


@pytest.mark.postgres
def test_an_append_waiting_for_a_groups_chain_links_to_the_event_its_holder_committed(postgres: Engine) -> None:
    """The lock and the read of the chain's head go in one round trip (bot/pg_chain.py): the read must still wait
    for the lock and see what the holder committed, or two events would take one place in the chain."""
    sessions = session_factory(postgres)
    first, _second = two_groups(sessions)
    waiting = threading.Thread(target=lambda: write_one(sessions, first, "test.waited"))
    with sessions() as holder, holder.begin():
        audit.record(holder, action="test.held", at=START, group_id=first, actor_id=None)
        waiting.start()
        waiting.join(0.5)
        assert waiting.is_alive()  # waiting for the chain, held by the open change
    waiting.join(10)
    with unit_of_work(sessions) as session:
        held, waited = (session.scalars(select(AuditEvent).where(AuditEvent.action == a)).one()
                        for a in ("test.held", "test.waited"))
        assert (waited.seq, waited.prev_hash) == (held.seq + 1, held.hash)
        assert verify(session).intact, verify(session).problems


def write_one(sessions: sessionmaker[Session], group_id: int, action: str) -> None:
    with unit_of_work(sessions) as session:
        audit.record(session, action=action, at=START, group_id=group_id, actor_id=None)


def test_a_row_changed_after_the_transactions_event_is_sealed_too(sessions: sessionmaker[Session]) -> None:
    first, _second = two_groups(sessions)
    with unit_of_work(sessions) as session:
        audit.record(session, action="test.first", at=START, group_id=first, actor_id=None)
        seat = session.scalars(select(Membership).where(Membership.group_id == first)).first()
        assert seat is not None
        seat.seat_title = "Renamed after the event"
    with unit_of_work(sessions) as session:
        assert verify(session).intact
        newest = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert newest is not None and newest.action == "record.sealed" and newest.group_id == first
        assert newest.rows == {f"memberships/{seat.id}": newest.rows[f"memberships/{seat.id}"]}


def test_a_statement_changing_one_row_by_id_seals_that_row_and_no_other(sessions: sessionmaker[Session]) -> None:
    first, _second = two_groups(sessions)
    seats = cast(Table, Membership.__table__)
    retitle = update(seats).where(seats.c.id == bindparam("seat"))
    with unit_of_work(sessions) as session:
        seat = session.scalars(select(Membership.id).where(Membership.group_id == first)).first()
        session.execute(retitle, {"seat": seat, "seat_title": "Retitled"})
        audit.record(session, action="test.retitled", at=START, group_id=first, actor_id=None)
        session.execute(retitle, {"seat": 999_999, "seat_title": "No such seat"})
        audit.record(session, action="test.nothing", at=START, group_id=first, actor_id=None)
    with unit_of_work(sessions) as session:
        assert verify(session).intact, verify(session).problems
        events = {e.action: e for e in session.scalars(select(AuditEvent).where(AuditEvent.action.like("test.%")))}
        assert list(events["test.retitled"].rows) == [f"memberships/{seat}"] and events["test.nothing"].rows is None


def test_a_change_with_no_audit_event_is_named_by_verify(sessions: sessionmaker[Session]) -> None:
    first, _second = two_groups(sessions)
    with unit_of_work(sessions) as session:
        group = session.get_one(Group, first)
        seat = session.scalars(select(Membership).where(Membership.group_id == group.id)).first()
        assert seat is not None
        seat.seat_title = "Changed with no event"
    with unit_of_work(sessions) as session:
        assert verify(session).problem == (f"row {seat.id} of memberships was edited outside the bot: it no longer "
                                           "matches the digest audit event "
                                           f"{verify(session).event_id} recorded")
