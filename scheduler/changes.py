"""Which groups changed since the last pass: those named by an audit event the last pass could not see.

SQLite has one writer at a time, so events commit in id order and a mark on the audit id is exact. On PostgreSQL
each group's chain has its own lock, so events of different groups commit in any order: event 41 can become
visible after event 42 was read. There the mark keeps the snapshot its pass read in (`pg_current_snapshot()`),
and the next pass reads every event written by a transaction that snapshot could not see (still running, or
begun after it): an index range on `audit_events.xact` from the snapshot's oldest running transaction on.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func, or_, select, text
from sqlalchemy.orm import Session

from bot.models import AuditEvent, Group, SchedulerMark

UNSEEN = text("NOT pg_visible_in_snapshot(CAST(CAST(audit_events.xact AS text) AS xid8), "
              "CAST(:seen AS pg_snapshot))")

# Built once, with bound parameters (scheduler/plan.py's LOCKED_MARK says why).
NEWEST = select(func.max(AuditEvent.id))
OPERATING = select(Group.id).where(Group.ended_at.is_(None))
UNSEEN_SINCE = select(AuditEvent.group_id).distinct().where(AuditEvent.xact >= bindparam("oldest"), UNSEEN)
UNMARKED = select(AuditEvent.group_id).distinct().where(
    or_(AuditEvent.id > bindparam("after"), AuditEvent.xact.is_not(None)))
AFTER = select(AuditEvent.group_id).distinct().where(AuditEvent.id > bindparam("after"),
                                                     AuditEvent.id <= bindparam("newest"))


def changed_groups(session: Session, mark: SchedulerMark) -> list[int]:
    """The groups to replan (every group on the first pass after an installation or upgrade), moving the mark on
    past what this pass reads."""
    postgres = session.get_bind().dialect.name == "postgresql"
    seen = snapshot(session) if postgres else None  # taken first: what commits after it is read next pass
    newest = session.scalar(NEWEST) or 0
    if mark.audit_id < 0:
        found = list(session.scalars(OPERATING))
    elif postgres and mark.snapshot:
        found = list(session.scalars(UNSEEN_SINCE, {"oldest": oldest_running(mark.snapshot), "seen": mark.snapshot}))
    elif postgres:  # the first pass since 0015: what the id mark has not reached, and whatever was written since
        found = list(session.scalars(UNMARKED, {"after": mark.audit_id}))
    elif newest > mark.audit_id:
        found = list(session.scalars(AFTER, {"after": mark.audit_id, "newest": newest}))
    else:  # SQLite, no event since the mark (most passes): none to read
        found = []
    mark.audit_id, mark.snapshot = max(mark.audit_id, newest), seen
    return sorted(g for g in found if g is not None)


def snapshot(session: Session) -> str:
    """The current snapshot, with this pass's own transaction counted as unseen: the events it writes (a poll it
    closes at its deadline) are read by the next pass, like anyone else's."""
    row = session.execute(text("SELECT CAST(pg_current_snapshot() AS text), CAST(pg_current_xact_id() AS text)")).one()
    low, high, running = str(row[0]).split(":")
    own = int(row[1])
    ids = {int(x) for x in running.split(",") if x}
    if own < int(high):
        ids.add(own)
    low = str(min(int(low), own))
    return f"{low}:{high}:{','.join(str(x) for x in sorted(ids))}"


def oldest_running(seen: str) -> int:
    """A snapshot's xmin: every transaction before it had ended when the snapshot was taken, and was seen."""
    return int(seen.split(":", 1)[0])
