"""The rows of the record that hold decisions, digested so the audit chain can vouch for each one.

Every change the bot makes to these tables, through the ORM or a Core statement run by a Session, is noted on the
session; the audit event written in the same transaction carries the new digest of each row it changed (None when
the row was deleted). `audit verify` then recomputes every row's digest and compares it with the newest one the
chain holds, so an edit, deletion or insertion made outside the bot names its row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, cast

from sqlalchemy import Table, bindparam, event, select
from sqlalchemy.engine import CursorResult, Result
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.dml import UpdateBase
from sqlalchemy.sql.elements import BinaryExpression, BindParameter

from bot import driver_sql
from bot.connections import connection_of
from bot.models import (
    ApprovedMinutes,
    Attendance,
    Ballot,
    DeputyNomination,
    Interest,
    Meeting,
    Membership,
    Poll,
    PollOption,
    SecretTally,
    SecretVoter,
)

# The tables that hold decisions: polls and their outcomes, ballots and tallies, attendance, interests, minutes,
# memberships, and the meetings and deputies those rest on.
SEALED: dict[str, Table] = {
    cast(Table, model.__table__).name: cast(Table, model.__table__)
    for model in (Poll, PollOption, Ballot, SecretVoter, SecretTally, Attendance, Interest, ApprovedMinutes,
                  Membership, Meeting, DeputyNomination)
}
TOUCHED = "sealed_rows.touched"
# Digests of rows a statement returned whole (RETURNING every column) as it changed them, {(table, id): digest}:
# sealed from what came back, without reading the row again. Any later change the session sees to such a row
# drops its entry, so `take` then reads it as it reads any other.
RETURNED = "sealed_rows.returned"
# Built once, per table: every audited change reads its rows back, and building the statement cost more than running it.
ROWS_BY_ID = {name: select(table).where(table.c.id.in_(bindparam("ids", expanding=True))).order_by(table.c.id)
              for name, table in SEALED.items()}


def key(table: str, row_id: int) -> str:
    return f"{table}/{row_id}"


def canonical(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def row_digest(table: str, row: dict[str, Any]) -> str:
    """The SHA-256 of a row's values. Empty (NULL) columns are left out, so a column a later migration adds
    (empty on old rows) leaves their digests as they were."""
    values = {name: canonical(value) for name, value in row.items() if value is not None}
    body = json.dumps([table, values], sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)
    return hashlib.sha256(body.encode()).hexdigest()


def digests(session: Session, table: str, ids: Iterable[int] | None = None) -> Iterator[tuple[int, str]]:
    """(id, digest) of the rows of `table`, of those `ids` only when given, read with the record's own types."""
    if ids is None:
        rows = session.execute(select(SEALED[table]).order_by(SEALED[table].c.id))
    else:
        # On the session's connection, without the ORM's path: `take` runs after a flush, and these reads run
        # once for every audited change.
        rows = connection_of(session).execute(ROWS_BY_ID[table], {"ids": sorted(ids)})
    for row in rows.mappings():
        yield int(row["id"]), row_digest(table, dict(row))


def touched(session: Session) -> set[tuple[str, int]]:
    return cast(set[tuple[str, int]], session.info.setdefault(TOUCHED, set()))


def returned(session: Session) -> dict[tuple[str, int], str]:
    return cast(dict[tuple[str, int], str], session.info.setdefault(RETURNED, {}))


def touch(session: Session, table: str, ids: Iterable[int]) -> None:
    """Note rows of `table` as changed (to be read and sealed by the next audit event)."""
    noted, known = touched(session), session.info.get(RETURNED)
    for row_id in ids:
        noted.add((table, row_id))
        if known:
            known.pop((table, row_id), None)


TALLIES = select(SecretTally.id).join(Poll, Poll.id == SecretTally.poll_id).where(Poll.secret.is_(True))
OPEN_TALLIES = TALLIES.where(Poll.status == "open")
OPEN_TALLIES_OF = OPEN_TALLIES.where(Poll.id.in_(bindparam("polls", expanding=True)))
CLOSED_TALLIES_OF = TALLIES.where(Poll.id.in_(bindparam("polls", expanding=True)), Poll.status != "open")
TALLY_POLLS = select(SecretTally.id, SecretTally.poll_id).where(SecretTally.id.in_(bindparam("ids", expanding=True)))


def open_secret_tallies(session: Session, poll_ids: Iterable[int] | None = None) -> set[int]:
    """The tally rows of secret polls still open (of `poll_ids` only, when given)."""
    if poll_ids is None:
        return set(session.scalars(OPEN_TALLIES))
    return set(session.scalars(OPEN_TALLIES_OF, {"polls": sorted(poll_ids)}))


