"""An overdue meeting is reminded of until one is scheduled, as an overdue ToR review is prompted: weekly for four
weeks past the date the cadence needed it by, then every four weeks. PLPCP "will meet quarterly" (Steering Group
Support and Logistics); the chair and secretariat heard on 1 Feb 2027 that the meeting due by 1 Mar was not
scheduled, and never again while it stayed overdue."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, run

TITLE = "Next meeting not scheduled"


def daily(first: dt.date, days: int) -> list[dt.datetime]:
    return [dt.datetime.combine(first + dt.timedelta(days=n), dt.time(10, 0), tzinfo=dt.UTC) for n in range(days)]


def told(notifier: RecordingNotifier) -> list[tuple[dt.date, str | None]]:
    return [(s.at.date(), s.destination.user_id) for s in notifier.sent if s.reply.title == TITLE]


def test_plpcp_hears_weekly_then_four_weekly_while_its_quarterly_meeting_is_overdue(
        chat: Chat, notifier: RecordingNotifier) -> None:
    chat.load("plpcp")
    run(chat.sessions, notifier, daily(dt.date(2026, 12, 2), 150))
    days = sorted({day for day, _ in told(notifier)})
    assert days == [dt.date(2027, 2, 1), dt.date(2027, 3, 8), dt.date(2027, 3, 15), dt.date(2027, 3, 22),
                    dt.date(2027, 3, 29), dt.date(2027, 4, 26)]
    # Only the chair and the secretariat are told, never an ordinary member or an alternate.
    assert {who for _, who in told(notifier)} == {"alice", "sam"}
    last = [s.reply.text for s in notifier.sent if s.reply.title == TITLE][-1]
    assert "so the next meeting was due on 1 Mar 2027, and none is scheduled" in last


def test_the_reminders_stop_once_a_meeting_is_scheduled(chat: Chat, notifier: RecordingNotifier) -> None:
    chat.load("plpcp")
    run(chat.sessions, notifier, daily(dt.date(2026, 12, 2), 100))  # to 11 Mar 2027: told 1 Feb and 8 Mar
    chat.now = dt.datetime(2027, 3, 12, 9, tzinfo=dt.UTC)
    chat.refused("bob", "meeting schedule 2027-04-01 10:00")  # a DCS may not schedule (Support and Logistics)
    chat.ok("sam", "meeting schedule 2027-04-01 10:00")
    run(chat.sessions, notifier, daily(dt.date(2027, 3, 12), 18))
    assert sorted({day for day, _ in told(notifier)}) == [dt.date(2027, 2, 1), dt.date(2027, 3, 8)]
