"""The audit chain vouches for the record: a decision row edited, deleted or inserted with plain SQL is named."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, session_factory, upgrade
from bot.models import AuditEvent
from bot.records.audit_trail import verify
from bot.sealed_rows import SEALED
from tests.conftest import Chat, migrated

# One change per decision table, made as someone with database access would make it.
EDITS = {
    "polls": "outcome = 'carried: 9 for, 0 against'",
    "poll_options": "label = 'Forged'",
    "ballots": "choices = '[2]'",
    "secret_voters": "member_id = (SELECT MAX(id) FROM people)",
    "secret_tallies": "count = count + 5",
    "attendance": "reason = 'forged'",
    "interests": "description = 'forged'",
    "approved_minutes": "text = 'Nothing was decided.'",
    "memberships": "seat_title = 'Forged seat'",
    "meetings": "place = 'Somewhere else'",
    "deputy_nominations": "member_id = (SELECT MAX(id) FROM people)",
}
# An inserted copy must satisfy the table's unique constraints: these columns differ from the row copied.
INSERT_CHANGES = {
    "polls": {"number": "number + 100"},
    "meetings": {"number": "number + 100"},
    "poll_options": {"position": "position + 100"},
    "secret_tallies": {"position": "position + 100"},
    "ballots": {"poll_id": "(SELECT MAX(id) FROM polls)"},
    "secret_voters": {"poll_id": "(SELECT MIN(id) FROM polls)"},
    "attendance": {"meeting_id": "(SELECT MAX(id) FROM meetings)"},
    "approved_minutes": {"meeting_id": "(SELECT MAX(id) FROM meetings)"},
}


def decided(chat: Chat) -> None:
    """A CJCG meeting with something in every decision table: apologies and a deputy, an interest, a motion, a
    secret poll, approved minutes; and a next meeting scheduled."""
    chat.load("cjcg")
    for who, line in [("alice", "meeting schedule 2026-12-10 10:00"), ("carol", "apologies annual leave"),
                      ("carol", "deputy @yan"), ("alice", "meeting open --confirm"), ("bob", "here"), ("yan", "here"),
                      ("bob", 'declare "My sister works for a provider" --nature personal'),
                      ("alice", 'motion "Adopt the plan"'), ("bob", "vote 1 for"), ("yan", "vote 1 for"),
                      ("alice", 'poll "Venue?" "Barnet" "Camden" --secret'), ("bob", "vote 2 Barnet"),
                      ("alice", "poll close 1"), ("alice", "poll close 2"), ("alice", "meeting close"),
                      ("alice", "minutes approve 1"), ("alice", "meeting schedule 2027-02-10 10:00")]:
        chat.ok(who, line)


@dataclass(frozen=True)
class Tamper:
    table: str
    how: str  # edit | delete | insert

    def statements(self, dialect: str) -> list[str]:
        table = self.table
        if self.how == "edit":
            return [f"UPDATE {table} SET {EDITS[table]} WHERE id = (SELECT MIN(id) FROM {table})"]
        if self.how == "delete":
            # Rows other rows point at (a poll, a meeting) are deleted as an intruder would: checks switched off.
            off = "SET LOCAL session_replication_role = replica" if dialect == "postgresql" \
                else "PRAGMA defer_foreign_keys = ON"
            return [off, f"DELETE FROM {table} WHERE id = (SELECT MAX(id) FROM {table})"]
        columns = [c.name for c in SEALED[table].columns if c.name != "id"]
        values = [INSERT_CHANGES.get(table, {}).get(c, c) for c in columns]
        return [f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} FROM {table} "
                f"WHERE id = (SELECT MAX(id) FROM {table})"]

    def expected(self, connection: Connection, before: int) -> tuple[str, str]:
        """How the problem starts (the row named) and what it says happened."""
        if self.how == "insert":
            row = connection.execute(text(f"SELECT MAX(id) FROM {self.table}")).scalar_one()
            return f"row {row} of {self.table}", " was inserted outside the bot: no audit event records it"
        return f"row {before} of {self.table}", f" was {'edited' if self.how == 'edit' else 'deleted'} outside the bot"


TAMPERING = [Tamper(table, how) for table in sorted(SEALED) for how in ("edit", "delete", "insert")]


def problems_after(engine: Engine, tamper: Tamper) -> tuple[tuple[str, str], list[str]]:
    """Make the change with plain SQL, verify inside the same transaction, then roll it all back."""
    with engine.connect() as connection, connection.begin() as transaction:
        aim = "MIN" if tamper.how == "edit" else "MAX"
        before = connection.execute(text(f"SELECT {aim}(id) FROM {tamper.table}")).scalar_one()
        for statement in tamper.statements(engine.dialect.name):
            connection.execute(text(statement))
        expected = tamper.expected(connection, before)
        with Session(bind=connection, join_transaction_mode="rollback_only") as session:
            found = [problem for problem, _event in verify(session).problems]
        transaction.rollback()
    return expected, found


def check_every_table(engine: Engine, sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        assert verify(session).intact, verify(session).problems
    wrong = []
    for tamper in TAMPERING:
        expected, found = problems_after(engine, tamper)
        # Approved minutes also keep their own seal: an edit to them is reported twice, the row and the text.
        named = [p for p in found if not p.startswith("the approved minutes of meeting")]
        if len(named) != 1 or not named[0].startswith(expected[0]) or expected[1] not in named[0]:
            wrong.append(f"{tamper}: expected {expected!r}, found {found!r}")
    assert wrong == [], "\n".join(wrong)
    with sessions() as session:
        assert verify(session).intact  # every change was rolled back


def test_every_edit_deletion_and_insertion_in_a_decision_table_names_its_row_on_sqlite(
        chat: Chat, engine: Engine, sessions: sessionmaker[Session]) -> None:
    decided(chat)
    check_every_table(engine, sessions)


@pytest.fixture
def postgres_sessions(postgres_schema_url: str) -> Iterator[tuple[Engine, sessionmaker[Session]]]:
    migrated(postgres_schema_url)
    engine = make_engine(postgres_schema_url)
    yield engine, session_factory(engine)
    engine.dispose()


@pytest.mark.postgres
def test_every_edit_deletion_and_insertion_in_a_decision_table_names_its_row_on_postgresql(
        postgres_sessions: tuple[Engine, sessionmaker[Session]]) -> None:
    engine, sessions = postgres_sessions
    decided(Chat(sessions))
    check_every_table(engine, sessions)


def test_a_deleted_newest_event_leaves_the_rows_it_sealed_unvouched(
        chat: Chat, engine: Engine, sessions: sessionmaker[Session]) -> None:
    decided(chat)
    with engine.begin() as connection:
        newest = connection.execute(text("SELECT MAX(id) FROM audit_events")).scalar_one()
        connection.execute(text(f"DELETE FROM audit_events WHERE id = {newest}"))
    with sessions() as session:
        problems = [problem for problem, _event in verify(session).problems]
    # The newest event scheduled meeting 2; with it gone, nothing vouches for that meeting's row.
    assert problems == ["row 2 of meetings (meeting 2 of cjcg) was inserted outside the bot: no audit event records "
                        "it"]


def as_before_0011(engine: Engine) -> str:
    """Rewrite the trail as a database from before 0011 held it: one chain across groups, no places, no row
    digests. Returns its head."""
    from bot.audit import GENESIS, event_hash

    previous = GENESIS
    with Session(engine) as session, session.begin():
        for event in session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all():
            before = previous
            previous = event_hash(before, event.at, event.group_id, event.actor_id, event.action, event.detail)
            session.execute(update(AuditEvent).where(AuditEvent.id == event.id).values(
                seq=None, rows=None, prev_hash=before, hash=previous))
    return previous


def test_a_record_kept_before_0011_is_sealed_at_upgrade_and_then_guarded(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url)
    engine = make_engine(url)
    sessions = session_factory(engine)
    chat = Chat(sessions)
    decided(chat)
    legacy_head = as_before_0011(engine)
    upgrade(url)  # seals the rows as found, once
    upgrade(url)
    with sessions() as session:
        sealed = list(session.scalars(select(AuditEvent).where(AuditEvent.seq.is_not(None))))
        assert [(e.action, e.group_id, e.seq, e.prev_hash) for e in sealed] == [
            ("record.sealed", None, 1, legacy_head)]
        assert sealed[0].rows is not None and len(sealed[0].rows) > 20
        assert verify(session).intact, verify(session).problems
    chat.ok("alice", "meeting open --confirm")  # meeting 2: the group's own chain starts from the old head too
    with sessions() as session:
        first = session.scalars(select(AuditEvent).where(AuditEvent.group_id.is_not(None),
                                                         AuditEvent.seq == 1)).one()
        assert first.prev_hash == legacy_head
        assert verify(session).intact
    expected, found = problems_after(engine, Tamper("interests", "edit"))
    assert len(found) == 1 and found[0].startswith(expected[0]) and expected[1] in found[0]
    engine.dispose()


def test_a_secret_polls_running_tallies_are_sealed_only_when_it_closes(
        chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.load("cjcg")
    for who, line in [("alice", "meeting schedule 2026-12-10 10:00"), ("alice", "meeting open --confirm"), ("bob", "here"),
                      ("carol", "here"), ("alice", 'poll "Venue?" "Barnet" "Camden" --secret'),
                      ("bob", "vote 1 Barnet"), ("carol", "vote 1 Camden")]:
        chat.ok(who, line)
    with sessions() as session:
        # A tally's digest changing in the event that records a voter would tell which option they chose.
        sealed = [key for rows in session.scalars(select(AuditEvent.rows)) for key in (rows or {})]
        assert not [key for key in sealed if key.startswith("secret_tallies/")]
        assert [key for key in sealed if key.startswith("secret_voters/")]
        assert verify(session).intact
    chat.ok("alice", "poll close 1")
    with sessions() as session:
        closing = session.scalars(select(AuditEvent).where(AuditEvent.action == "vote.closed")).one()
        assert closing.rows is not None
        assert sorted(key for key in closing.rows if key.startswith("secret_tallies/")) == [
            "secret_tallies/1", "secret_tallies/2"]
        assert verify(session).intact
