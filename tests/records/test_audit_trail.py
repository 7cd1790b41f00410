"""The audit trail: `verify` names the first altered or missing event; the export is JSON lines."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, session_factory, unit_of_work
from bot.models import ApprovedMinutes, AuditEvent
from bot.records.audit_trail import export_lines, verify
from tests.conftest import Chat, migrated


def chained(sessions: sessionmaker[Session]) -> list[AuditEvent]:
    with unit_of_work(sessions) as session:
        verdict = verify(session)
        assert verdict.intact, verdict.problem
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
        assert verdict.checked == len(events) > 20 and verdict.head == events[-1].hash
        return events


def problem(sessions: sessionmaker[Session]) -> tuple[str | None, int | None]:
    with unit_of_work(sessions) as session:
        verdict = verify(session)
        return verdict.problem, verdict.event_id


@pytest.mark.parametrize("column, value", [("detail", "'{\"meeting\": 1, \"quorate\": true, \"counted\": 9}'"),
                                           ("action", "'meeting.cancelled'"), ("actor_id", "NULL"),
                                           ("at", "'2026-11-30 09:00:00.000000'")])
def test_editing_any_column_of_an_audit_row_is_found_and_named(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], engine: Engine, column: str,
        value: str) -> None:
    recorded("cjcg")
    events = chained(sessions)
    target = next(e for e in events if e.action == "meeting.opened")
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE audit_events SET {column} = {value} WHERE id = {target.id}"))
    message, event_id = problem(sessions)
    assert event_id == target.id
    assert message == f"event {target.id} ({'meeting.cancelled' if column == 'action' else 'meeting.opened'}) was " \
                      "altered: its content no longer matches its hash"


def test_an_edit_with_its_hash_rewritten_is_caught_by_the_next_event(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], engine: Engine) -> None:
    from bot.audit import event_hash

    recorded("cjcg")
    events = chained(sessions)
    target = events[10]
    forged = dict(target.detail, forged=True)
    new_hash = event_hash(target.prev_hash, target.at, target.group_id, target.actor_id, target.action, forged,
                          target.seq, target.rows)
    with engine.begin() as connection:
        connection.execute(text("UPDATE audit_events SET detail = :d, hash = :h WHERE id = :i"),
                           {"d": json.dumps(forged), "h": new_hash, "i": target.id})
    message, event_id = problem(sessions)
    assert event_id == target.id
    assert message == f"event {target.id} was altered and its hash rewritten: event {events[11].id} " \
                      f"({events[11].action}) no longer chains to it"


def test_deleting_audit_rows_names_the_gap(recorded: Callable[[str], Chat], sessions: sessionmaker[Session],
                                           engine: Engine) -> None:
    recorded("lieg")
    events = chained(sessions)
    with engine.begin() as connection:
        connection.execute(text(f"DELETE FROM audit_events WHERE id = {events[5].id}"))
    message, event_id = problem(sessions)
    assert (message, event_id) == (f"1 of lieg's events is missing (place 6 in its chain): event {events[6].id} does "
                                   f"not chain to event {events[4].id}", events[6].id)
    with engine.begin() as connection:
        connection.execute(text(f"DELETE FROM audit_events WHERE id IN ({events[6].id}, {events[7].id})"))
    assert problem(sessions)[0] == f"3 of lieg's events are missing (places 6 to 8 in its chain): event " \
                                   f"{events[8].id} does not chain to event {events[4].id}"


def test_the_export_is_one_json_object_per_event_with_its_chain(recorded: Callable[[str], Chat],
                                                                sessions: sessionmaker[Session]) -> None:
    recorded("cjcg")
    events = chained(sessions)
    with unit_of_work(sessions) as session:
        lines = list(export_lines(session))
    parsed = [json.loads(line) for line in lines]
    assert [p["id"] for p in parsed] == [e.id for e in events]
    assert all(p["prev_hash"] == q["hash"] for q, p in zip(parsed, parsed[1:], strict=False))
    opened = next(p for p in parsed if p["action"] == "meeting.opened")
    # The transcript's clock stands days before the meeting: the chair confirmed opening it early.
    assert opened["detail"] == {"meeting": 1, "quorate": False, "counted": 1, "early": True}


@pytest.mark.postgres
def test_the_chain_verifies_and_breaks_the_same_on_postgresql(postgres_schema_url: str) -> None:
    migrated(postgres_schema_url)
    engine = make_engine(postgres_schema_url)
    sessions = session_factory(engine)
    chat = Chat(sessions)
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    # Refused after writing (the chair's motion between meetings opens its vote, which needs a deadline): PostgreSQL's
    # sequences skip the rolled-back ids, which is not tampering.
    chat.refused("alice", 'motion "Approve the plan"')
    chat.ok("alice", "meeting open --confirm")
    for who in ("bob", "carol"):
        chat.ok(who, "here")
    # The refused motion took no number: the motion people vote on is still motion 1.
    chat.ok("alice", 'motion "Approve the plan"')
    chat.ok("bob", "vote 1 for")
    chat.ok("alice", "poll close 1")
    chat.ok("alice", "meeting close")
    with unit_of_work(sessions) as session:
        verdict = verify(session)
        ids = list(session.scalars(select(AuditEvent.id).order_by(AuditEvent.id)))
    assert verdict.intact and verdict.checked == len(ids) > 10
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE audit_events SET detail = '{{\"x\": 1}}' WHERE id = {ids[3]}"))
    assert problem(sessions)[1] == ids[3]
    engine.dispose()


def test_approved_minutes_edited_in_the_database_are_caught_even_with_their_hash_recomputed(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], engine: Engine) -> None:
    from bot.records.minutes import seal

    chat = recorded("cjcg")
    chat.ok("alice", "minutes approve 1")
    events = chained(sessions)
    approval = next(e for e in events if e.action == "minutes.approved")
    with unit_of_work(sessions) as session:
        text_now = session.scalar(select(ApprovedMinutes.text))
    assert text_now is not None
    edited = text_now.replace("carried: 2 for, 1 against", "carried: 3 for, 0 against")
    with engine.begin() as connection:
        connection.execute(text("UPDATE approved_minutes SET text = :t, sha256 = :h"), {"t": edited, "h": seal(edited)})
    with unit_of_work(sessions) as session:
        problems = verify(session).problems
    row = session.scalar(select(ApprovedMinutes.id))
    assert problems == ((f"row {row} of approved_minutes (the approved minutes of meeting 1 of cjcg) was edited outside the bot: it no longer matches the digest "
                         f"audit event {approval.id} recorded", approval.id),
                        (f"the approved minutes of meeting 1 of cjcg were altered: their text does not match the hash "
                         f"audit event {approval.id} recorded", approval.id))
