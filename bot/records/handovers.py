"""Who chaired an open meeting until when, where the chair handed over during it (`meeting chair @p` at an open
meeting: LIEG 5.1's volunteer leaves, another steering group member takes the chair)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.models import AuditEvent, Meeting
from bot.records.people import Namer

# Built once, not at each call (a roll reads them at every turn of an open meeting).
EVENTS_OF = select(AuditEvent).where(AuditEvent.group_id == bindparam("group_id"),
                                     AuditEvent.action == bindparam("action")).order_by(AuditEvent.id)


def handovers(session: Session, meeting: Meeting) -> list[tuple[dt.datetime, int | None, int]]:
    """(when, previous chair id or None for the group's chair, new chair id) for each handover, oldest first."""
    found = []
    for event in session.scalars(EVENTS_OF, {"group_id": meeting.group_id, "action": "meeting.chair_named"}):
        detail = event.detail
        if detail.get("meeting") == meeting.id and "previous" in detail:
            found.append((event.at, detail["previous"], int(detail["chair"])))
    return found


Handovers = list[tuple[dt.datetime, int | None, int]]


def first_chair(session: Session, meeting: Meeting, passed: Handovers | None = None) -> int | None:
    """Who chaired the meeting from its opening: the chair before its first handover, else its chair now (`passed`:
    its handovers, where read already)."""
    passed = handovers(session, meeting) if passed is None else passed
    return passed[0][1] if passed else meeting.chair_id


def opened_by(session: Session, meeting: Meeting) -> int | None:
    """Who opened the meeting, and so ran it where it names no chair and the group has no single chair (LIEG's
    co-chairs, 3.1); None before it opened."""
    for event in session.scalars(EVENTS_OF, {"group_id": meeting.group_id, "action": "meeting.opened"}):
        if event.detail.get("meeting") == meeting.id:
            return event.actor_id
    return None


def chair_words(session: Session, meeting: Meeting, group_chair: int | None, names: Namer,
                zone: ZoneInfo, first: str | None = None, passed: Handovers | None = None) -> str | None:
    """`erin (Hackney) until 10:40, then alice (Barnet)`; None where nobody took the chair over during the meeting.
    `group_chair` is the group's own chair, who chairs a meeting that names none; `first`, where given, says who
    chaired before the first handover (CSCPWG: the secretariat until the chair was elected, then that chair);
    `passed`, its handovers, where read already."""
    passed = handovers(session, meeting) if passed is None else passed
    if not passed:
        return None
    words = [first or names(passed[0][1] if passed[0][1] is not None else group_chair)]
    for at, _, new in passed:
        words[-1] += f" until {at.astimezone(zone):%H:%M}"
        words.append(names(new))
    return ", then ".join(words)
