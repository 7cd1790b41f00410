"""A second read of the day's merges: what a real user typed that read wrongly after them (review10)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def test_a_day_named_by_its_weekday_is_the_next_such_day(chat: Chat) -> None:
    """sam, on Monday 7 Dec 2026, set an action due 'Friday' and read it due Tuesday 8 Dec (a Friday in 2000, one of
    the two leap years a date is read in to find whether it names its year). A weekday is the next one on or after
    today, as it was before the year was chosen by reading the date in two leap years."""
    chat.load("cjcg")
    chat.now = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
    assert "due 11 Dec 2026" in chat.ok("sam", 'action "Circulate the plan" --due Friday').text
    assert "due 10 Dec 2026" in chat.ok("sam", 'action "Book the room" --due thu').text
    chat.now = dt.datetime(2026, 12, 31, 9, 0, tzinfo=dt.UTC)
    assert "due 1 Jan 2027" in chat.ok("sam", 'action "Send the papers" --due Friday').text
    assert "due 5 Jan 2027" in chat.ok("sam", 'action "Chase the returns" --due Tuesday').text


def test_a_term_typed_to_start_on_a_day_without_its_year_starts_on_the_nearest(chat: Chat) -> None:
    """PLPCP Membership (a DCS serves twelve months): sam, in December 2026, seated nadia in DCS North London from
    '1 Sep' (her appointment in September) and read 'term ends 1 Sep 2028', the start read as a date to come, next
    September. A term's start may have passed or be to come: it is the nearest such day, as before the day's
    merges, so '1 Sep' is 1 Sep 2026 and '1 Apr' is 1 Apr 2027 (a start still to come: held from then,
    tests/test_later_start.py)."""
    chat.load("plpcp")
    chat.ok("sam", "member remove @bob")
    assert "term ends 31 Aug 2027" in chat.ok("sam", 'member add @nadia --seat "DCS North London" --from "1 Sep"').text
    chat.ok("sam", "member remove @carol")
    later = chat.ok("sam", 'member add @otto --seat "DCS East London" --from "1 Apr"').text
    assert "otto takes up DCS East London on 1 Apr 2027" in later, later


def test_a_deadline_today_or_tomorrow_at_a_time_is_read(chat: Chat) -> None:
    """alice's poll closing 'tomorrow at 12:00' was refused, "'tomorrow at' is not a date I know", once a deadline
    could say 'at' before its time ('18 Dec at 12:00' read, since the date reader skips the word); before that, the
    'at 12:00' went into the poll. It closes tomorrow at 12:00, as 'tomorrow 12:00' does."""
    chat.load("cjcg")
    said = chat.ok("alice", 'poll "Next venue?" "Barnet" "Camden" --closes tomorrow at 12:00').as_text()
    assert "Closes: Wed 2 Dec 2026, 12:00 GMT" in said
    said = chat.ok("alice", 'motion "Approve the plan" --closes today at 18:00').as_text()
    assert "Approve the plan" in said and "Closes: Tue 1 Dec 2026, 18:00 GMT" in said
