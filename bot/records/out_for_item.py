"""Who left the room for an agenda item (`leaving --item N`), as the audit trail holds it: the minutes name each such
leaving in the attendance and under the item, with whether the one who left had declared an interest in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.models import AuditEvent, Interest, Meeting

LEFT_FOR_ITEMS = select(AuditEvent.actor_id, AuditEvent.at, AuditEvent.detail).where(
    AuditEvent.group_id == bindparam("group_id"), AuditEvent.action == "attendance.left",
    AuditEvent.at >= bindparam("since")).order_by(AuditEvent.id)
DECLARED_ON = select(Interest.nature).where(
    Interest.person_id == bindparam("person_id"), Interest.item_id == bindparam("item_id"),
    Interest.no_interests.is_(False)).limit(1)


@dataclass(frozen=True)
class OutForItem:
    """One leaving for an item: who left (`person`, the one attending), for whose seat (`member`), when, and why."""

    person: int
    member: int
    at: dt.datetime
    item: int  # the agenda item's id
    declared: str | None  # `pecuniary interest declared`, `interest declared`; None where none was


def leavings(session: Session, meeting: Meeting) -> list[tuple[int, int, dt.datetime, int]]:
    """(who left, for whose seat, when, the item's id) for each leaving of `meeting` for one of its items, oldest
    first; none before it opened. One read of the audit trail."""
    if meeting.opened_at is None:
        return []
    return [(detail.get("attendee", actor), detail.get("member"), at, detail["item"])  # recorded by another: named
            for actor, at, detail in session.execute(LEFT_FOR_ITEMS, {"group_id": meeting.group_id,
                                                                      "since": meeting.opened_at})
            if detail.get("meeting") == meeting.id and detail.get("item") is not None]


def out_for_items(session: Session, meeting: Meeting) -> list[OutForItem]:
    """Each leaving of `meeting` for one of its items, oldest first, with the interest declared in it."""
    return [OutForItem(actor, member, at, item, declared_words(session, actor, item))
            for actor, member, at, item in leavings(session, meeting)]


def left_for_positions(session: Session, meeting: Meeting) -> dict[tuple[int, int], dict[dt.datetime, str]]:
    """{(member, attendee): {time left: `for item 2 (pecuniary interest declared)`}}: the roll's shorter reason for
    each leaving for an item, with the interest the minutes give (left_words), so the card, `attendance` and the
    minutes agree on why someone went."""
    positions = {item.id: item.position for item in meeting.items}
    why: dict[tuple[int, int], dict[dt.datetime, str]] = {}
    for out in out_for_items(session, meeting):
        if out.item in positions:
            why.setdefault((out.member, out.person), {})[out.at] = f"for item {positions[out.item]}" + (
                f" ({out.declared})" if out.declared else "")
    return why


def declared_words(session: Session, person_id: int, item_id: int) -> str | None:
    """`pecuniary interest declared` where `person_id` declared an interest in the item (its nature where given),
    else None."""
    nature = session.execute(DECLARED_ON, {"person_id": person_id, "item_id": item_id}).first()
    if nature is None:
        return None
    return f"{nature[0]} interest declared" if nature[0] else "interest declared"


def left_words(position: int, declared: str | None) -> str:
    """`the room for item 2 (pecuniary interest declared)`: what follows `left` in the minutes."""
    return f"the room for item {position}" + (f" ({declared})" if declared else "")
