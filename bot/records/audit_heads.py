"""The heads of the audit chains, for an operator to publish, and a check against a head kept elsewhere."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.models import AuditEvent, Group

HEAD = re.compile(r"[0-9a-fA-F]{64}")
NO_GROUP = "events of no group"


@dataclass(frozen=True)
class Head:
    """The newest event of one chain: which chain (a group's short name), its id and hash."""

    chain: str
    event_id: int
    hash: str


@dataclass(frozen=True)
class Kept:
    """What became of a head kept elsewhere: still in the trail (`found`) or not, said for a person."""

    found: bool
    message: str


def looks_like_head(text: str) -> bool:
    return HEAD.fullmatch(text) is not None


def chain_name(session: Session, group_id: int | None) -> str:
    group = session.get(Group, group_id) if group_id is not None else None
    return group.short_name if group else NO_GROUP


def heads(session: Session, group_id: int | None = None) -> list[Head]:
    """The head of every chain (of one group's only, when given), groups by name and the events of no group last.
    Before any per-group event (a database not yet sealed) the one old chain's head is given."""
    newest = select(AuditEvent.group_id, func.max(AuditEvent.seq).label("seq")).where(
        AuditEvent.seq.is_not(None)).group_by(AuditEvent.group_id)
    if group_id is not None:
        newest = newest.where(AuditEvent.group_id == group_id)
    found = []
    for chain_group, seq in session.execute(newest).all():
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.group_id.is_(None) if chain_group is None else AuditEvent.group_id == chain_group,
            AuditEvent.seq == seq)).one()
        found.append(Head(chain_name(session, chain_group), event.id, event.hash))
    if not found and group_id is None:
        legacy = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).first()
        found = [Head("the whole trail", legacy.id, legacy.hash)] if legacy else []
    return sorted(found, key=lambda head: (head.chain == NO_GROUP, head.chain))


def expect(session: Session, kept: str) -> Kept:
    """Whether the trail still holds the event whose hash is `kept` (a head published earlier). Together with an
    intact chain this shows that nothing up to that event was removed or rewritten since it was published."""
    event = session.scalars(select(AuditEvent).where(AuditEvent.hash == kept)).first()
    if event is None:
        return Kept(False, f"no event in the audit trail has the hash {kept}: the events up to the head you kept "
                           "were removed or rewritten (or the hash was copied wrongly).")
    chain = chain_name(session, event.group_id)
    later = session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.group_id.is_(None) if event.group_id is None else AuditEvent.group_id == event.group_id,
        AuditEvent.id > event.id)) or 0
    if later == 0:
        return Kept(True, f"The head you kept is the newest event of the chain of {chain} (event {event.id}).")
    return Kept(True, f"The head you kept is event {event.id} of the chain of {chain}, unchanged; {later} "
                      f"event{'s' if later != 1 else ''} of that chain came after it.")
