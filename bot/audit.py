"""The append-only audit log: one hash chain per group, each event carrying the digests of the rows it changed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any, cast

from sqlalchemy import Integer, Table, bindparam, column, event, func, insert, select, text
from sqlalchemy.orm import Session, SessionTransaction

from bot import driver_sql, pg_chain, sealed_rows
from bot import sealed_flush as sealed_flush  # notes the rows the ORM writes, for `record` to seal
from bot.connections import connection_of
from bot.models import AuditEvent
from bot.rules.record_pace import WINDOWS

GENESIS = "0" * 64
APPEND = insert(cast(Table, AuditEvent.__table__)).inline()
# PostgreSQL: the append that also counts the actor's changes in the group within each pace window (bot/services/
# record_pace.py), before it: a sub-select in RETURNING sees what the transaction wrote before the statement, not
# the row the statement inserts. A command's pace check then needs no statement of its own.
PACED_APPEND = APPEND.returning(*[select(func.count()).where(
    AuditEvent.group_id == bindparam("pace_group"), AuditEvent.actor_id == bindparam("pace_actor"),
    AuditEvent.at > bindparam(f"pace_{w.name}")).scalar_subquery() for w in WINDOWS])
# SQLite: the same, one statement fewer for every change; its sub-selects may see the row inserted (3.40's do), so
# they leave it out by its id, which the pace index holds too (written out: SQLAlchemy names no table in RETURNING).
PACED_APPEND_SQLITE = APPEND.returning(*[text(
    f"SELECT count(*) AS n FROM audit_events AS counted WHERE counted.group_id = :pace_group AND counted.actor_id = "
    f":pace_actor AND counted.at > :pace_{w.name} AND counted.id != audit_events.id").bindparams(
    bindparam(f"pace_{w.name}", type_=AuditEvent.at.type)).columns(column("n", Integer)).scalar_subquery()
    .label(f"in_{w.name}") for w in WINDOWS])
# {(group id, actor id, at): the actor's changes in the group in each of WINDOWS (in order) as of the append at
# `at` by them there, counting it}: what the pace check reads, while no later change of theirs makes it stale.
PACE = "audit.pace"
# Events written before chains were per group (migration 0011) form one chain across every group, in id order.
LEGACY_HEAD = select(AuditEvent.hash).where(AuditEvent.seq.is_(None)).order_by(AuditEvent.id.desc()).limit(1)
# A chain's head, built once (a vote reads it on PostgreSQL, and building the statement cost more than running it).
HEAD_OF_GROUP = select(AuditEvent.hash, AuditEvent.seq).where(
    AuditEvent.group_id == bindparam("group_id"), AuditEvent.seq.is_not(None)).order_by(AuditEvent.seq.desc()).limit(1)
HEAD_OF_NO_GROUP = select(AuditEvent.hash, AuditEvent.seq).where(
    AuditEvent.group_id.is_(None), AuditEvent.seq.is_not(None)).order_by(AuditEvent.seq.desc()).limit(1)
CHAIN_LOCK_CLASS = 4242  # the first key of a chain's advisory lock on PostgreSQL, the group's id the second
CHAIN_LOCK = text(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK_CLASS}, :chain)")
LAST_GROUP = "audit.last_group"
# The head of each chain this transaction appended to, {group id: (hash, seq)}: a batch of votes in one group
# (SQLite's group commit) reads its chain's head once, not once a vote. Only this transaction can append to a
# chain it has appended to (SQLite's one writer; PostgreSQL's lock on the chain, held to the end), so the head
# stays right until the transaction ends, or a rollback (a savepoint's too) takes back what it appended.
HEADS = "audit.heads"
# The chains whose lock this transaction took with a write of its own (a vote's ballot, bot.pg_chain.head_after),
# {group id: the head read after the lock, or None where the group's chain had none yet}: the next append there
# needs neither the lock nor the read again. Forgotten as HEADS is, and on a savepoint's rollback, which may have
# released the lock.
LOCKED = "audit.locked"
NO_GROUP_LOCK = 0


def event_hash(prev_hash: str, at: dt.datetime, group_id: int | None, actor_id: int | None, action: str,
               detail: dict[str, Any], seq: int | None = None, rows: dict[str, Any] | None = None) -> str:
    """The SHA-256 of an event's content and the hash of the event before it in its chain.

    Events with a `seq` (every event since 0011) also cover their place in the group's chain and their row digests;
    events without one are hashed as they always were, so an existing chain stays valid.
    """
    content: list[Any] = [prev_hash, at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f"), group_id, actor_id,
                          action, detail]
    if seq is not None:
        content += [seq, rows or {}]
    body = json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(body.encode()).hexdigest()


def last_link(session: Session, group_id: int | None) -> tuple[str, int]:
    """The hash and place of the newest event in the group's chain; the first event links to the legacy head."""
    known = session.info.get(HEADS, {}).get(group_id)
    if known is not None:
        return cast(tuple[str, int], known)
    # Events are appended by statements only (never held by the ORM): the reads run on the session's connection.
    connection = connection_of(session)
    found = (connection.execute(HEAD_OF_NO_GROUP) if group_id is None
             else connection.execute(HEAD_OF_GROUP, {"group_id": group_id})).first()
    if found is not None:
        return str(found.hash), int(found.seq)
    return connection.scalar(LEGACY_HEAD) or GENESIS, 0


