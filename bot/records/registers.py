"""The group's registers as tables: interests, attendance, members with terms, and decisions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import UsageError
from bot.models import AgendaItem, Attendance, Group, Interest, Meeting, Membership, Poll
from bot.records.meeting_record import name_of, tally
from bot.records.tables import Table
from bot.rules.attendance import consecutive_misses
from bot.rules.calendar import show, show_date
from bot.services.context import terms_of

STATUS_WORDS = {"present": "present", "deputised": "deputised", "apologies": "apologies", "absent": "absent"}


def interests(session: Session, group: Group, person_id: int | None = None, since: dt.date | None = None) -> Table:
    """Every declaration (or declaration of none), oldest first; optionally one person's, from a date."""
    terms = terms_of(group.terms_yaml, group.short_name)
    query = select(Interest).where(Interest.group_id == group.id).order_by(Interest.declared_at, Interest.id)
    if person_id is not None:
        query = query.where(Interest.person_id == person_id)
    rows = []
    for i in session.scalars(query):
        declared = i.declared_at.astimezone(terms.zone)
        if since is not None and declared.date() < since:
            continue
        item = session.get(AgendaItem, i.item_id) if i.item_id else None
        rows.append((f"{declared:%Y-%m-%d %H:%M}", i.person.display_name, str(i.meeting_id or ""),
                     f"{item.position} {item.title}" if item else "", i.nature or "",
                     "no interests to declare" if i.no_interests else i.description or ""))
    return Table(f"{terms.name}: register of interests",
                 ("Declared", "Person", "Meeting", "Item", "Nature", "Interest"), tuple(rows))


def held_meetings(session: Session, group: Group) -> list[Meeting]:
    return list(session.scalars(select(Meeting).where(Meeting.group_id == group.id, Meeting.status == "closed")
                                .order_by(Meeting.starts_at)))


def attendance(session: Session, group: Group) -> Table:
    """A row per member, a column per meeting held; the run of missed meetings, flagged at the ToR's limit."""
    terms = terms_of(group.terms_yaml, group.short_name)
    meetings = held_meetings(session, group)
    statuses: dict[tuple[int, int], str] = {}
    for row in session.scalars(select(Attendance).where(Attendance.meeting_id.in_([m.id for m in meetings]))):
        deputy = f" ({name_of(session, row.deputy_id)})" if row.deputy_id else ""
        statuses[(row.member_id, row.meeting_id)] = STATUS_WORDS.get(row.status, row.status) + deputy
    seated = session.scalars(select(Membership.person_id).where(Membership.group_id == group.id)
                             .order_by(Membership.id))
    recorded = {member for member, _ in statuses}
    members = [m for m in dict.fromkeys(seated) if m in recorded] + sorted(recorded - set(seated_ids(session, group)))
    rule = terms.attendance
    rows = []
    for member_id in members:
        cells = [statuses.get((member_id, m.id), "") for m in meetings]
        history = [c.split(" ")[0] for c in reversed(cells) if c]
        missed = consecutive_misses(history, rule.apologies_count_as_absence)
        limit = rule.warn_after_consecutive_absences
        flag = rule.cited(f"missed {missed} in a row; papers may be withheld") if limit and missed >= limit else ""
        rows.append((name_of(session, member_id), *cells, str(missed), flag))
    headers = ("Member", *(f"Meeting {m.id} ({show_date(m.starts_at.astimezone(terms.zone).date())})"
                           for m in meetings), "Missed in a row", "Flag")
    return Table(f"{terms.name}: attendance register", headers, tuple(rows))


def seated_ids(session: Session, group: Group) -> list[int]:
    return list(session.scalars(select(Membership.person_id).where(Membership.group_id == group.id)))


def members(session: Session, group: Group) -> Table:
    """Every seat holding, current and past, with its term."""
    terms = terms_of(group.terms_yaml, group.short_name)
    rows = []
    for m in session.scalars(select(Membership).where(Membership.group_id == group.id).order_by(Membership.id)):
        seat = terms.seat(m.seat_title)
        rows.append((m.seat_title, seat.organisation or "" if seat else "", m.person.display_name,
                     m.role.replace("_", "-"), "yes" if seat and seat.voting else "no", m.term_starts_on.isoformat(),
                     m.term_ends_on.isoformat() if m.term_ends_on else "",
                     m.chair_term_ends_on.isoformat() if m.chair_term_ends_on else "",
                     m.ended_at.astimezone(terms.zone).date().isoformat() if m.ended_at else ""))
    return Table(f"{terms.name}: members and terms", ("Seat", "Organisation", "Holder", "Role", "Voting",
                                                      "Term from", "Term ends", "Chair until", "Left on"), tuple(rows))


def decisions(session: Session, group: Group) -> Table:
    """Every motion and poll with its totals and outcome; secret polls give totals only."""
    terms = terms_of(group.terms_yaml, group.short_name)
    rows = []
    for poll in session.scalars(select(Poll).where(Poll.group_id == group.id).order_by(Poll.id)):
        counts, voters = tally(session, poll)
        when = show(poll.closed_at or poll.proposed_at, terms.zone)
        rows.append((str(poll.id), "secret poll" if poll.secret else poll.kind, str(poll.meeting_id or ""), when,
                     poll.question, "; ".join(f"{label} {n}" for label, n in counts), str(voters), poll.status,
                     poll.outcome or ""))
    return Table(f"{terms.name}: decisions", ("Number", "Kind", "Meeting", "Date", "Question", "Votes", "Voted",
                                               "Status", "Outcome"), tuple(rows))


REGISTERS: dict[str, Callable[[Session, Group], Table]] = {
    "interests": interests, "attendance": attendance, "members": members, "decisions": decisions}


def register(session: Session, group: Group, what: str) -> Table:
    """The named register. Raises UsageError listing the registers there are."""
    build = REGISTERS.get(what)
    if build is None:
        raise UsageError(f"There is no register '{what[:40]}'; choose one of {', '.join(REGISTERS)}.")
    return build(session, group)
