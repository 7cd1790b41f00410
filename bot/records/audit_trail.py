"""The audit trail checked and exported: verify the hash chain, naming the first altered or missing event."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.audit import GENESIS, event_hash
from bot.models import ApprovedMinutes, AuditEvent, Group, Meeting
from bot.records.minutes import seal


@dataclass(frozen=True)
class Verdict:
    """The result of checking the chain: how many events, the newest hash, and the first problem if any."""

    checked: int
    head: str
    problem: str | None = None
    event_id: int | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None


def events(session: Session, group_id: int | None = None) -> Iterator[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id)
    if group_id is not None:
        query = query.where(AuditEvent.group_id == group_id)
    yield from session.scalars(query)


def missing_between(before: int, after: int) -> str:
    ids = f"event {before + 1}" if after - before == 2 else f"events {before + 1} to {after - 1}"
    return f"{ids} {'is' if after - before == 2 else 'are'} missing: event {after} does not chain to event {before}"


def verify(session: Session) -> Verdict:
    """Recompute every event's hash and its link to the one before; stop at the first break.

    An event whose content no longer matches its own hash was altered. An event whose `prev_hash` does not
    match its predecessor follows a deletion (when ids are missing between them) or a predecessor altered
    with its hash rewritten. The removal of the newest events leaves no break: compare `head` with a copy
    kept elsewhere to see that.
    """
    previous_hash, previous_id, checked = GENESIS, 0, 0
    for event in events(session):
        expected = event_hash(event.prev_hash, event.at, event.group_id, event.actor_id, event.action, event.detail)
        if expected != event.hash:
            return Verdict(checked, previous_hash, f"event {event.id} ({event.action}) was altered: its content no "
                           "longer matches its hash", event.id)
        if event.prev_hash != previous_hash:
            if event.id > previous_id + 1:
                return Verdict(checked, previous_hash, missing_between(previous_id, event.id), previous_id + 1)
            return Verdict(checked, previous_hash, f"event {previous_id} was altered and its hash rewritten: event "
                           f"{event.id} ({event.action}) no longer chains to it", previous_id)
        previous_hash, previous_id, checked = event.hash, event.id, checked + 1
    return Verdict(checked, previous_hash, *minutes_problem(session))


def minutes_problem(session: Session) -> tuple[str | None, int | None]:
    """Approved minutes whose text no longer has the hash the audit trail recorded when they were sealed."""
    sealed: dict[int, tuple[int, str]] = {}
    for event in session.scalars(select(AuditEvent).where(AuditEvent.action.in_(("minutes.approved",
                                                                                  "minutes.redacted")))
                                 .order_by(AuditEvent.id)):
        sealed[int(event.detail["meeting"])] = (event.id, str(event.detail["sha256"]))
    for minutes in session.scalars(select(ApprovedMinutes).order_by(ApprovedMinutes.meeting_id)):
        event_id, expected = sealed.get(minutes.meeting_id, (None, None))
        if expected is None or seal(minutes.text) != expected:
            where = f"the hash audit event {event_id} recorded" if event_id else "any approval in the audit trail"
            # Named as its group knows it: the trail spans every group, and meeting numbers restart in each.
            meeting = session.get(Meeting, minutes.meeting_id)
            group = session.get(Group, meeting.group_id) if meeting else None
            which = f"meeting {meeting.number} of {group.short_name}" if meeting and group else "a meeting"
            return (f"the approved minutes of {which} were altered: their text does not match "
                    f"{where}", event_id)
    return None, None


def as_json(event: AuditEvent) -> str:
    return json.dumps({"id": event.id, "at": event.at.isoformat(), "group_id": event.group_id,
                       "actor_id": event.actor_id, "action": event.action, "detail": event.detail,
                       "prev_hash": event.prev_hash, "hash": event.hash}, sort_keys=True, ensure_ascii=False)


def export_lines(session: Session, group_id: int | None = None) -> Iterator[str]:
    """The audit trail as JSON lines, oldest first: each event with its hash and its predecessor's."""
    for event in events(session, group_id):
        yield as_json(event)
