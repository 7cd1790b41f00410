"""When a meeting that opened short of its quorum became quorate, read from the arrival times its roll holds, so
its minutes say so (`quorate from 10:05, when dan arrived`) rather than only that it opened not quorate."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.models import Attendance, Meeting, Membership, Person
from bot.rules.chair import holds_chair
from bot.rules.quorum import of_roll
from bot.rules.voting import is_voting
from bot.terms import Terms

ATTENDING = ("present", "deputised")


def in_room_on(rows: list[Attendance], arrival: Attendance) -> list[Attendance]:
    """Those attending once `arrival` came: recorded by then (by the clock, then in the order recorded, as several
    may arrive within the minute the meeting opened), and not yet left."""
    moment, came = arrival.recorded_at, (arrival.recorded_at, arrival.id)
    return [row for row in rows if (row.recorded_at, row.id) <= came and (row.left_at is None or row.left_at > moment)]


SEATS = select(Membership).where(Membership.group_id == bindparam("group_id"))
ROLL = select(Attendance).where(Attendance.meeting_id == bindparam("meeting_id")).order_by(Attendance.id)


def quorum_reached(session: Session, terms: Terms, meeting: Meeting,
                   roll: list[Attendance] | None = None) -> str | None:
    """`quorate from 10:05, when dan arrived — 3 members present, 3 needed (ToR 6.4)` for a meeting that opened not
    quorate and later was; that it never became quorate, for one closed so; None where it opened quorate, the ToR
    sets no quorum, or the record holds no opening. `roll`: the meeting's attendance rows, where already read."""
    if terms.quorum is None or meeting.opened_at is None or meeting.quorate_at_open is not False:
        return None
    day = meeting.starts_at.astimezone(terms.zone).date()
    seats = list(session.scalars(SEATS, {"group_id": meeting.group_id}))
    voting = {m.person_id for m in seats if is_voting(terms, m, day)}
    chairs = {m.person_id for m in seats if holds_chair(terms, m, day)}
    if meeting.chair_id:
        chairs.add(meeting.chair_id)
    read = roll if roll is not None else session.scalars(ROLL, {"meeting_id": meeting.id})
    rows = [row for row in read if row.status in ATTENDING]
    for row in sorted((r for r in rows if r.recorded_at >= meeting.opened_at), key=lambda r: (r.recorded_at, r.id)):
        if meeting.closed_at is not None and row.recorded_at > meeting.closed_at:
            break
        verdict = of_roll(terms, in_room_on(rows, row), voting=voting, chairs=chairs)
        if verdict.quorate:
            who = session.get(Person, row.deputy_id if row.status == "deputised" else row.member_id)
            member = session.get(Person, row.member_id)
            came = (who.display_name if who else "a member") + (
                f" ({terms.deputies.word} for {member.display_name})" if row.status == "deputised" and member else "")
            at = row.recorded_at.astimezone(terms.zone)
            return f"quorate from {at:%H:%M}, when {came} arrived — {verdict.text.removeprefix('quorate — ')}"
    return terms.quorum.cited("not quorate at any time before it closed") if meeting.closed_at is not None else None
