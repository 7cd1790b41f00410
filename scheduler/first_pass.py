"""The first pass after an installation or an upgrade plans every group: in bounded batches, each committed with the
pass that planned it, so it never holds one long transaction over the whole record and a restart resumes it.

Two rows of `scheduler_marks` keep its progress: the newest audit event when it began (changes after that are
replanned by the ordinary passes once it is over) and the last group it planned.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.models import AuditEvent, Group, SchedulerMark

BEGAN = "reminders-first-began"  # audit_id: the newest audit event when the first pass began
CURSOR = "reminders-first-cursor"  # audit_id: the last group id the first pass planned
GROUPS_PER_PASS = 1000


def progress(session: Session, name: str, initial: int) -> SchedulerMark:
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(insert(SchedulerMark).values(name=name, audit_id=initial, at=None)
                    .on_conflict_do_nothing(index_elements=["name"]))
    row = session.get(SchedulerMark, name, populate_existing=True)
    assert row is not None
    return row


def next_groups(session: Session) -> tuple[list[int], int | None]:
    """The next batch of groups to plan, and, when it is the last, the audit id the ordinary passes start after
    (None while groups remain). Call with the scheduler's mark locked."""
    began = progress(session, BEGAN, session.scalar(select(func.max(AuditEvent.id))) or 0)
    cursor = progress(session, CURSOR, 0)
    ids = list(session.scalars(select(Group.id).where(Group.id > cursor.audit_id).order_by(Group.id)
                               .limit(GROUPS_PER_PASS + 1)))
    batch = ids[:GROUPS_PER_PASS]
    if len(ids) > GROUPS_PER_PASS:
        cursor.audit_id = batch[-1]
        return batch, None
    settled = began.audit_id
    session.execute(delete(SchedulerMark).where(SchedulerMark.name.in_((BEGAN, CURSOR))))
    return batch, settled
