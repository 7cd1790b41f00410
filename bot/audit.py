"""The append-only audit log, kept as a hash chain so a later edit or deletion shows."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any, cast

from sqlalchemy import Table, insert, select, text
from sqlalchemy.orm import Session

from bot.models import AuditEvent

GENESIS = "0" * 64
APPEND = insert(cast(Table, AuditEvent.__table__))
LAST_HASH = select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)


def event_hash(prev_hash: str, at: dt.datetime, group_id: int | None, actor_id: int | None, action: str,
               detail: dict[str, Any]) -> str:
    """The SHA-256 of an event's content and the hash of the event before it."""
    body = json.dumps(
        [prev_hash, at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f"), group_id, actor_id, action, detail],
        sort_keys=True, separators=(",", ":"), default=str,
    )
    return hashlib.sha256(body.encode()).hexdigest()


def record(session: Session, *, action: str, at: dt.datetime, group_id: int | None, actor_id: int | None,
           **detail: Any) -> None:
    """Append an audit event chained to the last one. Call inside the transaction that makes the change."""
    if session.get_bind().dialect.name == "postgresql":
        # Two replicas appending at once must not both chain to the same predecessor.
        session.execute(text("SELECT pg_advisory_xact_lock(4242)"))
    session.flush()
    prev = session.scalar(LAST_HASH) or GENESIS
    clean = json.loads(json.dumps(detail, default=str))
    # Inserted at once with a plain INSERT: no object for the session to track and flush again at commit, and
    # never a pending event that the read above could miss.
    session.execute(APPEND, {"at": at, "group_id": group_id, "actor_id": actor_id, "action": action, "detail": clean,
                             "prev_hash": prev, "hash": event_hash(prev, at, group_id, actor_id, action, clean)})
