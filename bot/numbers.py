"""Meetings, polls and actions are numbered within their group, 1, 2, 3… in the order they are created: the numbers
people see and type. Database ids stay internal (card subjects, audit details, reminder keys)."""

from __future__ import annotations

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from bot.models import ActionItem, Group, Meeting, Poll

Numbered = type[Meeting] | type[Poll] | type[ActionItem]
# Built once, not at each creation (building a statement costs more CPU than SQLite running it).
GROUP_TURN = select(Group.id).where(Group.id == bindparam("group_id")).with_for_update(key_share=True)
LAST_NUMBER = {record: select(func.max(record.number)).where(record.group_id == bindparam("group_id"))
               for record in (Meeting, Poll, ActionItem)}


def next_number(session: Session, record: Numbered, group_id: int) -> int:
    """The number the group's next meeting (or poll, or motion, or action) takes.

    Call it in the transaction that adds the record. It locks the group's row until that commits, so two creations
    in one group take turns on PostgreSQL (SQLite has one writer at a time anyway); the unique (group_id, number)
    constraint backs that, and the core retries a command that loses a race. A refused command rolls back, so it
    leaves no gap. NO KEY UPDATE, not UPDATE: inserts elsewhere that merely refer to the group are not held up.
    """
    session.execute(GROUP_TURN, {"group_id": group_id})
    return (session.scalar(LAST_NUMBER[record], {"group_id": group_id}) or 0) + 1


def meeting_number(session: Session, meeting_id: int) -> int:
    """The number people know the meeting `meeting_id` by (its database id is never shown)."""
    meeting = session.get(Meeting, meeting_id)
    assert meeting is not None, f"meeting {meeting_id} is not in the record"
    return meeting.number
