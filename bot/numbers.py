"""Meetings, polls and actions are numbered within their group, 1, 2, 3… in the order they are created: the numbers
people see and type. Database ids stay internal (card subjects, audit details, reminder keys)."""

from __future__ import annotations

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from bot.connections import connection_of
from bot.models import ActionItem, Group, Meeting, Poll
from bot.transaction_memo import forgotten_with_transaction

Numbered = type[Meeting] | type[Poll] | type[ActionItem]
# Built once, not at each creation (building a statement costs more CPU than SQLite running it).
GROUP_TURN = select(Group.id).where(Group.id == bindparam("group_id")).with_for_update(key_share=True)
LAST_NUMBER = {record: select(func.max(record.number)).where(record.group_id == bindparam("group_id"))
               for record in (Meeting, Poll, ActionItem)}
# The groups whose turn this transaction holds already: the lock lasts to its end, so `motion` (a motion, then its
# vote) takes it once. Forgotten when the transaction, or a savepoint in it, rolls back (which releases the lock).
TURNS = "numbers.turns"
forgotten_with_transaction(TURNS)


def next_number(session: Session, record: Numbered, group_id: int) -> int:
    """The number the group's next meeting (or poll, or motion, or action) takes.

    Call it in the transaction that adds the record. It locks the group's row until that commits, so two creations
    in one group take turns on PostgreSQL (SQLite has one writer at a time anyway); the unique (group_id, number)
    constraint backs that, and the core retries a command that loses a race. A refused command rolls back, so it
    leaves no gap. NO KEY UPDATE, not UPDATE: inserts elsewhere that merely refer to the group are not held up.
    """
    take_turn(session, group_id)
    return (session.scalar(LAST_NUMBER[record], {"group_id": group_id}) or 0) + 1


def meeting_number(session: Session, meeting_id: int) -> int:
    """The number people know the meeting `meeting_id` by (its database id is never shown)."""
    meeting = session.get(Meeting, meeting_id)
    assert meeting is not None, f"meeting {meeting_id} is not in the record"
    return meeting.number


def take_turn(session: Session, group_id: int) -> None:
    """Lock the group's row for the rest of the transaction, once. Not on SQLite: a transaction there begins by
    taking the database's one write lock (bot.db.immediate_begins), and SQLite has no row locks, so the read locked
    nothing and only cost a statement."""
    turns: set[int] = session.info.setdefault(TURNS, set())
    if group_id in turns or connection_of(session).dialect.name == "sqlite":
        return
    session.execute(GROUP_TURN, {"group_id": group_id})
    turns.add(group_id)
