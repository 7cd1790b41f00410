"""What a group's web page shows, read from the record: its rules, meetings, registers, actions and attendance.
Neutral data only; handlers/web lays it out."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import ActionItem, Group, Meeting
from bot.records import registers
from bot.records.calendar_feed import feed_token
from bot.records.meeting_record import MeetingRecord, meeting_record
from bot.records.minutes_file import minutes_file, pdf_available
from bot.records.people import namer
from bot.records.tables import Table
from bot.rules.calendar import show, show_date
from bot.rules.in_force import rules_in_force
from bot.rules.page_access import explain
from bot.terms_stored import group_terms


@dataclass(frozen=True)
class MeetingView:
    number: int
    when: str
    status: str
    upcoming: bool
    record: MeetingRecord
    minutes_status: str  # "Approved on … by …" or "DRAFT — not approved"
    minutes_text: str
    withheld: str = ""  # why the reader may not read these minutes yet (a draft the ToR keeps to some), if so


@dataclass(frozen=True)
class AttendanceChart:
    """Meetings × members: each cell present | deputised | apologies | absent | "" (not a member then); `runs`
    marks the cells of each run of missed meetings as long as the ToR's warning limit."""

    meetings: tuple[str, ...]
    members: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]
    runs: frozenset[tuple[int, int]] = frozenset()  # (member row, meeting column)
    limit: int | None = None
    clause: str = ""
    deputy_mark: str = "D"  # the ToR's word for a deputy, as the chart letters and explains it: PLPCP's "Alt"
    key: str = "P present, D deputised, Ap apologies, A absent, – not a member then"  # registers.key


@dataclass
class GroupPage:
    name: str
    short_name: str
    purpose: str
    access: str
    rules: list[tuple[str, str]]
    meetings: list[MeetingView] = field(default_factory=list)
    interests: Table | None = None
    decisions: Table | None = None
    actions: list[tuple[str, str, str, str]] = field(default_factory=list)  # number, text, owner, due
    chart: AttendanceChart | None = None
    pdf: bool = False
    calendar: str = ""  # the path of the group's ICS feed, with its token


# Why the page's reader may not read a meeting's minutes as they stand (None: they may); the caller decides.
Withheld = Callable[[Meeting], str | None]


def meeting_view(session: Session, group: Group, meeting: Meeting, now: dt.datetime,
                 withheld: Withheld) -> MeetingView:
    record = meeting_record(session, group, meeting)
    filed = minutes_file(session, group, meeting, record)  # the same record: the page read it twice a meeting
    zone = group_terms(group).zone
    why = withheld(meeting) or ""
    if why:  # what was minuted and resolved is the minutes' to say, once they may be read (LIEG 5.2)
        record = dataclasses.replace(record, notes={})
    return MeetingView(meeting.number, show(meeting.starts_at, zone), meeting.status,
                       meeting.status == "scheduled" and meeting.starts_at >= now, record, filed.filing.status,
                       "" if why else filed.text, why)


MISSED = {"absent"}


def chart(session: Session, group: Group) -> AttendanceChart:
    """The attendance register drawn as a grid: the first word of each cell is its status."""
    terms = group_terms(group)
    table = registers.attendance(session, group)
    columns = len(table.headers) - 3
    missed = MISSED | ({"apologies"} if terms.attendance.apologies_count_as_absence else set())
    limit = terms.attendance.warn_after_consecutive_absences
    cells = tuple(tuple(registers.status_of(c, terms) for c in row[1:1 + columns]) for row in table.rows)
    runs: set[tuple[int, int]] = set()
    for r, row in enumerate(cells):
        start = None
        for c, status in enumerate([*row, ""]):
            if status in missed:
                start = c if start is None else start
                continue
            if start is not None and limit and c - start >= limit:
                runs.update((r, k) for k in range(start, c))
            start = None
    short = tuple(h.split(" (")[0].replace("Meeting ", "M") + " " + h.split(" (")[1].rstrip(")")
                  for h in table.headers[1:1 + columns])
    return AttendanceChart(short, tuple(row[0] for row in table.rows), cells, frozenset(runs), limit,
                           terms.attendance.absence_rule.cite(), registers.marks(terms)["deputised"],
                           registers.key(terms, {status for row in cells for status in row}))


def open_actions(session: Session, group: Group) -> list[tuple[str, str, str, str]]:
    names = namer(session, group)
    rows = session.scalars(select(ActionItem).where(ActionItem.group_id == group.id, ActionItem.done_at.is_(None))
                           .order_by(ActionItem.number))
    return [(str(a.number), a.text, names(a.owner_id) if a.owner_id else "no owner yet",
             show_date(a.due_on) if a.due_on else "") for a in rows]


def group_page(session: Session, group: Group, now: dt.datetime, withheld: Withheld = lambda _: None,
               calendar: str | None = None) -> GroupPage:
    """Everything the page of `group` shows, as of `now`. The caller has decided the reader may see it, and says
    which meetings' minutes they may not read yet (`withheld`) and the token of the reader's own calendar
    address (`calendar`; else the group's, for a public page's visitor)."""
    terms = group_terms(group)
    page = GroupPage(terms.name, group.short_name, (terms.purpose or "").strip(), explain(terms) + ".",
                     rules_in_force(terms, now.astimezone(terms.zone).date()), pdf=pdf_available())
    meetings = session.scalars(select(Meeting).where(Meeting.group_id == group.id).order_by(Meeting.starts_at))
    page.meetings = [meeting_view(session, group, m, now, withheld) for m in meetings if m.status != "cancelled"]
    page.interests = registers.interests(session, group)
    page.decisions = registers.decisions(session, group)
    page.actions = open_actions(session, group)
    page.chart = chart(session, group)
    page.calendar = f"/calendar/{group.short_name}.ics?token={calendar or feed_token(session, group, now)}"
    return page
