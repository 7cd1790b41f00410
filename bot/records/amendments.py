"""What the meeting that approved a meeting's minutes corrected in them first: the items whose discussion note or
resolution was written while it sat, before the approval. Minutes say the earlier minutes were approved "as
amended", and where; an auditor otherwise takes the approved text for the draft that was circulated."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.models import AgendaItem
from bot.models_events import AuditEvent

# The changes to item notes and resolutions in the group while the approving meeting sat (item_minutes.write).
ITEM_WRITES = select(AuditEvent.action, AuditEvent.detail) \
    .where(AuditEvent.group_id == bindparam("group_id"), AuditEvent.action.in_(("item.minute", "item.resolution")),
           AuditEvent.at >= bindparam("opened"), AuditEvent.at <= bindparam("approved")).order_by(AuditEvent.id)
ITEMS = select(AgendaItem.id, AgendaItem.position, AgendaItem.title) \
    .where(AgendaItem.meeting_id == bindparam("meeting_id"))
WHAT = {"item.minute": "its discussion note", "item.resolution": "its resolution"}


def amended(session: Session, group_id: int, meeting_id: int, opened: dt.datetime, approved: dt.datetime) -> str:
    """`, as amended at this meeting: item 1 (Title), its discussion note and its resolution` for the minutes of
    meeting `meeting_id` approved at `approved` by a meeting that opened at `opened`; "" where nothing in them was
    changed in between."""
    changed: dict[int, set[str]] = {}
    for action, detail in session.execute(ITEM_WRITES, {"group_id": group_id, "opened": opened,
                                                        "approved": approved}):
        if detail.get("meeting") == meeting_id:
            changed.setdefault(detail.get("item"), set()).add(action)
    if not changed:
        return ""
    items = sorted((position, title, changed[item]) for item, position, title in
                   session.execute(ITEMS, {"meeting_id": meeting_id}) if item in changed)
    said = [f"item {position} ({title}), " + " and ".join(WHAT[a] for a in WHAT if a in actions)
            for position, title, actions in items]
    return ", as amended at this meeting: " + "; ".join(said)
