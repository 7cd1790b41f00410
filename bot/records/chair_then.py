"""Who chaired the group when a meeting closed, as its minutes name them: the chair is a role on a seat, changed in
place when another is named or elected, so the role as it stands now names today's chair, not the one of a meeting
held before the change (CJCG 6.2: alice chaired meeting 1 in December; bob, named chair in January, is not its
chair). The audit trail says who was named or elected when, and whom each naming replaced."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session

from bot.models import Membership
from bot.models_events import AuditEvent

CHAIR_EVENTS = select(AuditEvent.at, AuditEvent.detail).where(
    AuditEvent.group_id == bindparam("group_id"), AuditEvent.action.in_(("chair.named", "chair.elected"))) \
    .order_by(AuditEvent.id)
# Whether the person held a seat in the group when the meeting closed: a naming's chairs_before says who chaired at
# the naming, not at a meeting before it where the chair's seat changed hands in between (CJCG: alice left, mia was
# seated as chair, then bob was named: mia never chaired meeting 1).
SEATED_AT = select(Membership.id).where(
    Membership.group_id == bindparam("group_id"), Membership.person_id == bindparam("person_id"),
    Membership.term_starts_on <= bindparam("day"),
    or_(Membership.ended_at.is_(None), Membership.ended_at > bindparam("at"))).limit(1)


def chair_when(session: Session, group_id: int, at: dt.datetime | None, now_chair: int | None,
               zone: dt.tzinfo = dt.UTC) -> int | None:
    """The group's chair at `at` (a meeting's close): the one last named or elected by then; where the first naming
    came after it, the chair before that naming (recorded since namings say so); else `now_chair`, the role as it
    stands (no naming since, or a record from before namings said whom they replaced); and `now_chair` too where
    the one found held no seat when the meeting closed, on the group's day in `zone` (the chair's seat changed hands
    without a naming)."""
    if at is None:
        return now_chair
    events = session.execute(CHAIR_EVENTS, {"group_id": group_id}).all()
    before = [detail for when, detail in events if when <= at]
    after = [detail for when, detail in events if when > at]
    if before:
        person = before[-1].get("person")
    elif after and "chairs_before" in after[0]:
        person = after[0]["chairs_before"][0] if after[0]["chairs_before"] else None
        if person is None:
            return None  # no chair before it
    else:
        return now_chair
    seated = person is not None and session.scalar(SEATED_AT, {"group_id": group_id, "person_id": int(person),
                                                               "day": at.astimezone(zone).date(), "at": at}) is not None
    return int(person) if seated else now_chair
