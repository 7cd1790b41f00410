"""The outbox: messages queued once under an idempotency key, claimed for delivery, then sent or failed.

A claim is a lease (`claimed_until`): a process that dies mid-delivery leaves its rows claimed, and they
become claimable again when the lease runs out. On PostgreSQL the claim skips rows another replica holds
(`FOR UPDATE SKIP LOCKED`); SQLite serialises writers on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.models import OutboxMessage
from bot.replies import Reply

LEASE = dt.timedelta(minutes=5)
MAX_ATTEMPTS = 5
FIRST_BACK_OFF = dt.timedelta(minutes=1)
LONGEST_BACK_OFF = dt.timedelta(hours=1)


DEFAULTS: dict[str, Any] = {"status": "queued", "attempts": 0, "recipient_id": None, "channel_binding_id": None,
                            "last_error": None, "reminder": None, "subject": None, "instance": None,
                            "composed": False, "reply": None}


def enqueue(session: Session, rows: Sequence[dict[str, Any]], now: dt.datetime) -> list[dict[str, Any]]:
    """Insert messages whose key is new; a key already queued (by this replica or another) is ignored.

    Returns the rows that were new when looked at; the insert itself ignores conflicts, so a race with
    another replica still queues each key once.
    """
    if not rows:
        return []
    keys = [r["key"] for r in rows]
    known: set[str] = set()
    for start in range(0, len(keys), 500):
        known |= set(session.scalars(select(OutboxMessage.key).where(OutboxMessage.key.in_(keys[start:start + 500]))))
    fresh = [{**DEFAULTS, "next_attempt_at": now, **r} for r in rows if r["key"] not in known]
    fresh = list({r["key"]: r for r in fresh}.values())
    if fresh:
        dialect = session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        # Every row names the same columns (None as NULL), so the rows go in a few multi-row statements rather than
        # one per run of rows with the same columns left out.
        # The table, not the mapped class: the ORM's bulk path costs ~0.1 ms a row sorting out each row's keys.
        table = cast(Table, OutboxMessage.__table__)
        session.execute(insert(table).on_conflict_do_nothing(index_elements=["key"]), fresh)
    return fresh


@dataclass(frozen=True)
class Claimed:
    """A message leased to this process for one delivery attempt."""

    id: int
    key: str
    group_id: int
    kind: str
    title: str | None
    text: str
    recipient_id: int | None
    channel_binding_id: int | None
    attempts: int
    expires_at: dt.datetime | None
    claimed_until: dt.datetime
    subject: str | None = None
    instance: str | None = None
    composed: bool = False  # a reminder, `reply` its stamp (scheduler/stamps.py); else `reply` (or words) as stored
    reply: dict[str, Any] | None = None


# Built once, with bound parameters (scheduler/plan.py's LOCKED_MARK says why).
CLAIMABLE = select(OutboxMessage).where(
    OutboxMessage.status == "queued", OutboxMessage.next_attempt_at <= bindparam("now"),
    or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < bindparam("now"))) \
    .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id).limit(bindparam("limit")) \
    .with_for_update(skip_locked=True)


def claim(session: Session, now: dt.datetime, limit: int = 50) -> list[Claimed]:
    """Lease up to `limit` queued messages whose time has come; counts the attempt. A lease holds to its last
    instant: a replica whose clock reads exactly its end (one LEASE behind the holder's) does not take a message
    the holder may have sent and not yet marked."""
    rows = session.scalars(CLAIMABLE, {"now": now, "limit": limit}).all()
    claimed = []
    for row in rows:
        row.claimed_until, row.attempts = now + LEASE, row.attempts + 1
        claimed.append(Claimed(row.id, row.key, row.group_id, row.kind, row.title, row.text, row.recipient_id,
                               row.channel_binding_id, row.attempts, row.expires_at, row.claimed_until,
                               row.subject, row.instance, row.composed, row.reply))
    return claimed


# Built once with bound parameters: building the statement and its cache key cost more than running it.
SENT = update(OutboxMessage).where(OutboxMessage.id == bindparam("message_id"), OutboxMessage.status == "queued") \
    .values(status="sent", sent_at=bindparam("sent"), claimed_until=None, last_error=None,
            title=bindparam("sent_title"), text=bindparam("sent_text"))


def sent_values(message_id: int, now: dt.datetime, reply: Reply) -> dict[str, Any]:
    return {"message_id": message_id, "sent": now, "sent_title": reply.title, "sent_text": reply.text}


def mark_sent(session: Session | Connection, message_id: int, now: dt.datetime, reply: Reply) -> None:
    """Sent: keeps the words as they went out (composed at that moment)."""
    session.execute(SENT, sent_values(message_id, now, reply))



def mark_expired(session: Session | Connection, message_id: int, why: str) -> None:
    session.execute(update(OutboxMessage).where(OutboxMessage.id == message_id)
                    .values(status="expired", claimed_until=None, last_error=why))


def back_off(attempts: int) -> dt.timedelta:
    """1, 2, 4, 8 … minutes, at most an hour."""
    doubled = 1 << max(attempts - 1, 0)  # 2 ** n, which typeshed types as Any (a negative n gives a float)
    return min(FIRST_BACK_OFF * doubled, LONGEST_BACK_OFF)


def mark_failed(session: Session, message: Claimed, now: dt.datetime, reason: str, *,
                retry_after: float | None = None, permanent: bool = False) -> bool:
    """Record a failed attempt. Tries again after `retry_after` seconds when the platform said so (a rate limit: it
    does not count as one of the MAX_ATTEMPTS), else after a back-off; gives up (status `failed`, reason kept) when
    trying again cannot help or after MAX_ATTEMPTS. Returns True when the message has failed for good."""
    rate_limited = retry_after is not None and not permanent
    final = permanent or (not rate_limited and message.attempts >= MAX_ATTEMPTS)
    wait = dt.timedelta(seconds=retry_after) if retry_after is not None else back_off(message.attempts)
    values: dict[str, Any] = {"claimed_until": None, "last_error": reason[:2000]}
    if rate_limited:
        values["attempts"] = message.attempts - 1  # the claim counted it; waiting out a rate limit is not a try
    if final:
        values["status"] = "failed"
        values["last_error"] = (f"gave up after {message.attempts} attempts: " if not permanent else "") + reason[:2000]
    else:
        values["next_attempt_at"] = now + wait
    session.execute(update(OutboxMessage).where(OutboxMessage.id == message.id).values(**values))
    return final


SETTLED = ("sent", "expired", "acknowledged")
OLD = select(OutboxMessage.id).where(OutboxMessage.status.in_(SETTLED), OutboxMessage.due_at < bindparam("before")) \
    .limit(bindparam("limit"))


def prune(session: Session, now: dt.datetime, retention: dt.timedelta, limit: int = 1000) -> int:
    """Delete up to `limit` messages sent, set aside or acknowledged more than `retention` ago (by their due time).
    Failed messages stay until someone acknowledges them (`govbot reminders --acknowledge`)."""
    ids = list(session.scalars(OLD, {"before": now - retention, "limit": limit}))
    if ids:
        session.execute(delete(OutboxMessage).where(OutboxMessage.id.in_(ids)))
    return len(ids)
