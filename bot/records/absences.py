"""Runs of missed meetings, read from the record per member or per member organisation, as the ToR counts them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.models import Attendance, Group, Meeting, Membership, Person
from bot.records.people import people_read
from bot.rules.attendance import GUEST, sessions_missed
from bot.terms import Terms
from bot.terms_rules import Role


@dataclass(frozen=True)
class Attendee:
    """Who attends in the ToR's sense: a member, or the organisation its members represent."""

    name: str
    person_id: int | None = None  # None: an organisation
    warned_of: bool = True  # False: a seat the ToR's absence rule is not about (LIEG 2.3: member LAs only)

    @property
    def is_organisation(self) -> bool:
        return self.person_id is None


@dataclass(frozen=True)
class AttendanceRecord:
    """The meetings held, oldest first, and the attendance rows of each attendee at each of them."""

    terms: Terms
    meetings: list[Meeting]
    rows: dict[Attendee, dict[int, list[Attendance]]]
    order: list[Attendee]  # attendees in the order of their seats, then anyone else recorded

    def run(self, attendee: Attendee) -> list[Meeting]:
        """The meetings of the attendee's current run of misses, oldest first (empty when they attended last)."""
        rows = self.rows.get(attendee, {})
        recorded = [m for m in reversed(self.meetings) if m.id in rows]
        missed = sessions_missed(([r.status for r in rows[m.id]] for m in recorded),
                                 self.terms.attendance.apologies_count_as_absence)
        return recorded[:missed][::-1]

    def warned(self, attendee: Attendee) -> bool:
        """Whether the attendee's run has reached the ToR's number of consecutive absences."""
        limit = self.terms.attendance.warn_after_consecutive_absences
        return bool(limit) and attendee.warned_of and len(self.run(attendee)) >= (limit or 0)


# Built once: the register and every meeting's close read them.
HELD = select(Meeting).where(Meeting.group_id == bindparam("group_id"), Meeting.status == "closed") \
    .order_by(Meeting.starts_at)
SEATS = select(Membership).where(Membership.group_id == bindparam("group_id")).order_by(Membership.id)
ROWS = select(Attendance).where(Attendance.meeting_id.in_(bindparam("held", expanding=True)),
                                Attendance.status != GUEST).order_by(Attendance.id)


def held_meetings(session: Session, group: Group) -> list[Meeting]:
    return list(session.scalars(HELD, {"group_id": group.id}))


def attendee(session: Session, terms: Terms, membership: Membership | None, person_id: int) -> Attendee:
    """Whom a member's attendance counts for: their seat's organisation, when the ToR counts absences per
    organisation and the seat names one; otherwise the member."""
    seat = terms.seat(membership.seat_title) if membership is not None else None
    counted = terms.attendance.counts(seat.title if seat is not None else None)
    if terms.attendance.absences_counted_per == "organisation" and seat is not None and seat.organisation \
            and counted:
        return Attendee(seat.organisation)
    person = session.get(Person, person_id)
    return Attendee(person.display_name if person is not None else "not recorded", person_id, counted)


def read(session: Session, group: Group, terms: Terms) -> AttendanceRecord:
    """The group's attendance at its meetings held. A member who has since left counts for the organisation of
    the seat they held then, so a new representative continues their organisation's run."""
    meetings = held_meetings(session, group)
    held = {m.id: m for m in meetings}
    seats = list(session.scalars(SEATS, {"group_id": group.id}))
    held_by: dict[int, list[Membership]] = defaultdict(list)
    for membership in seats:
        held_by[membership.person_id].append(membership)
    rows: dict[Attendee, dict[int, list[Attendance]]] = defaultdict(lambda: defaultdict(list))
    # A guest (LIEG 2.7) holds no seat: neither a member nor a member body whose attendance the register keeps.
    attended = list(session.scalars(ROWS, {"held": sorted(held)})) if held else []
    ids = sorted({m.person_id for m in seats} | {row.member_id for row in attended})
    # Held while the attendees are named: `attendee` finds each in the session, not one read a person (and again for
    # each meeting they attended).
    people = people_read(session, ids)
    for row in attended:
        theirs = held_by[row.member_id]
        then = next((m for m in theirs if m.ended_at is None or m.ended_at >= held[row.meeting_id].starts_at),
                    theirs[-1] if theirs else None)
        if then is not None and then.role == Role.SECRETARIAT:
            continue  # supports the group, is no member of it: the ToR gives it no attendance to keep (PLPCP, LCIIB)
        rows[attendee(session, terms, then, row.member_id)][row.meeting_id].append(row)
    by_seat = [attendee(session, terms, m, m.person_id) for m in seats]
    order = [a for a in dict.fromkeys(by_seat) if a in rows] + [a for a in rows if a not in by_seat]
    del people
    return AttendanceRecord(terms, meetings, dict(rows), order)
