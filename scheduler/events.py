"""Reminders that follow from something that happened (a meeting closed), found by what happened, not by clocks.

A meeting closed on a replica whose clock is behind the last pass's mark, or in a transaction that commits while a
pass runs, is still found: each pass looks for closed meetings the scheduler has not yet taken note of
(`close_noticed_at` empty), plans their reminders due at once, and notes them, in the pass's transaction.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.errors import DomainError
from bot.models import Group, Meeting, ReminderPlan
from bot.rules import reminders
from bot.services.context import group_terms

logger = logging.getLogger(__name__)

# Closed meetings are looked for among those scheduled to start within this window (the index on starts_at);
# a meeting is closed within hours of its start, so the window only bounds the search.
LOOK_BACK = dt.timedelta(days=30)
# Built once, with bound parameters (scheduler/plan.py's LOCKED_MARK says why).
UNNOTICED = select(Meeting).where(Meeting.starts_at > bindparam("after"), Meeting.status == "closed",
                                  Meeting.close_noticed_at.is_(None)).order_by(Meeting.id) \
    .with_for_update(skip_locked=True)


def notice_closed_meetings(session: Session, now: dt.datetime) -> int:
    """Plan the absences warning of every meeting closed since the scheduler last looked. Returns rows planned."""
    closed = session.scalars(UNNOTICED, {"after": now - LOOK_BACK}).all()
    rows = []
    for meeting in closed:
        meeting.close_noticed_at = now
        group = session.get(Group, meeting.group_id)
        if group is None or meeting.closed_at is None or not warns_of_absences(group):
            continue
        occurrence = reminders.absences(meeting.id, meeting.closed_at, now)
        rows.append({"group_id": group.id, "kind": occurrence.kind, "occurrence": occurrence.name,
                     "subject": occurrence.subject, "instance": occurrence.instance, "subject_id": meeting.id,
                     "due_at": occurrence.due_at, "expires_at": occurrence.expires_at})
    if rows:
        insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
        session.execute(insert(ReminderPlan).on_conflict_do_nothing(index_elements=["occurrence"]), rows)
    return len(rows)


def warns_of_absences(group: Group) -> bool:
    try:
        terms = group_terms(group)
    except DomainError as error:
        logger.error("cannot read the ToR of %s: %s", group.short_name, error.message)
        return False
    return bool(terms.reminders.absences and terms.attendance.warn_after_consecutive_absences)
