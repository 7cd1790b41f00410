"""Reminders follow every change of the record: a chair named again, a reminder time moved earlier, a meeting
cancelled while its reminder waits on a 429, a meeting closed on a replica whose clock is behind."""

from __future__ import annotations

import datetime as dt

from bot.db import unit_of_work
from bot.ports import DeliveryFailed
from bot.services.context import Place
from bot.services.groups import bind_channel, import_group
from tests.conftest import Chat, example
from tests.scheduler.conftest import RecordingNotifier, outbox, run

WEEK_BEFORE = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)  # 09:00 GMT, seven days before the CJCG's meeting
CJCG = example("cjcg").read_text(encoding="utf-8")


def titled(notifier: RecordingNotifier, title: str) -> list[str]:
    return [s.reply.text for s in notifier.sent if s.reply.title == title]


def test_a_chair_named_again_gets_the_reminders_of_the_new_term(chat: Chat, notifier: RecordingNotifier) -> None:
    chat.load("cjcg")  # alice's term as chair ends on 14 Jan 2027 (ToR 6.2: 12 months)
    run(chat.sessions, notifier, [dt.datetime(2026, 12, 15, 9, 0, tzinfo=dt.UTC)])
    first, to_sam = titled(notifier, "Term ending")  # to alice, and to the secretariat, which names the chair
    assert first == to_sam
    assert first.startswith("alice's term as chair of Children's Joint Commissioning Group ends on 14 Jan 2027")

    chat.now = dt.datetime(2027, 1, 20, 9, 0, tzinfo=dt.UTC)
    assert chat.ok("sam", 'chair @alice --agreed "meeting 4, minute 7"').text.startswith(
        "alice is chair again for a further term until 19 Jan 2028, after the term that ended on 14 Jan 2027")
    sixty, thirty = (dt.datetime(2027, 11, 20, 9, 0, tzinfo=dt.UTC), dt.datetime(2027, 12, 20, 9, 0, tzinfo=dt.UTC))
    run(chat.sessions, notifier, [chat.now + dt.timedelta(minutes=1), sixty, thirty])
    second = [t for t in titled(notifier, "Term ending") if "ends on 19 Jan 2028" in t]
    plan = "Plan the renewal or a successor: the chair or the secretariat names the chair with `chair @person " \
        "--agreed \"reference\"` (ToR 6.2). A successor takes the chair on the day they are named, so name them on " \
        "20 Jan 2028, the day after this term ends."
    assert [t.split(", in ")[1] for t in second] == [f"{n} days. {plan}" for n in (60, 60, 30, 30)]  # alice, sam


def test_a_reminder_time_moved_earlier_sends_that_days_reminders(chat: Chat, notifier: RecordingNotifier) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    run(chat.sessions, notifier, [WEEK_BEFORE - dt.timedelta(minutes=30)])  # 08:30: the 09:00 reminder is planned
    with unit_of_work(chat.sessions) as session:  # 08:40: the ToR now sends reminders at 08:00
        import_group(session, CJCG + 'reminders: {at: "08:00"}\n', WEEK_BEFORE - dt.timedelta(minutes=20))
    run(chat.sessions, notifier, [WEEK_BEFORE - dt.timedelta(minutes=19), WEEK_BEFORE, WEEK_BEFORE.replace(hour=10)])
    sent = titled(notifier, "Meeting reminder")
    assert len(sent) == 1 and sent[0].startswith("Meeting 1 of Children's Joint Commissioning Group is in 7 days")
    assert notifier.sent[0].at == WEEK_BEFORE - dt.timedelta(minutes=19)  # as soon as the change was seen


def test_a_meeting_cancelled_while_its_reminder_waits_on_a_429_is_not_announced(
        chat: Chat, notifier: RecordingNotifier) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    notifier.failures.append(DeliveryFailed("rate limited (429)", retry_after=120))
    run(chat.sessions, notifier, [WEEK_BEFORE])
    chat.now = WEEK_BEFORE + dt.timedelta(minutes=1)
    chat.ok("alice", "meeting cancel 1")
    ticks = run(chat.sessions, notifier, [WEEK_BEFORE + dt.timedelta(minutes=2, seconds=1)])
    assert notifier.sent == []
    delivered = ticks[0].delivered
    assert delivered is not None and delivered.set_aside == [
        ("meeting-7d:meeting:1@20261210T1000Z:channel:1", "meeting 1 is cancelled")]
    [row] = outbox(chat.sessions)
    assert (row.status, row.last_error) == ("expired", "set aside when it was to be sent: meeting 1 is cancelled")


def test_a_meeting_closed_on_a_replica_five_minutes_behind_still_warns_the_chair_of_absences(
        chat: Chat, notifier: RecordingNotifier) -> None:
    lieg = example("lieg").read_text(encoding="utf-8").replace("warn_after_consecutive_absences: 3",
                                                               "warn_after_consecutive_absences: 1")
    with unit_of_work(chat.sessions) as session:
        group = import_group(session, lieg, chat.now)
        bind_channel(session, group, Place("console", "room"), chat.now, actor_id=None)
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("bob", "meeting open")
    chat.ok("carol", "here")
    run(chat.sessions, notifier, [dt.datetime(2026, 12, 10, 11, 0, tzinfo=dt.UTC)])  # a pass on the right clock
    chat.now = dt.datetime(2026, 12, 10, 10, 55, tzinfo=dt.UTC)  # the replica closing the meeting is 5 minutes behind
    chat.ok("bob", "meeting close")
    run(chat.sessions, notifier, [dt.datetime(2026, 12, 10, 11, 1, tzinfo=dt.UTC),
                                  dt.datetime(2026, 12, 10, 11, 2, tzinfo=dt.UTC)])
    warned = [s for s in notifier.sent if s.reply.title == "Consecutive absences"]
    assert {s.destination.user_id for s in warned} == {"alice", "bob"}  # the co-chairs, once each
    assert len(warned) == 2 and "Hackney has not attended for the session of 10 Dec 2026" in warned[0].reply.text