def secret_tallies(session: Session, by_table: dict[str, set[int]]) -> None:
    """Never seal a running tally of an open secret poll: its digest changing in the event that records a voter
    would show which option they chose. A secret poll's tallies are sealed, all together, when it closes."""
    polls = by_table.get("polls", set())
    tallies = by_table.get("secret_tallies", set())
    if tallies:
        poll_of = {int(row.id): int(row.poll_id) for row in session.execute(TALLY_POLLS, {"ids": sorted(tallies)})}
        held = open_secret_tallies(session, set(poll_of.values()))
        tallies -= held
        polls |= {poll_of[t] for t in tallies if t in poll_of}  # a tally changes with its poll's close
    if polls:
        tallies |= set(session.scalars(CLOSED_TALLIES_OF, {"polls": sorted(polls)}))
    if tallies:
        by_table["secret_tallies"] = tallies
    else:
        by_table.pop("secret_tallies", None)


def take(session: Session) -> dict[str, str | None]:
    """The digests of the rows changed since the last call, now: call after a flush, inside the transaction."""
    pending = touched(session)
    if not pending:
        return {}
    by_table: dict[str, set[int]] = {}
    for table, row_id in pending:
        by_table.setdefault(table, set()).add(row_id)
    pending.clear()
    known = session.info.pop(RETURNED, {})
    secret_tallies(session, by_table)
    found: dict[str, str | None] = {}
    for table, ids in sorted(by_table.items()):
        now = {row_id: known[table, row_id] for row_id in ids if (table, row_id) in known}
        if len(now) < len(ids):
            now.update(digests(session, table, ids - now.keys()))
        found.update({key(table, row_id): now.get(row_id) for row_id in sorted(ids)})
    return found


@event.listens_for(Session, "do_orm_execute")
def _note_statement_changes(state: ORMExecuteState) -> Result[Any] | None:
    """Rows a Core or bulk statement is about to change (update, delete) or has inserted."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    if name not in SEALED:
        return None
    source = SEALED[name]
    if not state.is_delete and isinstance(state.statement, UpdateBase) \
            and list(state.statement.exported_columns) == list(source.c):
        return sealed_as_returned(state, name)
    if state.is_insert:
        result = state.invoke_statement()
        inserted = cast(CursorResult[Any], result).inserted_primary_key_rows
        touch(state.session, name, (int(row[0]) for row in inserted if row and row[0] is not None))
        return result
    where = getattr(state.statement, "whereclause", None)
    params = state.parameters if isinstance(state.parameters, dict) else None
    row_id = one_row(source, where, params) if state.is_update else None
    if row_id is not None:  # one row by its id (a changed ballot): what the update matched, without a read first
        result = state.invoke_statement()
        if cast(CursorResult[Any], result).rowcount:
            touch(state.session, name, [row_id])
        return result
    query = select(source.c.id) if where is None else select(source.c.id).where(where)
    ids = state.session.execute(query, params).scalars()
    touch(state.session, name, (int(row_id) for row_id in ids))
    return None


def sealed_as_returned(state: ORMExecuteState, name: str) -> Result[Any]:
    """An insert or update that returns every column of the rows it changed: their digests come from what it
    returned, as a read would give them, and no read follows. The caller gets the same rows."""
    frozen = state.invoke_statement().freeze()
    note_returned(state.session, name, [dict(row) for row in frozen().mappings()])
    return frozen()


def write_returning(session: Session, statement: UpdateBase, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Run an insert or update of a sealed table that returns every column of its rows (a vote's ballot) on the
    session's connection, without the ORM's path (half a vote's cost of the statement), and note those rows as
    `sealed_as_returned` would: the next audit event seals them from what came back. Returns the rows."""
    rows = [row._asdict() for row in driver_sql.rows(connection_of(session), statement, params)]
    note_returned(session, sealed_table(statement), rows)
    return rows


@cache  # the statements are built once, at import: checked once each
def sealed_table(statement: UpdateBase) -> str:
    """The sealed table `statement` changes; AssertionError unless it returns every column of the rows it changes."""
    table = cast(Table, statement.table)
    assert table.name in SEALED and list(statement.exported_columns) == list(table.c), "returns every column"
    return table.name


def note_returned(session: Session, name: str, rows: list[dict[str, Any]]) -> None:
    touch(session, name, (int(row["id"]) for row in rows))
    returned(session).update({(name, int(row["id"])): row_digest(name, row) for row in rows})


def one_row(source: Table, where: Any, params: dict[str, Any] | None) -> int | None:
    """The id a statement's WHERE names when it is exactly `id = <value>`, else None."""
    if not (isinstance(where, BinaryExpression) and where.operator is operators.eq and where.left is source.c.id
            and isinstance(where.right, BindParameter)):
        return None
    value = params.get(where.right.key, where.right.value) if params is not None else where.right.value
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def forget(session: Session) -> None:
    """Forget every change noted (the transaction ended, or one command in it: bot.audit.forget_unit)."""
    session.info.pop(TOUCHED, None)
    session.info.pop(RETURNED, None)


@event.listens_for(Session, "after_soft_rollback")  # a savepoint's too: what a row returned may be undone
def _forget_returned(session: Session, *_: object) -> None:
    session.info.pop(RETURNED, None)
