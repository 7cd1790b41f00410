"""The spell a deputy attended in a member's place before the member came and relieved them (CJCG 7.2): the roll
row is the member's from then (`relieved_id`, `relieved_at`), so the deputy's arrival is read from the audit trail,
which keeps it, for the minutes' account of when the meeting was quorate."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.models import Attendance, AuditEvent, Meeting
from bot.records.away import recorders

DEPUTY_MOVES = ("attendance.deputised", "attendance.left", "attendance.returned")
# Built once; read only where the roll holds a deputy relieved.
MOVES_OF = select(AuditEvent.actor_id, AuditEvent.action, AuditEvent.at, AuditEvent.detail).where(
    AuditEvent.group_id == bindparam("group_id"), AuditEvent.actor_id.in_(bindparam("actors", expanding=True)),
    AuditEvent.at >= bindparam("since"), AuditEvent.action.in_(DEPUTY_MOVES)).order_by(AuditEvent.id)


def relieved_spells(session: Session, meeting: Meeting, rows: list[Attendance]) -> list[Attendance]:
    """For each member present who relieved their deputy, a row (not stored) for the deputy's time in their place:
    from the deputy's arrival until they left or the member came. None where no deputy was relieved."""
    relieved = {(row.member_id, row.relieved_id): row for row in rows
                if row.status == "present" and row.relieved_id is not None and row.relieved_at is not None}
    if not relieved or meeting.opened_at is None:
        return []
    came: dict[int, dt.datetime] = {}
    gone: dict[int, dt.datetime] = {}
    by = recorders(meeting, [*relieved, *((row.member_id, row.member_id) for row in rows)])  # or a roll taker's
    for actor, action, at, detail in session.execute(MOVES_OF, {
            "group_id": meeting.group_id, "actors": by, "since": meeting.opened_at}):
        row = relieved.get((detail.get("member"), detail.get("attendee", actor))) \
            if detail.get("meeting") == meeting.id else None
        if row is None or row.relieved_at is None or at > row.relieved_at:
            continue
        if action == "attendance.deputised":
            came.setdefault(row.id, at)
        elif action == "attendance.left" and row.id in came:
            gone[row.id] = at
        else:
            gone.pop(row.id, None)  # back in the member's place
    after = max((row.id for row in rows), default=0)
    return [Attendance(id=after + n, meeting_id=meeting.id, member_id=row.member_id, status="deputised",
                       deputy_id=row.relieved_id, recorded_at=came[row.id],
                       left_at=gone.get(row.id, row.relieved_at))
            for n, row in enumerate((row for row in relieved.values() if row.id in came), start=1)]
