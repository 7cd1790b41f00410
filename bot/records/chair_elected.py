"""The chair a meeting elected, from the record of the election (`chair @p --poll N`), for its minutes."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.records.minutes_reads import ELECTIONS, PRESENT


def elected_at(session: Session, group_id: int, meeting_id: int) -> tuple[int, int] | None:
    """(person id, ballot number) of the last chair elected at meeting `meeting_id` who attended it, and so took
    the chair there; None where it elected none, or elected someone absent (who chairs from the next meeting)."""
    for detail in session.scalars(ELECTIONS, {"group_id": group_id}):
        person, poll = detail.get("person"), detail.get("poll_number")
        if detail.get("meeting") == meeting_id and isinstance(person, int) and isinstance(poll, int):
            return (person, poll) if attended(session, meeting_id, person) else None
    return None


def attended(session: Session, meeting_id: int, person_id: int) -> bool:
    """Whether `person_id` is recorded present at the meeting (leaving early still counts)."""
    return session.scalar(PRESENT, {"meeting_id": meeting_id, "person_id": person_id}) is not None
