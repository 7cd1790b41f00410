"""Whether the change a member just made keeps within the pace one member may change a group's record at
(bot/rules/record_pace.py); counted from the audit trail, so every replica counts the same changes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import Session

from bot import audit, driver_sql
from bot.connections import connection_of
from bot.errors import DomainError
from bot.models import AuditEvent, Group, Person
from bot.rules.record_pace import WINDOWS, refusal, window_passed
from bot.terms_stored import group_terms

MINE = (AuditEvent.group_id == bindparam("group_id")) & (AuditEvent.actor_id == bindparam("actor_id"))
LONGEST = max(WINDOWS, key=lambda w: w.length)
# One statement counts every window: the longest by the filter, each other by a CASE (an index covers it all).
COUNTED = select(*[func.count() if w is LONGEST else
                   func.coalesce(func.sum(case((AuditEvent.at > bindparam(w.name), 1), else_=0)), 0)
                   for w in WINDOWS]).where(MINE, AuditEvent.at > bindparam(LONGEST.name))
OLDEST = select(func.min(AuditEvent.at)).where(MINE, AuditEvent.at > bindparam("since"))


def require_within_pace(session: Session, group: Group, actor: Person, now: dt.datetime) -> None:
    """Raise DomainError, saying the limits and when to send it again, when the command just run changed the record
    and took `actor` past a limit in `group`; the caller's transaction then rolls the change back. A command that
    changed nothing (a read, a refusal) is never counted or held up."""
    if not audit.wrote_events(session):
        return
    ids = {"group_id": group.id, "actor_id": actor.id}
    # Counted as the command's last change was appended (bot.audit.paced), else now, on the session's
    # connection without the ORM's path: audit events are written by statements only (never held by the ORM), so
    # there is nothing to flush before counting them, and the ORM's path cost as much as the count.
    counts = audit.paced(session, group.id, actor.id, now) or next(iter(driver_sql.rows(
        connection_of(session), COUNTED, ids | {w.name: now - w.length for w in WINDOWS})))
    made = dict(zip(WINDOWS, (int(n) for n in counts), strict=True))
    passed = window_passed(made)
    if passed is None:
        return
    oldest = session.scalar(OLDEST, ids | {"since": now - passed.length}) or now
    free = oldest + passed.length  # the oldest change counted leaves the window: shown as the minute after
    again = (free.replace(second=0, microsecond=0) + dt.timedelta(minutes=1 if free.second or free.microsecond
                                                                  else 0)).astimezone(group_terms(group).zone)
    raise DomainError(refusal(passed, group.name, f"{again:%H:%M}"))
