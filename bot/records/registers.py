"""The group's registers as tables: interests, attendance, members with terms, and decisions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import UsageError
from bot.models import AgendaItem, Attendance, Group, Interest, Membership, Poll
from bot.numbers import meeting_number
from bot.records import absences
from bot.records.between_meetings import next_meeting_number
from bot.records.deputised import as_deputy, deputised_for
from bot.records.meeting_record import HIDDEN, name_of, tally
from bot.records.people import namer
from bot.records.tables import Table
from bot.rules.attendance import session_status
from bot.rules.calendar import show, show_date
from bot.terms import Terms
from bot.terms_stored import group_terms

APOLOGISED = "apologies; "  # a member who sent apologies and whose deputy then attended


def status_words(terms: Terms) -> dict[str, str]:
    """How a register cell words each attendance status: a deputy's attendance by the ToR's word (PLPCP: "alternate
    attended"; CJCG's "deputy": "deputised")."""
    word = terms.deputies.word
    return {"present": "present", "deputised": "deputised" if word == "deputy" else f"{word} attended",
            "apologies": "apologies", "absent": "absent"}


def marks(terms: Terms) -> dict[str, str]:
    """The register's letter for each status, a deputy's by the ToR's word: D for a deputy, Alt for an alternate."""
    word = terms.deputies.word
    return {"present": "P", "deputised": "D" if word == "deputy" else word[:3].capitalize(), "apologies": "Ap",
            "absent": "A", "": "–"}


def key(terms: Terms, seen: set[str]) -> str:
    """The register's key, listing only marks that can occur: a deputy's only where the ToR provides for deputies or
    the record holds one (LCIIB makes no provision for them, so its key has no "D deputised"). `seen`, the statuses
    the register records."""
    short, words = marks(terms), status_words(terms)
    shown = [s for s in words if s != "deputised" or terms.deputies.allowed or s in seen]
    return ", ".join(f"{short[s]} {words[s]}" for s in shown) + ", – not a member then"


def status_of(text: str, terms: Terms) -> str:
    """The attendance status a register cell records (present, deputised, apologies, absent), or "" for none: what
    the chat register and the page's chart mark, whatever the ToR calls a deputy and after apologies."""
    text = text.removeprefix(APOLOGISED)
    return next((status for status, words in status_words(terms).items() if text.startswith(words)), "")


def interests(session: Session, group: Group, person_id: int | None = None, since: dt.date | None = None) -> Table:
    """Every declaration (or declaration of none), oldest first; optionally one person's, from a date."""
    terms = group_terms(group)
    query = select(Interest).where(Interest.group_id == group.id).order_by(Interest.declared_at, Interest.id)
    if person_id is not None:
        query = query.where(Interest.person_id == person_id)
    rows = []
    names = namer(session, group)
    deputies = deputised_for(session, group.id)
    for i in session.scalars(query):
        declared = i.declared_at.astimezone(terms.zone)
        if since is not None and declared.date() < since:
            continue
        item = session.get(AgendaItem, i.item_id) if i.item_id else None
        meeting = str(meeting_number(session, i.meeting_id)) if i.meeting_id else ""
        person = as_deputy(names(i.person_id), terms.deputies.word, deputies.get((i.meeting_id or 0, i.person_id)))
        rows.append((f"{declared:%Y-%m-%d %H:%M}", person, meeting,
                     f"{item.position} {item.title}" if item else "", i.nature or "",
                     "no interests to declare" if i.no_interests else i.description or ""))
    return Table(f"{terms.name}: register of interests",
                 ("Declared", "Person", "Meeting", "Item", "Nature", "Interest"), tuple(rows))


def attendance(session: Session, group: Group) -> Table:
    """A row per member, or per member organisation when the ToR counts absences so, and a column per meeting
    held; the run of missed meetings, flagged at the ToR's limit."""
    terms = group_terms(group)
    record = absences.read(session, group, terms)
    rule = terms.attendance
    rows = []
    for attendee in record.order:
        cells = [cell(session, attendee, record.rows[attendee].get(m.id, []), terms) for m in record.meetings]
        missed = len(record.run(attendee))
        did = "not attended" if attendee.is_organisation else "missed"
        flag = rule.absence_rule.cited(f"{did} {missed} in a row; papers may be withheld") \
            if record.warned(attendee) else ""
        rows.append((attendee.name, *cells, str(missed), flag))
    headers = ("Member", *(f"Meeting {m.number} ({show_date(m.starts_at.astimezone(terms.zone).date())})"
                           for m in record.meetings), "Missed in a row", "Flag")
    return Table(f"{terms.name}: attendance register", headers, tuple(rows))


def cell(session: Session, attendee: absences.Attendee, rows: list[Attendance], terms: Terms) -> str:
    """`deputised (olga)` for a member (PLPCP: `alternate attended (nadia)`); for an organisation its status and who
    gave it: `present (alice, carol)`, `deputised (olga for frank)`. Empty when nobody was recorded."""
    status = session_status([row.status for row in rows])
    if not status:
        return ""
    words = status_words(terms).get(status, status)
    if not attendee.is_organisation:
        apologised = APOLOGISED if rows[0].status == "deputised" and rows[0].apologies_at else ""
        return apologised + words + (f" ({name_of(session, rows[0].deputy_id)})" if deputised(rows[0]) else "")
    who = [f"{name_of(session, r.deputy_id)} for {name_of(session, r.member_id)}" if deputised(r)
           else name_of(session, r.member_id) for r in rows if r.status == status]
    return f"{words} ({', '.join(who)})"


def deputised(row: Attendance) -> bool:
    """A deputy attended in the member's place (not beside the member present)."""
    return row.status == "deputised" and row.deputy_id is not None


def members(session: Session, group: Group) -> Table:
    """Every seat holding, current and past, with its term."""
    terms = group_terms(group)
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
    terms = group_terms(group)
    rows = []
    for poll in session.scalars(select(Poll).where(Poll.group_id == group.id).order_by(Poll.number)):
        counts, voters = tally(session, poll)
        when = show(poll.closed_at or poll.proposed_at, terms.zone)
        votes = "; ".join(f"{label} {n}" for label, n in counts) or HIDDEN
        rows.append((str(poll.number), "secret poll" if poll.secret else poll.kind, held_at(session, poll), when,
                     poll.question, votes, str(voters), poll.status, poll.outcome or ""))
    return Table(f"{terms.name}: decisions", ("Number", "Kind", "Meeting", "Date", "Question", "Votes", "Voted",
                                               "Status", "Outcome"), tuple(rows))


def held_at(session: Session, poll: Poll) -> str:
    """The meeting a vote was held at, or for one held between meetings, the meeting that reports it."""
    if poll.meeting_id:
        return str(meeting_number(session, poll.meeting_id))
    if poll.opened_at is None:
        return ""
    reported = next_meeting_number(session, poll)
    return "between meetings" + (f" (reported to meeting {reported})" if reported else "")


REGISTERS: dict[str, Callable[[Session, Group], Table]] = {
    "interests": interests, "attendance": attendance, "members": members, "decisions": decisions}


def register(session: Session, group: Group, what: str) -> Table:
    """The named register. Raises UsageError listing the registers there are."""
    build = REGISTERS.get(what)
    if build is None:
        raise UsageError(f"There is no register '{what[:40]}'; choose one of {', '.join(REGISTERS)}.")
    return build(session, group)
