"""Whom each deputy attended a meeting for: a deputy holds no seat, so a register that names them by name alone
leaves a reader unable to tell whose interests or votes they were. The registers name `yan (deputy for carol)`."""

from __future__ import annotations

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session

from bot.models import Attendance, Meeting, Person

# A deputy attending for a member (deputy_id), or one who stood down when the member came (relieved_id).
DEPUTISING = select(Attendance.meeting_id, Attendance.deputy_id, Attendance.relieved_id, Person.display_name) \
    .join(Meeting, Meeting.id == Attendance.meeting_id).join(Person, Person.id == Attendance.member_id) \
    .where(Meeting.group_id == bindparam("group_id"),
           or_(Attendance.deputy_id.is_not(None), Attendance.relieved_id.is_not(None)))


def deputised_for(session: Session, group_id: int) -> dict[tuple[int, int], str]:
    """(meeting id, deputy's person id) → the name of the member they attended that meeting for."""
    found: dict[tuple[int, int], str] = {}
    for meeting_id, deputy_id, relieved_id, member in session.execute(DEPUTISING, {"group_id": group_id}):
        for deputy in (deputy_id, relieved_id):
            if deputy is not None:
                found[(meeting_id, deputy)] = member
    return found


def as_deputy(name: str, word: str, member: str | None) -> str:
    """`yan (deputy for carol)` where `member` is whom they attended for, else `name` as it is."""
    return f"{name} ({word} for {member})" if member else name
