"""Reminders follow the seed groups' timing through every change (round 13): a group that has stopped operating gets
no reminders to act as if it still met; a reminder whose channel was bound to another group while it waited goes to
the group's channel now; a meeting cancelled and held on another day is reminded of once, on its new day; the bot
down over Christmas and new year sends, on its return, what is still useful, once; the overdue meeting is told
again when the meeting that answered it is cancelled."""

from __future__ import annotations

import datetime as dt

from bot.ports import DeliveryFailed
from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, outbox, run


def utc(day: str, hour: int = 9, minute: int = 30) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute), tzinfo=dt.UTC)


def days(first: str, count: int, hour: int = 9, minute: int = 30) -> list[dt.datetime]:
    start = dt.date.fromisoformat(first)
    return [utc((start + dt.timedelta(days=n)).isoformat(), hour, minute) for n in range(count)]


def test_a_group_ended_early_gets_no_more_meeting_term_or_review_reminders(chat: Chat,
                                                                          notifier: RecordingNotifier) -> None:
    """CJCG, ended on 1 Dec 2026 by the group's agreement: its chair's term (ToR 6.2), its overdue review (8.1) and
    its cadence (6.1) were still reminded of for weeks, asking the chair to schedule a meeting the group can no
    longer hold. A meeting reminder held back by a rate limit when the group ended is set aside, not posted."""
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    notifier.failures.append(DeliveryFailed("rate limited (429)", retry_after=3600))
    run(chat.sessions, notifier, [utc("2026-12-03", 9, 0)])  # the week's notice of meeting 1 waits on the 429
    chat.now = utc("2026-12-03", 9, 10)
    ended = chat.ok("alice", 'group end --agreed "meeting 3, minute 2"').text
    assert "Meeting 1 (Thu 10 Dec 2026, 10:00 GMT) is cancelled" in ended
    run(chat.sessions, notifier, days("2026-12-03", 50, 10))
    assert [(s.reply.title, s.reply.text[:60]) for s in notifier.sent] == []
    waited = [r for r in outbox(chat.sessions) if r.key.startswith("meeting-7d")]
    assert [(r.status, r.last_error) for r in waited] == [
        ("expired", "set aside when it was to be sent: Children's Joint Commissioning Group ended on 3 Dec 2026")]


def test_a_time_limited_group_past_its_end_date_is_not_told_to_schedule_a_meeting(
        chat: Chat, notifier: RecordingNotifier) -> None:
    """CSCPWG "will operate until ... 27 June 2023" (ToR Operation): taken on by the bot after that, it was told
    its bi-monthly meeting was overdue since 1 Nov 2022 and to `meeting schedule`, which it refuses."""
    chat.load("cscpwg")
    run(chat.sessions, notifier, days("2026-12-01", 40))
    assert [s.reply.title for s in notifier.sent] == []
    assert "can no longer" in chat.refused("sam", "meeting schedule 2026-12-20 10:00").text


def test_a_reminder_waiting_when_its_channel_is_rebound_goes_to_the_groups_new_channel_once(
        chat: Chat, notifier: RecordingNotifier) -> None:
    """CJCG's week's notice of meeting 1 (ToR 6.1) waited on a 429 while the chair moved the group to a new channel
    and the old one was bound to LCIIB: it failed ("the channel is no longer bound to the group"), the chair was
    told it was not delivered, and the new channel never had it. It now goes to the new channel, once; LCIIB's
    channel is never sent CJCG's confidential business (ToR 6.7-6.9)."""
    chat.load("cjcg")
    chat.load("lciib", channel="board")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    notifier.failures.append(DeliveryFailed("rate limited (429)", retry_after=3600))
    run(chat.sessions, notifier, [utc("2026-12-03", 9, 0)])
    chat.now = utc("2026-12-03", 9, 10)
    assert chat.say("alice", "group bind cjcg", channel="cjcg-new").text.startswith("This channel is now the channel "
                                                                                   "of Children's Joint")
    assert chat.ok("sam", "group bind lciib").text.startswith("This channel is now the channel of London Children's")
    run(chat.sessions, notifier, [utc("2026-12-03", 10, 1), utc("2026-12-03", 11)])
    assert [(s.at, s.destination.channel_id, s.reply.text.split(":")[0]) for s in notifier.sent] == [
        (utc("2026-12-03", 10, 1), "cjcg-new", "Meeting 1 of Children's Joint Commissioning Group is in 7 days")]
    [waited] = [r for r in outbox(chat.sessions) if r.key.endswith(":channel:1")]
    assert (waited.status, waited.last_error) == (
        "expired", "its channel was bound to another group; sent to the console channel cjcg-new instead")


