"""What planning reads about a batch of groups, read for the whole batch in a few queries rather than five a group:
the meetings from a day ago on, the seat holders, the standing deputy nominations, the open polls with a deadline,
and when each group's latest meeting (not cancelled) starts. Each list is in id order."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import BindParameter, Select, bindparam, func, not_, or_, select
from sqlalchemy.orm import Session

from bot.models import DeputyNomination, Meeting, Membership, Poll
from bot.rules import reminders
from bot.rules.tenure import holding_on
from bot.services.cadence import counts_for_cadence

CHUNK = 1000  # ids per IN list
# Built once, with bound parameters (an expanding IN list): scheduler/plan.py's LOCKED_MARK says why.
IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
MEETINGS = select(Meeting).where(Meeting.group_id.in_(IDS), Meeting.starts_at > bindparam("after")) \
    .order_by(Meeting.id)
SEATED = select(Membership).where(Membership.group_id.in_(IDS), Membership.ended_at.is_(None)).order_by(Membership.id)
STANDING = select(DeputyNomination).where(DeputyNomination.group_id.in_(IDS), DeputyNomination.meeting_id.is_(None),
                                          DeputyNomination.revoked_at.is_(None)).order_by(DeputyNomination.id)
POLLS = select(Poll).where(Poll.group_id.in_(IDS), Poll.status == "open", Poll.closes_at.is_not(None)) \
    .order_by(Poll.id)


@dataclass
class Record:
    meetings: dict[int, list[Meeting]] = field(default_factory=lambda: defaultdict(list))
    seated: dict[int, list[Membership]] = field(default_factory=lambda: defaultdict(list))
    standing: dict[int, list[DeputyNomination]] = field(default_factory=lambda: defaultdict(list))
    polls: dict[int, list[Poll]] = field(default_factory=lambda: defaultdict(list))
    last_start: dict[int, dt.datetime] = field(default_factory=dict)
    fell_through: dict[int, int] = field(default_factory=dict)  # the latest meeting cancelled or unopened after it


def gather(found: dict[int, list[Any]], rows: Any) -> None:
    for row in rows:
        found[row.group_id].append(row)


def read(session: Session, group_ids: list[int], now: dt.datetime, days: dict[int, dt.date]) -> Record:
    """`days`: each group's own date at `now`, in its time zone, on which its seats are held."""
    record = Record()
    for start in range(0, len(group_ids), CHUNK):
        ids = group_ids[start:start + CHUNK]
        gather(record.meetings, session.scalars(MEETINGS, {"ids": ids, "after": now - reminders.DAY}))
        gather(record.seated, session.scalars(SEATED, {"ids": ids}))
        gather(record.standing, session.scalars(STANDING, {"ids": ids}))
        gather(record.polls, session.scalars(POLLS, {"ids": ids}))
        record.last_start.update({group_id: starts for group_id, starts in session.execute(
            select(Meeting.group_id, func.max(Meeting.starts_at)).where(
                Meeting.group_id.in_(ids), counts_for_cadence(now)).group_by(Meeting.group_id))})
        record.fell_through.update({group_id: meeting_id for group_id, meeting_id in session.execute(
            fell_through(ids, now))})
    for group_id, seated in record.seated.items():  # not a successor seated ahead of their day (PLPCP Membership)
        record.seated[group_id] = holding_on(seated, days[group_id])
    return record


def fell_through(ids: list[int], now: dt.datetime) -> Select[int, int]:
    """Of each group, the latest meeting cancelled or passed unopened since the last one the cadence counts."""
    counted = select(Meeting.group_id.label("group_id"), func.max(Meeting.starts_at).label("last")).where(
        Meeting.group_id.in_(ids), counts_for_cadence(now)).group_by(Meeting.group_id).subquery()
    return select(Meeting.group_id, func.max(Meeting.id)).outerjoin(
        counted, counted.c.group_id == Meeting.group_id).where(
        Meeting.group_id.in_(ids), not_(counts_for_cadence(now)),
        or_(counted.c.last.is_(None), Meeting.starts_at > counted.c.last)).group_by(Meeting.group_id)
