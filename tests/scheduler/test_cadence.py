"""The LGA working group meets every two months for at most 90 minutes ("Operation"): the scheduler tells the chair
and secretariat when the next meeting is not scheduled four weeks before it is due, and the chair when a meeting
reaches 90 minutes."""

from __future__ import annotations

import datetime as dt

from bot.db import unit_of_work
from bot.services.context import Place
from bot.services.groups import bind_channel, import_group
from tests import loaded
from tests.conftest import Chat, example
from tests.scheduler.conftest import RecordingNotifier, run

# The seed's group ended in 2023; the same rules in a group that runs into 2027.
CSCPWG = example("cscpwg").read_text(encoding="utf-8").replace("date: 2023-06-27", "date: 2027-06-27")


def utc(day: str, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute), tzinfo=dt.UTC)


def working_group(chat: Chat) -> None:
    """The working group, its first meeting held on 10 Dec 2026 and alice elected chair there: made once a run and
    copied after (tests/loaded.py), as each test here starts from the same record at the same moment."""
    loaded.made(chat.sessions, ("cadence's working group", CSCPWG, chat.now), lambda: hold_first_meeting(chat))
    chat.now = utc("2026-12-10", 11)


def hold_first_meeting(chat: Chat) -> None:
    with unit_of_work(chat.sessions) as session:
        group = import_group(session, CSCPWG, chat.now)
        bind_channel(session, group, Place("console", "room"), chat.now, actor_id=None)
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = utc("2026-12-10", 10)
    chat.ok("sam", "meeting open")
    for member in ("alice", "bob", "carol", "dan"):  # "will elect a chair at its first meeting"
        chat.ok(member, "here")
    chat.ok("sam", 'poll "Chair" "alice" "bob"')
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, "vote 1 alice")
    chat.ok("sam", "poll close 1")
    chat.ok("sam", "chair @alice --poll 1")
    chat.now = utc("2026-12-10", 11)
    chat.ok("alice", "meeting close")


def told(notifier: RecordingNotifier, title: str) -> list[tuple[str | None, str]]:
    return [(s.destination.user_id, s.reply.text) for s in notifier.sent if s.reply.title == title]


def test_the_chair_and_secretariat_hear_four_weeks_ahead_that_the_next_meeting_is_not_scheduled(
        chat: Chat, notifier: RecordingNotifier) -> None:
    working_group(chat)
    run(chat.sessions, notifier, [utc("2026-12-10", 12), utc("2027-01-12"), utc("2027-01-13"), utc("2027-01-20")])
    sent = told(notifier, "Next meeting not scheduled")
    assert [who for who, _ in sent] == ["alice", "sam"]
    assert sent[0][1] == (
        "Children's Social Care Placements Working Group meets every 2 months (ToR Operation): the last meeting was "
        "on 10 Dec 2026, so the next meeting is due by 10 Feb 2027, and none is scheduled. Schedule it with "
        "`meeting schedule <date> <time>`.")
    assert {s.at for s in notifier.sent if s.reply.title == "Next meeting not scheduled"} == {utc("2027-01-13")}


def test_no_cadence_reminder_when_the_next_meeting_is_scheduled_in_time(chat: Chat,
                                                                         notifier: RecordingNotifier) -> None:
    working_group(chat)
    run(chat.sessions, notifier, [utc("2026-12-10", 12)])
    chat.now = utc("2027-01-05")
    chat.ok("sam", "meeting schedule 2027-02-04 10:00")
    run(chat.sessions, notifier, [utc("2027-01-06"), utc("2027-01-13"), utc("2027-01-20")])
    assert told(notifier, "Next meeting not scheduled") == []


def test_the_chair_hears_when_an_open_meeting_reaches_ninety_minutes(chat: Chat,
                                                                     notifier: RecordingNotifier) -> None:
    working_group(chat)
    chat.ok("sam", "meeting schedule 2027-02-04 10:00")
    chat.now = utc("2027-02-04", 10, 5)
    chat.ok("alice", "meeting open")
    run(chat.sessions, notifier, [utc("2027-02-04", 10, 6), utc("2027-02-04", 11, 34), utc("2027-02-04", 11, 35),
                                  utc("2027-02-04", 11, 36)])
    assert told(notifier, "Meeting at its time limit") == [("alice", (
        "Meeting 2 of Children's Social Care Placements Working Group opened at Thu 4 Feb 2027, 10:05 GMT and has now "
        "run 90 minutes, the most a meeting may last (ToR Operation). Close it with `meeting close`, or take the "
        "remaining items at the next meeting."))]
    assert [s.at for s in notifier.sent if s.reply.title == "Meeting at its time limit"] == [utc("2027-02-04", 11, 35)]


