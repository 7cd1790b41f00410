"""PLPCP's reminders: "quarterly reports to LCIIB" (Activity and Responsibilities), the chair leading them, counted in
quarters from the ToR's adoption; and "Each DCS will stand for twelve months, after which a new representative from
the sub-region will be appointed" (Membership)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, run


def utc(day: str, hour: int = 9, minute: int = 30) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute), tzinfo=dt.UTC)


def reports(notifier: RecordingNotifier) -> list[tuple[str | None, str]]:
    return [(s.destination.user_id, s.reply.text) for s in notifier.sent if s.reply.title == "Report due"]


def test_a_group_set_up_after_its_tor_was_adopted_is_reminded_of_its_next_quarterly_report(
        chat: Chat, notifier: RecordingNotifier) -> None:
    """PLPCP's ToR was adopted on 15 Jan 2026 and the group came to the bot on 1 Dec 2026. Its reports before then
    are not the bot's to know; the next quarter's, due 15 Jan 2027, is. Counting only from adoption, the first report
    fell due in April 2026, before the bot held the group, so no reminder was ever sent until someone said
    `report done`."""
    chat.load("plpcp")
    run(chat.sessions, notifier, [utc("2026-12-01"), utc("2027-01-01"), utc("2027-01-14")])
    assert reports(notifier) == [("alice", "The report of Pan-London Placements Commissioning Programme Steering Group "
                                  "to LCIIB is due on 15 Jan 2027 (ToR Activity and Responsibilities). When it is "
                                  "made, say `report done`.")] * 2
    chat.now = utc("2027-01-14", 12)
    assert "the next is due on 14 Apr 2027" in chat.ok("alice", 'report done "Q3 report to LCIIB"').text


def test_the_day_a_dcs_term_ends_the_channel_is_told_which_seat_to_fill(chat: Chat,
                                                                         notifier: RecordingNotifier) -> None:
    """The seat-vacant notice gave `member add @person --seat "..."`, leaving the secretary to find the title."""
    chat.load("plpcp")
    run(chat.sessions, notifier, [utc("2027-01-14")])
    vacant = [s.reply.text for s in notifier.sent if s.reply.title == "Seat vacant"]
    assert len(vacant) == 4
    assert vacant[0] == ("bob's term in the seat DCS North London ends today, 14 Jan 2027 (ToR Membership): a new "
                         "representative is due from tomorrow, 15 Jan 2027 (`member add @person --seat \"DCS North "
                         "London\"`).")


def test_a_quarterly_report_not_recorded_is_still_asked_for_after_its_due_date(chat: Chat,
                                                                                notifier: RecordingNotifier) -> None:
    """PLPCP Activity and Responsibilities: "quarterly reports to LCIIB". The report due on 15 Jan 2027 was asked for
    on 1 and 14 Jan; with none recorded, nothing more was ever said, that quarter or any after (the next is counted
    from the last one recorded). The chair hears a week after it was due, then at each quarter's end for a year."""
    chat.load("plpcp")
    days = [dt.date(2027, 1, 1) + dt.timedelta(days=n) for n in range(400)]
    run(chat.sessions, notifier, [utc(day.isoformat()) for day in days])
    late = [(s.at.date().isoformat(), s.destination.user_id, s.reply.text) for s in notifier.sent
            if s.reply.title == "Report due" and s.at.date() > dt.date(2027, 1, 15)]
    assert [when for when, _, _ in late] == ["2027-01-22", "2027-04-15", "2027-07-15", "2027-10-15", "2028-01-15"]
    assert {who for _, who, _ in late} == {"alice"}
    assert late[0][2] == ("The report of Pan-London Placements Commissioning Programme Steering Group to LCIIB was due "
                          "on 15 Jan 2027 and is overdue (ToR Activity and Responsibilities). When it is made, say "
                          "`report done`.")
