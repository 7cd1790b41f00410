"""When a meeting's quorum came and went, read from the arrival and departure times its roll holds and the spells
away the audit trail keeps, so its minutes say so (`quorate from 10:05, when dan arrived`; `not quorate from 10:40,
when bob left`) rather than only how it stood when it opened."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.models import Attendance, AuditEvent, Meeting, Membership, Person
from bot.records.away import attendee, spells_away
from bot.records.relieved import relieved_spells
from bot.rules.attendance import Spell
from bot.rules.chair import holds_chair
from bot.rules.in_force import and_list
from bot.rules.quorum import of_roll
from bot.rules.voting import is_voting
from bot.terms import Terms

ATTENDING = ("present", "deputised")
# What happened to a row at a moment: it arrived, left, or came back (a spell away's end).
ARRIVED, LEFT, BACK = "arrived", "left", "came back"


SEATS = select(Membership).where(Membership.group_id == bindparam("group_id"))
ROLL = select(Attendance).where(Attendance.meeting_id == bindparam("meeting_id")).order_by(Attendance.id)
ARRIVING, GOING, RETURNING = ("attendance.present", "attendance.deputised"), "attendance.left", "attendance.returned"
MOVES = select(AuditEvent.id, AuditEvent.actor_id, AuditEvent.action, AuditEvent.at, AuditEvent.detail).where(
    AuditEvent.group_id == bindparam("group_id"), AuditEvent.at >= bindparam("since"),
    AuditEvent.action.in_((*ARRIVING, GOING, RETURNING))).order_by(AuditEvent.id)
# {(member, attendee, action): [(when, event id, who typed it), ...]}, oldest first: each move the trail holds.
Trail = dict[tuple[object, object, str], list[tuple[dt.datetime, int, int | None]]]
Moment = tuple[dt.datetime, int, int, str, int | None]  # when, its place in the trail, whose row, what, who typed it


def read_trail(session: Session, meeting: Meeting) -> Trail:
    """Every arrival, leaving and return at `meeting` since it opened, as the audit trail holds them (one read),
    keyed by whom it moved: the attendee named by whoever recorded it (`here @p`, `leaving @p`), else the actor."""
    trail: Trail = {}
    for event_id, actor, action, at, detail in session.execute(MOVES, {"group_id": meeting.group_id,
                                                                       "since": meeting.opened_at}):
        if detail.get("meeting") == meeting.id:
            key = (detail.get("member"), detail.get("attendee", actor), action)
            trail.setdefault(key, []).append((at, event_id, actor))
    return trail


def arrival(trail: Trail, row: Attendance, fallback: int) -> tuple[int, int | None]:
    """(its place in the trail, who typed it) of the arrival `row` now records: a row may be older than the arrival
    it records (apologies sent before a deputy came in the member's place); `fallback` where the trail holds none."""
    held = [event for action in ARRIVING for event in trail.get((row.member_id, attendee(row), action), [])
            if event[0] <= row.recorded_at]
    latest = max(held, key=lambda event: event[1], default=None)
    return (latest[1], latest[2]) if latest else (fallback, None)


def moved(events: list[tuple[dt.datetime, int, int | None]], at: dt.datetime, last: int, row: int,
          what: str) -> Moment:
    """The leaving or return of `row` at `at`, placed as the trail holds it (the first of `events` at that time not
    yet taken, then taken); one it does not hold comes after every change of its time (`last`)."""
    event = next((event for event in events if event[0] == at), None)
    if event is None:
        return (at, last, row, what, None)
    events.remove(event)
    return (at, event[1], row, what, event[2])


def moments(rows: list[Attendance], away: dict[int, list[Spell]], opened: dt.datetime,
            closed: dt.datetime | None, trail: Trail) -> list[Moment]:
    """Every arrival after the opening, spell away and departure at a meeting, in the order they were made (within
    one time, the trail's: a replayed meeting records its roll call and early departures at one time), to its close.
    A row whose arrival the trail does not hold comes first, in the order of the rows."""
    last = max((event[1] for events in trail.values() for event in events), default=0) + 1
    found: list[Moment] = []
    for n, row in enumerate(sorted(rows, key=lambda r: r.id)):
        if row.recorded_at >= opened:
            order, typed = arrival(trail, row, n - len(rows))
            found.append((row.recorded_at, order, row.id, ARRIVED, typed))
        left = list(trail.get((row.member_id, attendee(row), GOING), []))
        back = list(trail.get((row.member_id, attendee(row), RETURNING), []))
        for gone, came in away.get(row.id, []):
            found += [moved(left, gone, last, row.id, LEFT), moved(back, came, last, row.id, BACK)]
        found += [moved(left, row.left_at, last, row.id, LEFT)] if row.left_at is not None else []
    return sorted((m for m in found if closed is None or m[0] <= closed), key=lambda m: m[:4])


def named(session: Session, terms: Terms, row: Attendance) -> str:
    """Who attends by `row`, as the minutes name them: `dan`, `yan (deputy for carol)`."""
    who = session.get(Person, row.deputy_id if row.status == "deputised" else row.member_id)
    member = session.get(Person, row.member_id)
    return (who.display_name if who else "a member") + (
        f" ({terms.deputies.word} for {member.display_name})" if row.status == "deputised" and member else "")


def quorum_changes(session: Session, terms: Terms, meeting: Meeting,
                   roll: list[Attendance] | None = None) -> list[str]:
    """Each time the quorum of a meeting came or went after it opened: `quorate from 10:05, when dan arrived — 3
    members present, 3 needed (ToR 6.4)`, `not quorate from 10:40, when bob left — …`, `quorate again from 10:55, when
    bob came back — …`; that it never became quorate, for one that opened short and closed so; none where the ToR
    sets no quorum or the record holds no opening. `roll`: the meeting's attendance rows, where already read."""
    if terms.quorum is None or meeting.opened_at is None or meeting.quorate_at_open is None:
        return []
    day = meeting.starts_at.astimezone(terms.zone).date()
    seats = list(session.scalars(SEATS, {"group_id": meeting.group_id}))
    voting = {m.person_id for m in seats if is_voting(terms, m, day)}
    chairs = {m.person_id for m in seats if holds_chair(terms, m, day)}
    if meeting.chair_id:
        chairs.add(meeting.chair_id)
    read = roll if roll is not None else session.scalars(ROLL, {"meeting_id": meeting.id})
    rows = [row for row in read if row.status in ATTENDING]
    away = spells_away(session, meeting, rows)
    rows += relieved_spells(session, meeting, rows)  # a deputy there until the member came counted till then
    by_id = {row.id: row for row in rows}
    quorate, said, ever = meeting.quorate_at_open, [], meeting.quorate_at_open
    room = {row.id for row in rows if row.recorded_at < meeting.opened_at}
    # Those moved by one command (`leaving @carol @dan`: one who typed it, one time) changed the quorum together;
    # others, each in the order the trail holds (`moments`).
    for (at, what, _), together in groupby(moments(rows, away, meeting.opened_at, meeting.closed_at, read_trail(
            session, meeting)), key=lambda m: (m[0], m[3], (m[1], None) if m[4] is None else (None, m[4]))):
        moved_now = [m[2] for m in together]
        room = room - set(moved_now) if what == LEFT else room | set(moved_now)
        verdict = of_roll(terms, [row for row in rows if row.id in room], voting=voting, chairs=chairs)
        if verdict.quorate == quorate:
            continue
        came = and_list([named(session, terms, by_id[row_id]) for row_id in moved_now])
        again = " again" if verdict.quorate and ever else ""
        count = verdict.text.removeprefix("quorate — ").removeprefix("not quorate — ")
        said.append(f"{'quorate' if verdict.quorate else 'not quorate'}{again} from "
                    f"{at.astimezone(terms.zone):%H:%M}, when {came} {what} — {count}")
        quorate, ever = verdict.quorate, ever or verdict.quorate
    if not ever and meeting.closed_at is not None:
        said.append(terms.quorum.cited("not quorate at any time before it closed"))
    return said