def test_a_meeting_closed_in_time_gets_no_time_limit_notice(chat: Chat, notifier: RecordingNotifier) -> None:
    working_group(chat)
    chat.ok("sam", "meeting schedule 2027-02-04 10:00")
    chat.now = utc("2027-02-04", 10)
    chat.ok("alice", "meeting open")
    run(chat.sessions, notifier, [utc("2027-02-04", 10, 1)])
    chat.now = utc("2027-02-04", 11, 20)
    chat.ok("alice", "meeting close")
    run(chat.sessions, notifier, [utc("2027-02-04", 11, 21), utc("2027-02-04", 11, 31), utc("2027-02-04", 12)])
    assert told(notifier, "Meeting at its time limit") == []


def test_the_overdue_meeting_is_told_at_its_pace_not_again_when_the_outbox_forgets_it_was_sent(
        chat: Chat, notifier: RecordingNotifier) -> None:
    """The outbox keeps a sent reminder 90 days (REMINDER_RETENTION_DAYS), and its key is what stopped the overdue
    meeting's reminder being sent twice: once the record of the sending was pruned, the next replan found the meeting
    still overdue and told the chair and secretariat again, every three months or so, of the same due date. Each
    reminder goes once: four weeks before 10 Feb (at the first pass, 15 Jan), then weekly for four weeks past it and
    every four weeks after (at the first pass after each), until the group's end on 27 Jun."""
    working_group(chat)
    days = [utc("2026-12-10", 12)] + [utc("2027-01-12") + dt.timedelta(days=n) for n in range(0, 190, 3)]
    run(chat.sessions, notifier, days)
    sent = [(s.at.date().isoformat(), s.destination.user_id) for s in notifier.sent
            if s.reply.title == "Next meeting not scheduled"]
    assert sent == [(day, who) for day in ("2027-01-15", "2027-02-17", "2027-02-26", "2027-03-04", "2027-03-10",
                                           "2027-04-09", "2027-05-06", "2027-06-02") for who in ("alice", "sam")]


def test_the_overdue_meeting_reminder_names_the_meeting_scheduled_but_never_opened(
        chat: Chat, notifier: RecordingNotifier) -> None:
    """Meeting 2 was scheduled for 4 Feb and never opened. A day later the cadence no longer counts it, and the
    reminder said the next meeting was due "and none is scheduled" while `meetings` still listed meeting 2 as
    scheduled, without saying what to do about it."""
    working_group(chat)
    chat.ok("sam", "meeting schedule 2027-02-04 10:00")
    run(chat.sessions, notifier, [utc("2026-12-10", 12), utc("2027-01-13"), utc("2027-02-04", 12)])
    assert told(notifier, "Next meeting not scheduled") == []
    run(chat.sessions, notifier, [utc("2027-02-05", 11) + n * dt.timedelta(days=7) for n in range(5)])
    sent = told(notifier, "Next meeting not scheduled")
    assert [who for who, _ in sent] == ["alice", "sam"] * 4  # then weekly, 17 Feb to 3 Mar, while it stays overdue
    assert sent[0][1] == (
        "Children's Social Care Placements Working Group meets every 2 months (ToR Operation): the last meeting was "
        "on 10 Dec 2026, so the next meeting was due on 10 Feb 2027. Meeting 2 (4 Feb 2027) was scheduled but never "
        "opened: `meeting cancel 2` to record that it did not take place, then schedule the next with "
        "`meeting schedule <date> <time>`.")
    assert ("Meeting 2", "Thu 4 Feb 2027, 10:00 GMT, scheduled") in chat.ok("sam", "meetings").fields
    chat.now = utc("2027-03-05", 12)
    assert chat.ok("sam", "meeting cancel 2").text == "Meeting 2 (Thu 4 Feb 2027, 10:00 GMT) is cancelled."


def test_a_meeting_that_passes_unopened_brings_the_overdue_reminder_when_it_falls_due_not_weeks_later(
        chat: Chat, notifier: RecordingNotifier) -> None:
    """Reminders are replanned when the record changes, and a meeting passing unopened is no change: meeting 2 of
    4 Feb stopped counting on 5 Feb and the next meeting was due on 10 Feb, but with the scheduler running daily the
    chair and secretariat first heard of it on 27 Feb, at the group's three-weekly replan."""
    working_group(chat)
    chat.ok("sam", "meeting schedule 2027-02-04 10:00")
    run(chat.sessions, notifier, [utc("2026-12-10", 12), utc("2027-01-13"), utc("2027-02-04", 12)])
    run(chat.sessions, notifier, [utc("2027-02-05", 11) + n * dt.timedelta(days=1) for n in range(7)])
    sent = told(notifier, "Next meeting not scheduled")
    assert [who for who, _ in sent] == ["alice", "sam"], [(s.at, s.destination.user_id) for s in notifier.sent]
    assert "Meeting 2 (4 Feb 2027) was scheduled but never opened" in sent[0][1]
