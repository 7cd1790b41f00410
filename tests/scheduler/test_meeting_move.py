"""Reminders follow a meeting moved with `meeting move`: derived from the record, the week's and the day's notice go
at the new time, never at the old, and one waiting on a 429 when the meeting moved is set aside, not posted."""

from __future__ import annotations

import datetime as dt

from bot.ports import DeliveryFailed
from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, outbox, run
from tests.scheduler.test_reminders13 import days, utc

CJCG = "Children's Joint Commissioning Group"


def test_a_moved_meeting_is_reminded_of_at_its_new_time_and_not_its_old(chat: Chat,
                                                                       notifier: RecordingNotifier) -> None:
    """CJCG's meeting 1 of 10 Dec, moved on 1 Dec by the administrative support (ToR 6.3) to 17 Dec at 14:00: its
    channel hears of it 7 days and 1 day before 17 Dec, as meeting 1, and nothing on 3 or 9 Dec."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    run(chat.sessions, notifier, [utc("2026-12-01", 10, 0)])  # the old plan is made
    chat.now = utc("2026-12-01", 11, 0)
    chat.ok("sam", "meeting move 1 2026-12-17 14:00")
    run(chat.sessions, notifier, days("2026-12-01", 17, 9, 30) + [utc("2026-12-17", 14, 0)])
    channel = [(s.at, s.reply.text.split("\n")[0]) for s in notifier.sent
               if s.destination.channel_id and s.reply.title in ("Meeting reminder", "Meeting starting")]
    assert [line for _, line in channel][:2] == [
        f"Meeting 1 of {CJCG} is in 7 days: Thu 17 Dec 2026, 14:00 GMT.",
        f"Meeting 1 of {CJCG} is tomorrow: Thu 17 Dec 2026, 14:00 GMT."]
    assert [at.date() for at, _ in channel][:2] == [dt.date(2026, 12, 10), dt.date(2026, 12, 16)]
    assert not any("10 Dec 2026, 10:00" in line for _, line in channel)


def test_a_reminder_waiting_on_a_429_when_the_meeting_moves_is_set_aside(chat: Chat,
                                                                        notifier: RecordingNotifier) -> None:
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    notifier.failures.append(DeliveryFailed("rate limited (429)", retry_after=120))
    week_before = utc("2026-12-03", 9, 0)
    run(chat.sessions, notifier, [week_before])
    chat.now = week_before + dt.timedelta(minutes=1)
    chat.ok("alice", "meeting move 1 2026-12-18 10:00")
    run(chat.sessions, notifier, [week_before + dt.timedelta(minutes=2, seconds=1)])
    assert notifier.sent == []
    [row] = [r for r in outbox(chat.sessions) if r.key.startswith("meeting-7d:meeting:1@20261210")]
    assert (row.status, row.last_error) == (
        "expired", "set aside when it was to be sent: meeting 1 was moved to Fri 18 Dec 2026, 10:00 GMT")
