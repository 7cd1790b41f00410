"""Every reminder kind fires once, at the right local time, on both sides of the Europe/London clock changes."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import Identity, Meeting, Membership, Poll
from bot.rules.reminders import instant
from bot.services.context import Place
from bot.services.groups import bind_channel, import_group
from scheduler.runner import tick
from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, outbox

LONDON = ZoneInfo("Europe/London")
DAY = dt.timedelta(days=1)

BOARD = """
name: Reminder Test Board
short_name: rtb
timezone: Europe/London
adopted_on: {adopted}
operates_until: {{date: {end}, clause: "9.1"}}
seats:
  - {{title: Chair, role: chair, holder: alice, clause: "3.1"}}
  - {{title: North seat, term_months: 12, holder: bob, clause: "3.2"}}
  - {{title: South seat, holder: carol, clause: "3.2"}}
  - {{title: Secretary, role: secretariat, voting: false, holder: sam, clause: "3.4"}}
chair: {{chosen: named, term_months: 12, clause: "3.1"}}
deputies: {{allowed: true, standing: true, per_meeting: true, clause: "3.5"}}
quorum: {{min_present: 2, clause: "6.4"}}
meetings: {{every_months: 3, clause: "6.1"}}
interests: {{declare_at_start: true, clause: "6.5"}}
attendance: {{warn_after_consecutive_absences: 1, clause: "2.3"}}
reporting: {{to: the Board, every_months: 12, lead: chair, clause: "4.4"}}
review: {{first_after_months: 12, then_every_months: 12, clause: "8.1"}}
"""


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON).astimezone(dt.UTC)


def ids(sessions: sessionmaker[Session], handle: str) -> int:
    with sessions() as session:
        identity = session.query(Identity).filter_by(platform="console", external_id=handle).one()
        return identity.person_id


def only(sessions: sessionmaker[Session], model: type, **where: object) -> int:
    with sessions() as session:
        return int(session.query(model).filter_by(**where).one().id)


@pytest.mark.parametrize("change", [dt.date(2027, 3, 28), dt.date(2026, 10, 25)], ids=["spring", "autumn"])
def test_each_reminder_kind_fires_once_at_its_local_time_across_the_clock_change(
        sessions: sessionmaker[Session], chat: Chat, notifier: RecordingNotifier, change: dt.date) -> None:
    D = change  # the Sunday the clocks change
    due = D + 4 * DAY  # the review and the report, twelve months from adoption
    adopted = due.replace(year=due.year - 1)
    term_end = due - DAY  # the last day of a twelve-month term from adoption
    chat.now = dt.datetime.combine(D - 60 * DAY, dt.time(6, 0), tzinfo=dt.UTC)
    with unit_of_work(sessions) as session:
        group = import_group(session, BOARD.format(adopted=adopted, end=D + 20 * DAY), chat.now)
        bind_channel(session, group, Place("console", "room"), chat.now, actor_id=None)
    chat.ok("bob", "deputy @zed --meeting standing")

    def schedule_meeting_and_poll() -> None:
        chat.ok("alice", f"meeting schedule {D + 2 * DAY} 10:00")
        chat.ok("alice", f'poll "Venue?" "Town hall" "Library" --closes "{D + DAY} 12:00"')

    def meeting_id() -> int:
        return only(sessions, Meeting)

    def poll_id() -> int:
        return only(sessions, Poll)

    actions = {
        local(D - 10 * DAY, 7, 30): schedule_meeting_and_poll,
        local(D - 2 * DAY, 7, 30): lambda: chat.ok("carol", f"vote {poll_id()} 1"),
        local(D - DAY, 7, 30): lambda: chat.ok("carol", f"apologies --meeting {meeting_id()}"),
        local(D + 2 * DAY, 10, 15): lambda: chat.ok("alice", "meeting open --confirm"),
        local(D + 2 * DAY, 10, 30): lambda: chat.ok("alice", "meeting close"),
    }
    # A pass at 07:00-12:00 and 23:00 UTC on each day a reminder is due (the days of `expected` below) or someone
    # acts, and at 23:00 on every other day. A reminder sent at any other time than expected is still sent at a pass
    # that is not its expected time (nothing is due at 23:00, and every day has that pass), so `sent == expected`
    # tells it as a pass every hour of every day would, for a third of the passes.
    busy = {t.date() for t in actions} | {D - 60 * DAY, D - 10 * DAY, D - 5 * DAY, D, D + DAY, D + 2 * DAY} | {
        last - n * DAY for last in (due, term_end) for n in (60, 30, 23, 16, 14, 9, 7, 1, 0)}
    ticks: list[dt.datetime] = []
    day = D - 60 * DAY
    while day <= D + 6 * DAY:
        ticks += [dt.datetime.combine(day, dt.time(h), tzinfo=dt.UTC) for h in (7, 8, 9, 10, 11, 12, 23)
                  if h == 23 or day in busy]
        day += DAY
    timeline = sorted([(t, "tick") for t in ticks] + [(t, "act") for t in actions])
    for moment, what in timeline:
        chat.now = notifier.now = moment
        if what == "act":
            actions[moment]()
        else:
            tick(sessions, {"console": notifier}, moment)
    meeting, poll = meeting_id(), poll_id()
    bob_seat = only(sessions, Membership, seat_title="North seat")
    chair_seat = only(sessions, Membership, seat_title="Chair")
    alice, bob, carol, zed = (ids(sessions, h) for h in ("alice", "bob", "carol", "zed"))
    g = f"group:{group.id}"
    m = f"meeting:{meeting}@{instant(local(D + 2 * DAY, 10))}"  # each key names the instance: the meeting's start
    p = f"poll:{poll}@{instant(local(D + DAY, 12))}"
    expected = {
        (f"meeting-7d:{m}", "channel"): local(D - 5 * DAY, 9),
        (f"meeting-1d:{m}", "channel"): local(D + DAY, 9),
        (f"apologies:{m}", alice): local(D + DAY, 9),
        (f"apologies:{m}", bob): local(D + DAY, 9),
        (f"meeting-start:{m}", "channel"): local(D + 2 * DAY, 10),
        (f"poll-24h:{p}", alice): local(D, 12),
        (f"poll-24h:{p}", bob): local(D, 12),
        (f"poll-close:{p}", "channel"): local(D + DAY, 12),
        (f"absences:meeting:{meeting}@{instant(local(D + 2 * DAY, 10, 30))}", alice): local(D + 2 * DAY, 11),
        (f"deputy-lapse:nomination:1@{term_end}", bob): local(term_end - 7 * DAY, 9),
        (f"deputy-lapse:nomination:1@{term_end}", zed): local(term_end - 7 * DAY, 9),
        (f"seat-vacant:membership:{bob_seat}@{term_end}", "channel"): local(term_end, 9),
        (f"report-14d:{g}@{due}", alice): local(due - 14 * DAY, 9),
        (f"report-1d:{g}@{due}", alice): local(due - DAY, 9),
        (f"end-30d:{g}@{D + 20 * DAY}", "channel"): local(D - 10 * DAY, 9),
    }
    # Meetings every 3 months (ToR 6.1), counted from the day the group was imported (D - 60), not its adoption a
    # year before: the meeting scheduled for D + 2 is in time, so no meeting is overdue.
    sam = ids(sessions, "sam")
    for n in (60, 30, 7):
        expected[(f"term-{n}d:membership:{bob_seat}@{term_end}", bob)] = local(term_end - n * DAY, 9)
        expected[(f"term-{n}d:membership:{bob_seat}@{term_end}", alice)] = local(term_end - n * DAY, 9)
        # the secretariat, which seats the next holder, hears of a seat's term ending too
        expected[(f"term-{n}d:membership:{bob_seat}@{term_end}", sam)] = local(term_end - n * DAY, 9)
        expected[(f"chair-term-{n}d:membership:{chair_seat}@{term_end}", alice)] = local(term_end - n * DAY, 9)
        # the secretariat, which records the next chair, hears of the chair's term ending too
        expected[(f"chair-term-{n}d:membership:{chair_seat}@{term_end}", sam)] = local(term_end - n * DAY, 9)
    expected[(f"chair-vacant:membership:{chair_seat}@{term_end}", "channel")] = local(term_end, 9)
    for k in range(5):
        expected[(f"review-{k}w:{g}@{due}", "channel")] = local(due - 30 * DAY + 7 * k * DAY, 9)

    assert {t.date() for t in expected.values()} <= busy  # each expected reminder had passes every hour that day
    sent = {}
    for row in outbox(sessions):
        if row.status != "sent":
            continue
        stem, _, who = row.key.rpartition(":")
        stem, _, audience = stem.rpartition(":")
        sent[(stem, "channel" if audience == "channel" else int(who))] = row.sent_at
    assert sent == expected
    # The notifier was asked once per sent row: nothing went out twice.
    assert len(notifier.sent) == len(expected)
    assert Counter(s.destination.user_id for s in notifier.sent if s.destination.user_id) == Counter(
        {"alice": 11, "bob": 6, "zed": 1, "sam": 6})
    # The clock change moved the UTC hour of the 09:00 reminders, not their local time.
    before, after = expected[(f"meeting-7d:{m}", "channel")], expected[(f"meeting-1d:{m}", "channel")]
    assert before.hour != after.hour and before.astimezone(LONDON).hour == after.astimezone(LONDON).hour == 9
