"""A meeting's roll as one command reads it: read once, and read again only after the command has added or removed a
row. A quorum check, the roll's summary, a vote's electorate and the meeting's card each read the roll, several in
one command (`here` read it four times); each row is one object of the session, so a change the command makes to a
row is seen through the roll it read before."""

from __future__ import annotations

from itertools import chain

from sqlalchemy import bindparam, event, select
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction

from bot.models import Attendance, Meeting, Person
from bot.records.people import people_read
from bot.services.context import Context

# Built once: every vote, quorum check and roll call at a meeting reads them.
ROLL = select(Attendance).where(Attendance.meeting_id == bindparam("meeting_id")).order_by(Attendance.id)
# How many times this session has added or removed a roll row (or rolled a savepoint back): a roll read before is
# kept only while this stands where it stood when it was read.
CHANGES = "roll_rows.changes"


def attendance(ctx: Context, meeting: Meeting) -> list[Attendance]:
    """The meeting's roll, in the order it was recorded."""
    session = ctx.session
    if any(isinstance(row, Attendance) for row in chain(session.new, session.deleted)):
        return list(session.scalars(ROLL, {"meeting_id": meeting.id}))  # flushed first by the read, as it must be
    changes = session.info.get(CHANGES, 0)
    kept = ctx.rolls_read.get(meeting.id)
    if kept is None or kept[0] != changes:
        kept = ctx.rolls_read[meeting.id] = (changes, list(session.scalars(ROLL, {"meeting_id": meeting.id})))
    return list(kept[1])


def add_rows(ctx: Context, meeting: Meeting, rows: list[Attendance]) -> None:
    """Add `rows` to the meeting's roll and flush them, keeping the roll this command read current with them rather
    than read again (`here` from someone not on the roll read it twice, and the close after marking the absent),
    where they are the only rows the flush adds or removes."""
    session = ctx.session
    session.add_all(rows)
    added = {id(row) for row in rows}
    alone = not any(isinstance(r, Attendance) for r in session.deleted) and \
        all(id(r) in added for r in session.new if isinstance(r, Attendance))
    before, kept = session.info.get(CHANGES, 0), ctx.rolls_read.get(meeting.id)
    session.flush()
    if alone and kept is not None and kept[0] == before and session.info.get(CHANGES, 0) == before + 1:
        ctx.rolls_read[meeting.id] = (before + 1, sorted([*kept[1], *rows], key=lambda r: r.id))


def row_for(ctx: Context, meeting: Meeting, member: Person) -> Attendance | None:
    """`member`'s row of the roll (one at most: a member has one row a meeting)."""
    return next((row for row in attendance(ctx, meeting) if row.member_id == member.id), None)


def people_of(ctx: Context, rows: list[Attendance]) -> dict[int, Person]:
    """Everyone the rows name (the member, a deputy, the deputy relieved), read in one statement, not one each."""
    ids = {i for row in rows for i in (row.member_id, row.deputy_id, row.relieved_id) if i is not None}
    return {person.id: person for person in people_read(ctx.session, ids)}


@event.listens_for(Session, "after_flush")
def _rows_changed(session: Session, _flush: UOWTransaction) -> None:
    if any(isinstance(row, Attendance) for row in chain(session.new, session.deleted)):
        session.info[CHANGES] = session.info.get(CHANGES, 0) + 1


@event.listens_for(Session, "after_soft_rollback")  # a savepoint's too: rows it added are gone
def _rolled_back(session: Session, _previous: SessionTransaction) -> None:
    session.info[CHANGES] = session.info.get(CHANGES, 0) + 1