def test_a_meeting_cancelled_and_rescheduled_is_reminded_of_on_its_new_day_only(chat: Chat,
                                                                                 notifier: RecordingNotifier) -> None:
    """LIEG (ToR 4.1, four meetings a year): meeting 1 on 10 Dec had its week's notice; cancelled on 4 Dec and held
    on 9 Dec at 14:00 instead, the channel hears of meeting 2 the day before and at its start, and never again of
    meeting 1."""
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    run(chat.sessions, notifier, days("2026-12-01", 4))
    chat.now = utc("2026-12-04", 12)
    chat.ok("alice", "meeting cancel 1")
    chat.ok("alice", "meeting schedule 2026-12-09 14:00")
    run(chat.sessions, notifier, days("2026-12-04", 6, 12) + [utc("2026-12-09", 14, 0)])
    channel = [(s.at, s.reply.text.split("\n")[0]) for s in notifier.sent if s.destination.channel_id]
    name = "London Information Exchange Group"
    assert channel == [
        (utc("2026-12-03"), f"Meeting 1 of {name} is in 7 days: Thu 10 Dec 2026, 10:00 GMT."),
        (utc("2026-12-08", 12), f"Meeting 2 of {name} is tomorrow: Wed 9 Dec 2026, 14:00 GMT."),
        (utc("2026-12-09", 14, 0), f"Meeting 2 of {name} starts now (Wed 9 Dec 2026, 14:00 GMT).")]


def test_the_bot_down_over_christmas_sends_what_is_still_useful_once_on_its_return(
        chat: Chat, notifier: RecordingNotifier) -> None:
    """PLPCP: down from 23 Dec to 08:00 on 4 Jan, over the week's notice of its 6 Jan meeting (Steering Group
    Support and Logistics), a weekly prompt of its review due 15 Jan (Review) and the fortnight's notice of its
    quarterly report to LCIIB (Activity and Responsibilities). On its return each is sent once, late; the DCS terms
    ending 14 Jan (Membership) are warned of on their days."""
    chat.load("plpcp")
    chat.ok("alice", "meeting schedule 2027-01-06 10:00")
    run(chat.sessions, notifier, days("2026-12-01", 23, 17, 0))
    notifier.sent.clear()
    back = utc("2027-01-04", 8, 0)
    run(chat.sessions, notifier, [back, *days("2027-01-04", 12, 9, 0)])
    first = [(s.destination.user_id, s.reply.title, s.reply.text.split("\n")[0]) for s in notifier.sent
             if s.at == back]
    assert [(who, title) for who, title, _ in first] == [(None, "Meeting reminder"), (None, "ToR review"),
                                                         ("alice", "Report due")]
    assert first[0][2].endswith("Steering Group is in 2 days: Wed 6 Jan 2027, 10:00 GMT.")
    assert "is due on 15 Jan 2027 (ToR Review)" in first[1][2]
    assert "to LCIIB is due on 15 Jan 2027 (ToR Activity and Responsibilities)" in first[2][2]
    sent = [r.key for r in outbox(chat.sessions) if r.status == "sent"]
    assert len(sent) == len(set(sent))
    vacant = [s for s in notifier.sent if s.reply.title == "Seat vacant"]
    assert {s.at for s in vacant} == {utc("2027-01-14", 9, 0)} and len(vacant) == 4


def test_the_overdue_meeting_is_told_again_when_the_meeting_that_answered_it_is_cancelled(
        chat: Chat, notifier: RecordingNotifier) -> None:
    """CJCG meets bi-monthly (ToR 6.1) and has not met: the chair and secretariat heard on 2 Dec that a meeting was
    overdue. Meeting 1 was scheduled for 17 Dec, then cancelled on 5 Dec, and they never heard of it again: the
    reminder of that due date counted as given for good. Now they hear it again at once, then at its pace. (Loaded the day its ToR was
    adopted: the cadence counts from then, not from meetings held before govbot took the group on.)"""
    chat.now = utc("2026-01-15", 9)
    chat.load("cjcg")
    run(chat.sessions, notifier, days("2026-12-01", 3))
    chat.now = utc("2026-12-03", 12)
    chat.ok("alice", "meeting schedule 2026-12-17 10:00")
    run(chat.sessions, notifier, days("2026-12-04", 2))
    chat.now = utc("2026-12-05", 12)
    chat.ok("alice", "meeting cancel 1")
    run(chat.sessions, notifier, days("2026-12-06", 20))
    overdue = [(s.at, s.destination.user_id) for s in notifier.sent if s.reply.title == "Next meeting not scheduled"]
    assert overdue == [(utc("2026-12-02"), "alice"), (utc("2026-12-02"), "sam"),
                       (utc("2026-12-07"), "alice"), (utc("2026-12-07"), "sam"),  # the next 09:00 after the change
                       # and every four weeks while it stays overdue (40 weeks past 15 Mar)
                       (utc("2026-12-20", 9, 30), "alice"), (utc("2026-12-20", 9, 30), "sam")]
    again = [s.reply.text for s in notifier.sent if s.reply.title == "Next meeting not scheduled"][-1]
    assert again.startswith("Children's Joint Commissioning Group meets every 2 months (ToR 6.1): no meeting has "
                            "been held since the ToR was adopted, so the next meeting was due on 15 Mar 2026")
