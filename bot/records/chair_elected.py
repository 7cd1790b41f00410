"""The chair a meeting elected, from the record of the election (`chair @p --poll N`), for its minutes."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.models import Meeting
from bot.records.minutes_reads import ELECTIONS, NONE_ELECTED, PRESENT
from bot.terms import Terms


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


def none_elected(session: Session, meeting: Meeting) -> bool:
    """Whether `meeting` closed with no chair elected where the ToR has the group elect one (CSCPWG Governance: "will
    elect a chair at its first meeting"), as its close recorded (bot/services/chair_notices.none_elected_at_close)."""
    return meeting.closed_at is not None and any(
        detail.get("meeting") == meeting.id for detail in session.scalars(NONE_ELECTED, {"group_id": meeting.group_id}))


def none_elected_minute(terms: Terms) -> str:
    """The minutes' line for a meeting that elected no chair while the group had none, citing the clause."""
    return terms.chair.cited("No chair was elected at this meeting, though the ToR has the group elect its chair") \
        + "; the election is to be held at a later meeting."
