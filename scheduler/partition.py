"""Planning partitioned per group, so that replicas plan different groups at once.

The replica that holds the scheduler's mark reads the audit log after it and *requests* a replan of each group that
changed (every group, on the first pass after an installation or upgrade): it sets the group's `replan` row due now,
with the time to plan from as its instance. Then every replica claims up to GROUPS_PER_PASS requested groups with
`FOR UPDATE SKIP LOCKED` (PostgreSQL; SQLite serialises writers on its own) and replans them, each pass committing
what it planned.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import bindparam, case, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.models import ReminderPlan
from bot.rules.reminders import instant
from scheduler.plan import REPLAN, replan

GROUPS_PER_PASS = 500
INSTANT = "%Y%m%dT%H%MZ"
# Built once, with bound parameters (scheduler/plan.py's LOCKED_MARK says why).
REQUESTED = select(ReminderPlan.group_id, ReminderPlan.instance) \
    .where(ReminderPlan.kind == REPLAN, ReminderPlan.due_at <= bindparam("now")) \
    .order_by(ReminderPlan.due_at, ReminderPlan.id).limit(bindparam("limit")).with_for_update(skip_locked=True)


def request(session: Session, group_ids: list[int], since: dt.datetime, now: dt.datetime) -> None:
    """Ask for these groups to be replanned from `since` (an earlier pending request keeps its earlier time)."""
    if not group_ids:
        return
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    rows = [{"group_id": g, "kind": REPLAN, "occurrence": f"{REPLAN}:group:{g}@plan", "subject": f"group:{g}",
             "instance": instant(since), "subject_id": g, "due_at": now, "expires_at": None} for g in group_ids]
    for start in range(0, len(rows), 1000):
        statement = insert(ReminderPlan).values(rows[start:start + 1000])
        earlier = case((ReminderPlan.instance < statement.excluded.instance, ReminderPlan.instance),
                       else_=statement.excluded.instance)
        session.execute(statement.on_conflict_do_update(
            index_elements=["occurrence"], set_={"due_at": statement.excluded.due_at, "instance": earlier}))


def plan_from(instance: str | None, mark_at: dt.datetime) -> dt.datetime:
    """When a claimed group is planned from: its request's time, or (a `replan` row extending the plan in time)
    the last pass."""
    try:
        return dt.datetime.strptime(instance or "", INSTANT).replace(tzinfo=dt.UTC)
    except ValueError:
        return mark_at


def replan_claimed(session: Session, now: dt.datetime, mark_at: dt.datetime,
                   limit: int | None = None) -> tuple[int, int, bool]:
    """Claim up to `limit` groups due for a replan that no other replica holds, and replan them. Returns groups
    replanned, rows planned, and whether others wait."""
    limit = limit or GROUPS_PER_PASS
    claimed = session.execute(REQUESTED, {"now": now, "limit": limit}).all()
    by_since: dict[dt.datetime, list[int]] = defaultdict(list)
    for group_id, instance in claimed:
        by_since[plan_from(instance, mark_at)].append(group_id)
    planned = sum(replan(session, sorted(groups), since, now) for since, groups in sorted(by_since.items()))
    return len(claimed), planned, len(claimed) == limit
