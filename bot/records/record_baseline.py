"""Sealing a record kept before the audit chain covered its rows (databases from before migration 0011)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import audit, sealed_rows
from bot.models import AuditEvent


def needs_baseline(session: Session) -> bool:
    """True while no event has a place in a per-group chain: the record predates 0011 (or is empty)."""
    return session.scalar(select(AuditEvent.id).where(AuditEvent.seq.is_not(None)).limit(1)) is None


def seal_existing(session: Session, now: dt.datetime) -> int:
    """Seal every existing decision row in one `record.sealed` event (of no group), once; return how many rows.

    Changes made outside the bot before this runs cannot be told from the bot's own: they are sealed as found.
    From then on `audit verify` names any row edited, deleted or inserted outside the bot.
    """
    if not needs_baseline(session):
        return 0
    sealed = 0
    for table in sorted(sealed_rows.SEALED):
        rows = [(table, row_id) for row_id, _ in sealed_rows.digests(session, table)]
        sealed_rows.touched(session).update(rows)
        sealed += len(rows)
    if sealed:
        audit.record(session, action="record.sealed", at=now, group_id=None, actor_id=None, baseline=True)
    return sealed
