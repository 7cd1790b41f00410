"""The audit trail checked and exported: verify the chains and the record rows they vouch for, naming what broke."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import ApprovedMinutes, AuditEvent, Group, Meeting
from bot.records.audit_chain import ChainWalk
from bot.records.minutes import seal
from bot.records.record_rows import row_problems


@dataclass(frozen=True)
class Verdict:
    """The result of checking the chain: how many events, the newest hash, and every problem found (the first
    break in the chain stops the check; then every row of the record that the chain does not vouch for)."""

    checked: int
    head: str
    problems: tuple[tuple[str, int | None], ...] = ()
    chain_broken: bool = False

    @property
    def intact(self) -> bool:
        return not self.problems

    @property
    def problem(self) -> str | None:
        return self.problems[0][0] if self.problems else None

    @property
    def event_id(self) -> int | None:
        return self.problems[0][1] if self.problems else None


def events(session: Session, group_id: int | None = None) -> Iterator[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id)
    if group_id is not None:
        query = query.where(AuditEvent.group_id == group_id)
    yield from session.scalars(query)


def group_names(session: Session) -> dict[int, str]:
    return {group_id: name for group_id, name in session.execute(select(Group.id, Group.short_name))}


def verify(session: Session) -> Verdict:
    """Recompute every event's hash and its link to the one before in its chain; stop at the first break. Then
    check every decision row against the newest digest the chain holds for it, and the approved minutes' seals.

    An event whose content no longer matches its own hash was altered. An event that does not link to its
    predecessor follows a deletion (a gap in ids, or in its group's chain) or a predecessor altered with its hash
    rewritten. The removal of a chain's newest events leaves no break in it (though the rows they sealed no longer
    match): check a head kept elsewhere with `expect` to see that.
    """
    walk = ChainWalk(group_names(session))
    for event in events(session):
        problem: tuple[str, int | None] | None = walk.check(event)
        if problem:
            return Verdict(walk.checked, walk.newest, (problem,), chain_broken=True)
    found = row_problems(session, walk.sealed)
    minutes = minutes_problem(session)
    if minutes[0] is not None:
        found.append((minutes[0], minutes[1]))
    return Verdict(walk.checked, walk.newest, tuple(found))


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
