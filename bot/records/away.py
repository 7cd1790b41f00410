"""When those at an open meeting stepped out and came back. A roll row keeps only the last time its attendee left
(`Attendance.left_at`, cleared on return); each `leaving` and each return is also in the audit trail, which keeps them
all, so the roll and the minutes read every spell away from there."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.connections import connection_of
from bot.models import Attendance, AuditEvent, Meeting
from bot.rules.attendance import Spell

MOVES = ("attendance.left", "attendance.returned")
# Built once (read at every roll): building it at each call cost more CPU than running it.
MOVES_OF = select(AuditEvent.actor_id, AuditEvent.action, AuditEvent.at, AuditEvent.detail).where(
    AuditEvent.group_id == bindparam("group_id"), AuditEvent.actor_id.in_(bindparam("actors", expanding=True)),
    AuditEvent.at >= bindparam("since"), AuditEvent.action.in_(MOVES)).order_by(AuditEvent.id)


def attendee(row: Attendance) -> int:
    """Who attends by the row: the deputy where one is in the member's place, else the member."""
    return row.deputy_id if row.status == "deputised" and row.deputy_id is not None else row.member_id


def recorders(meeting: Meeting, by_key: Iterable[tuple[int, int]]) -> list[int]:
    """Whose moves at `meeting` are read for the attendees of `by_key` ((member, attendee) pairs): each attendee's
    own, and those of whoever may have recorded them (`here @carol`, audited as theirs, naming the attendee): one at
    the meeting taking its roll, or its chair or minute-taker."""
    return sorted({person for pair in by_key for person in pair}
                  | {p for p in (meeting.chair_id, meeting.minute_taker_id) if p is not None})


def spells_away(session: Session, meeting: Meeting, rows: Iterable[Attendance]) -> dict[int, list[Spell]]:
    """{roll row id: [(left, back), ...]}, oldest first, for each attendee of `rows` who left `meeting` and came
    back since the row took its status (a member arriving in their deputy's place starts afresh). Each leaving and
    return is said by the one who attends, or recorded by another there (`recorders`), so the read is by (group,
    actor, time): the audit trail's pace index."""
    rows = [row for row in rows if row.status in ("present", "deputised")]
    if meeting.opened_at is None or not rows:
        return {}
    by_key = {(row.member_id, attendee(row)): row for row in rows}
    # On the connection, without the ORM's path: audit events are written by statements only, never held by the ORM,
    # so there is nothing to flush before reading them.
    events = connection_of(session).execute(MOVES_OF, {"group_id": meeting.group_id, "since": meeting.opened_at,
                                                       "actors": recorders(meeting, by_key)})
    gone: dict[int, dt.datetime] = {}
    found: dict[int, list[Spell]] = defaultdict(list)
    for actor, action, at, detail in events:
        row = by_key.get((detail.get("member"), detail.get("attendee", actor))) \
            if detail.get("meeting") == meeting.id else None
        if row is None or at < row.recorded_at:
            continue
        if action == "attendance.left":
            gone[row.id] = at
        elif row.id in gone:  # back: a spell away; a leaving with no return is the row's own `left_at`
            found[row.id].append((gone.pop(row.id), at))
    return found
