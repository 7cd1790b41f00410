"""Earlier actions marked done while a meeting sat: the action log's progress, which the meeting's minutes record
("Action 1 from meeting 1 (…) was recorded as done by …"), as a clerk minutes matters arising."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.models import ActionItem, Meeting
from bot.models_events import AuditEvent
from bot.records.people import Namer

# Who marked which action done, while the meeting sat (bot/services/actions.action_done audits each).
DONE_DURING = select(AuditEvent.actor_id, AuditEvent.detail) \
    .where(AuditEvent.group_id == bindparam("group_id"), AuditEvent.action == "action.done",
           AuditEvent.at >= bindparam("opened"), AuditEvent.at <= bindparam("until")).order_by(AuditEvent.id)


def actions_done(session: Session, meeting: Meeting, while_open: dict[str, object], names: Namer) -> list[str]:
    """A sentence for each action of an earlier meeting (or of none) marked done between `meeting`'s opening and
    its close; its own actions are in its Actions section already."""
    said = []
    for by, detail in session.execute(DONE_DURING, while_open):
        ident = detail.get("action_item")
        action = session.get(ActionItem, ident) if ident is not None else None
        if action is None or action.meeting_id == meeting.id:
            continue
        earlier = session.get(Meeting, action.meeting_id) if action.meeting_id else None
        origin = f" from meeting {earlier.number}" if earlier else ""
        owner = f"; owner {names(action.owner_id)}" if action.owner_id else ""
        said.append(f"Action {action.number}{origin} ({action.text}{owner}) was recorded as done by {names(by)}.")
    return said
