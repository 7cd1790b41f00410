"""The chair a meeting elected, from the record of the election (`chair @p --poll N`), for its minutes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import AuditEvent


def elected_at(session: Session, group_id: int, meeting_id: int) -> tuple[int, int] | None:
    """(person id, ballot number) of the last chair elected at meeting `meeting_id`, or None where it elected
    none."""
    for detail in session.scalars(select(AuditEvent.detail).where(
            AuditEvent.group_id == group_id, AuditEvent.action == "chair.elected").order_by(AuditEvent.id.desc())):
        person, poll = detail.get("person"), detail.get("poll_number")
        if detail.get("meeting") == meeting_id and isinstance(person, int) and isinstance(poll, int):
            return person, poll
    return None
