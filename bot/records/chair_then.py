"""Who chaired the group when a meeting closed, as its minutes name them: the chair is a role on a seat, changed in
place when another is named or elected, so the role as it stands now names today's chair, not the one of a meeting
held before the change (CJCG 6.2: alice chaired meeting 1 in December; bob, named chair in January, is not its
chair). The audit trail says who was named or elected when, and whom each naming replaced."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.models_events import AuditEvent

CHAIR_EVENTS = select(AuditEvent.at, AuditEvent.detail).where(
    AuditEvent.group_id == bindparam("group_id"), AuditEvent.action.in_(("chair.named", "chair.elected"))) \
    .order_by(AuditEvent.id)


def chair_when(session: Session, group_id: int, at: dt.datetime | None, now_chair: int | None) -> int | None:
    """The group's chair at `at` (a meeting's close): the one last named or elected by then; where the first naming
    came after it, the chair before that naming (recorded since namings say so); else `now_chair`, the role as it
    stands (no naming since, or a record from before namings said whom they replaced)."""
    if at is None:
        return now_chair
    events = session.execute(CHAIR_EVENTS, {"group_id": group_id}).all()
    before = [detail for when, detail in events if when <= at]
    if before:
        person = before[-1].get("person")
        return int(person) if person is not None else now_chair
    after = [detail for when, detail in events if when > at]
    if not after or "chairs_before" not in after[0]:
        return now_chair
    return int(after[0]["chairs_before"][0]) if after[0]["chairs_before"] else None  # None: no chair before it