def locked_link(session: Session, group_id: int | None) -> tuple[str, int]:
    """`last_link`, once appends to the group's chain are serialised: SQLite's single writer (BEGIN IMMEDIATE)
    already does; on PostgreSQL the chain's lock is taken first, held to the end of the transaction, so that two
    replicas never both take one place (other groups go on)."""
    connection = connection_of(session)
    if connection.dialect.name != "postgresql":
        return last_link(session, group_id)
    if group_id is not None and group_id not in session.info.get(HEADS, {}):
        locked = session.info.get(LOCKED, {})
        # the lock and the read in one round trip, unless the command's own write took the lock and the head read
        head = locked[group_id] if group_id in locked else pg_chain.locked_head(connection, group_id, group_id)
        return head if head is not None else last_link(session, group_id)
    connection.execute(CHAIN_LOCK, {"chain": NO_GROUP_LOCK if group_id is None else group_id})
    return last_link(session, group_id)


def chain_locked(session: Session, group_id: int, head: tuple[str, int] | None) -> None:
    """Note that this transaction holds the lock of `group_id`'s chain, taken by a write of its own, and the chain's
    `head` as read after it (bot.pg_chain.head_after)."""
    session.info.setdefault(LOCKED, {})[group_id] = head


def record(session: Session, *, action: str, at: dt.datetime, group_id: int | None, actor_id: int | None,
           **detail: Any) -> None:
    """Append an audit event to its group's chain. Call inside the transaction that makes the change, after it."""
    session.flush()  # before the chain's lock: the lock is held for no more than the append needs
    rows = sealed_rows.take(session) or None
    prev, seq = locked_link(session, group_id)
    clean = json.loads(json.dumps(detail, default=str))
    session.info[LAST_GROUP] = (group_id, at)
    digest = event_hash(prev, at, group_id, actor_id, action, clean, seq + 1, rows)
    # Inserted at once with a plain INSERT: no object for the session to track and flush again at commit, and
    # never a pending event that the read above could miss.
    event = {"at": at, "group_id": group_id, "actor_id": actor_id, "action": action, "detail": clean,
             "prev_hash": prev, "seq": seq + 1, "rows": rows, "hash": digest}
    append(session, event)
    session.info.setdefault(HEADS, {})[group_id] = (digest, seq + 1)


def append(session: Session, event: dict[str, Any]) -> None:
    """Insert `event`; an actor's event in a group also counts their changes there for the pace check (`paced`)."""
    connection, group_id, actor_id, at = connection_of(session), event["group_id"], event["actor_id"], event["at"]
    known: dict[tuple[int, int], tuple[dt.datetime, tuple[int, ...]]] = session.info.setdefault(PACE, {})
    dialect = connection.dialect.name
    if dialect not in ("postgresql", "sqlite") or group_id is None or actor_id is None:
        driver_sql.rows(connection, APPEND, event)
        return
    paced_by = {f"pace_{w.name}": at - w.length for w in WINDOWS} | {"pace_group": group_id, "pace_actor": actor_id}
    statement = PACED_APPEND if dialect == "postgresql" else PACED_APPEND_SQLITE
    counts, = driver_sql.rows(connection, statement, event | paced_by)
    known[(group_id, actor_id)] = (at, tuple(int(n) + 1 for n in counts))  # and the event just appended


def paced(session: Session, group_id: int, actor_id: int, now: dt.datetime) -> tuple[int, ...] | None:
    """The actor's changes in the group in each of the pace windows before `now`, counting those this transaction
    made, as the last of them counted on appending (None where it did not: count them). Only while their latest
    change was at `now`: the windows are measured back from it."""
    at, counts = session.info.get(PACE, {}).get((group_id, actor_id), (None, ()))
    return counts if at == now else None


@event.listens_for(Session, "before_commit")
def _seal_the_rest(session: Session) -> None:
    """Rows changed after the transaction's last audit event are sealed in one more event of its group, so a use
    case that changes a row after writing its event is never mistaken for tampering. A transaction that wrote no
    event at all is no change of record the bot made: its rows stay unsealed, and `audit verify` names them."""
    if LAST_GROUP not in session.info:
        return
    session.flush()
    if session.info.get(sealed_rows.TOUCHED):
        group_id, at = session.info[LAST_GROUP]
        record(session, action="record.sealed", at=at, group_id=group_id, actor_id=None)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(LAST_GROUP, None)


@event.listens_for(Session, "after_rollback")  # a savepoint's rollback too: the events it appended are gone
@event.listens_for(Session, "after_soft_rollback")
def _forget_heads(session: Session, *_: object) -> None:
    session.info.pop(HEADS, None)
    session.info.pop(LOCKED, None)
    session.info.pop(PACE, None)


@event.listens_for(Session, "after_transaction_end")
def _end_of_transaction(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # the transaction itself, not a savepoint or a flush within it
        session.info.pop(HEADS, None)
        session.info.pop(LOCKED, None)
        session.info.pop(PACE, None)


def own_change(session: Session, group_id: int) -> int | None:
    """The place in the group's chain of the last event this transaction appended there; None where it appended
    none (the chain is then another transaction's to extend)."""
    known = session.info.get(HEADS, {}).get(group_id)
    return None if known is None else int(known[1])


def wrote_events(session: Session) -> bool:
    """Whether the command running in `session` has appended an audit event (changed the record) so far."""
    return LAST_GROUP in session.info


def close_unit(session: Session) -> None:
    """End one command inside a longer transaction (a group commit's savepoint) as its own commit would end it:
    rows it changed after its last event are sealed now, and the next command starts with nothing noted."""
    _seal_the_rest(session)
    forget_unit(session)


def forget_unit(session: Session) -> None:
    """Forget what one command noted (its savepoint rolled back, or it ended), as a commit or rollback would."""
    _forget(session)
    sealed_rows.forget(session)
