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


def in_room_at(rows: list[Attendance], away: dict[int, list[Spell]], at: dt.datetime, order: int,
               orders: dict[int, int]) -> list[Attendance]:
    """Those attending just after the change made at `at`, the `order`-th recorded (several may arrive within one
    minute, counted in the order recorded, `orders`: `arrival_orders`; a departure or a return comes after every
    arrival of its time, as `moments` orders them: a replayed meeting records its roll call and an early departure
    at one time): arrived by then, not gone for good, not stepped out."""
    now, after = (at, order), departure_order(orders)

    def there(row: Attendance) -> bool:
        if (row.recorded_at, orders[row.id]) > now:
            return False
        if row.left_at is not None and (row.left_at, after) <= now:
            return False
        return not any((gone, after) <= now < (back, after) for gone, back in away.get(row.id, []))
    return [row for row in rows if there(row)]


def departure_order(orders: dict[int, int]) -> int:
    """The order a departure (or a return) takes among the changes of its time: after every arrival recorded."""
    return max(orders.values(), default=0) + 1


SEATS = select(Membership).where(Membership.group_id == bindparam("group_id"))
ROLL = select(Attendance).where(Attendance.meeting_id == bindparam("meeting_id")).order_by(Attendance.id)
ARRIVALS = select(AuditEvent.id, AuditEvent.actor_id, AuditEvent.at, AuditEvent.detail).where(
    AuditEvent.group_id == bindparam("group_id"), AuditEvent.at >= bindparam("since"),
    AuditEvent.action.in_(("attendance.present", "attendance.deputised"))).order_by(AuditEvent.id)


def arrival_orders(session: Session, meeting: Meeting, rows: list[Attendance]) -> dict[int, int]:
    """{roll row id: its place in the order the arrivals were recorded}: the audit trail's order of each row's
    arrival, since a row may be older than the arrival it now records (apologies sent before a deputy came in the
    member's place). A row whose arrival the trail does not hold comes first, in the order of the rows."""
    latest: dict[tuple[int, int], list[tuple[dt.datetime, int]]] = {}
    for event_id, actor, at, detail in session.execute(ARRIVALS, {"group_id": meeting.group_id,
                                                                  "since": meeting.opened_at}):
        if detail.get("meeting") == meeting.id:
            latest.setdefault((detail.get("member"), detail.get("attendee", actor)), []).append((at, event_id))
    first = -len(rows)
    orders = {}
    for n, row in enumerate(sorted(rows, key=lambda r: r.id)):
        recorded = [event_id for at, event_id in latest.get((row.member_id, attendee(row)), [])
                    if at <= row.recorded_at]
        orders[row.id] = recorded[-1] if recorded else first + n
    return orders


Moment = tuple[dt.datetime, int, int, str]  # when, the order among changes made then, whose row, what happened


def moments(rows: list[Attendance], away: dict[int, list[Spell]], opened: dt.datetime,
            closed: dt.datetime | None, orders: dict[int, int]) -> list[Moment]:
    """Every arrival after the opening, spell away and departure at a meeting, in order, up to its close."""
    after = departure_order(orders)  # a departure follows every arrival recorded at its time
    found = [(row.recorded_at, orders[row.id], row.id, ARRIVED) for row in rows if row.recorded_at >= opened]
    for row in rows:
        found += [(t, after, row.id, what) for gone, back in away.get(row.id, [])
                  for t, what in ((gone, LEFT), (back, BACK))]
        found += [(row.left_at, after, row.id, LEFT)] if row.left_at is not None else []
    return sorted(m for m in found if closed is None or m[0] <= closed)


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
    by_id, orders = {row.id: row for row in rows}, arrival_orders(session, meeting, rows)
    quorate, said, ever = meeting.quorate_at_open, [], meeting.quorate_at_open
    # those who arrived, left or came back at one moment (`leaving @carol @dan`) changed the quorum together
    for (at, order, what), together in groupby(moments(rows, away, meeting.opened_at, meeting.closed_at, orders),
                                               key=lambda m: (m[0], m[1], m[3])):
        verdict = of_roll(terms, in_room_at(rows, away, at, order, orders), voting=voting, chairs=chairs)
        if verdict.quorate == quorate:
            continue
        came = and_list([named(session, terms, by_id[m[2]]) for m in together])
        again = " again" if verdict.quorate and ever else ""
        count = verdict.text.removeprefix("quorate — ").removeprefix("not quorate — ")
        said.append(f"{'quorate' if verdict.quorate else 'not quorate'}{again} from "
                    f"{at.astimezone(terms.zone):%H:%M}, when {came} {what} — {count}")
        quorate, ever = verdict.quorate, ever or verdict.quorate
    if not ever and meeting.closed_at is not None:
        said.append(terms.quorum.cited("not quorate at any time before it closed"))
    return said
