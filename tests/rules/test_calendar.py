"""Local times in the group's zone, across the clock changes, and the ToR's cycles."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.errors import UsageError
from bot.rules.attendance import consecutive_misses, sessions_missed
from bot.rules.calendar import AmbiguousTime, local_to_utc, parse_date, parse_time, review_due, show

LONDON = ZoneInfo("Europe/London")


def test_ten_oclock_london_is_ten_utc_in_winter_and_nine_utc_in_summer() -> None:
    assert local_to_utc(dt.date(2026, 12, 3), dt.time(10), LONDON) == dt.datetime(2026, 12, 3, 10, tzinfo=dt.UTC)
    assert local_to_utc(dt.date(2026, 6, 3), dt.time(10), LONDON) == dt.datetime(2026, 6, 3, 9, tzinfo=dt.UTC)


def test_a_time_the_clocks_skip_is_refused_with_a_way_forward() -> None:
    with pytest.raises(UsageError, match="does not exist on 29 Mar 2026 in Europe/London"):
        local_to_utc(dt.date(2026, 3, 29), dt.time(1, 30), LONDON)


def test_an_ambiguous_autumn_time_must_be_chosen() -> None:
    with pytest.raises(AmbiguousTime, match="01:30 happens twice on 25 Oct 2026"):
        local_to_utc(dt.date(2026, 10, 25), dt.time(1, 30), LONDON)
    first = local_to_utc(dt.date(2026, 10, 25), dt.time(1, 30), LONDON, fold=0)
    second = local_to_utc(dt.date(2026, 10, 25), dt.time(1, 30), LONDON, fold=1)
    assert first == dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC) and second - first == dt.timedelta(hours=1)
    assert show(first, LONDON) == "Sun 25 Oct 2026, 01:30 BST" and show(second, LONDON) == "Sun 25 Oct 2026, 01:30 GMT"


@pytest.mark.parametrize("text", ["2026-12-03", "3 Dec 2026", "03/12/2026", "3 December 2026"])
def test_dates_are_read_day_first(text: str) -> None:
    assert parse_date(text, dt.date(2026, 11, 23)) == dt.date(2026, 12, 3)


@pytest.mark.parametrize(("text", "expected"), [("10:00", dt.time(10)), ("2pm", dt.time(14)),
                                                ("9.30am", dt.time(9, 30))])
def test_times(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["soon", "25:99", "tomorrow-ish"])
def test_nonsense_times_are_refused(text: str) -> None:
    with pytest.raises(UsageError, match="is not a time"):
        parse_time(text)


def test_review_six_months_after_adoption_then_annually() -> None:
    adopted = dt.date(2026, 1, 15)
    assert review_due(adopted, 6, 12, None) == dt.date(2026, 7, 15)
    assert review_due(adopted, 6, 12, dt.date(2026, 7, 20)) == dt.date(2027, 7, 20)
    assert review_due(adopted, 12, None, dt.date(2027, 1, 20)) == dt.date.max


def test_consecutive_misses_count_back_from_the_latest_meeting() -> None:
    assert consecutive_misses(["absent", "absent", "present", "absent"], apologies_count=False) == 2
    assert consecutive_misses(["apologies", "absent", "absent"], apologies_count=False) == 0
    assert consecutive_misses(["apologies", "absent", "absent"], apologies_count=True) == 3


def test_a_member_body_misses_a_session_only_when_none_of_its_representatives_attended() -> None:
    taking_turns = [["present", "absent"], ["absent", "present"], ["present", "absent"]]
    assert sessions_missed(taking_turns, apologies_count=True) == 0
    assert sessions_missed([["absent", "absent"], ["absent", "deputised"]], apologies_count=False) == 1
    assert sessions_missed([["absent", "apologies"], ["absent"]], apologies_count=False) == 0
    assert sessions_missed([["absent", "apologies"], ["absent"]], apologies_count=True) == 2
    # A session with nobody recorded for the body (its seat empty then) neither counts nor ends the run.
    assert sessions_missed([["absent"], [], ["absent"], ["present"]], apologies_count=False) == 2


@pytest.mark.parametrize(("typed", "today", "expected"), [
    ("14 Jan", dt.date(2026, 12, 10), dt.date(2027, 1, 14)),  # a January due date typed in December: next January
    ("1 Jul", dt.date(2026, 12, 10), dt.date(2027, 7, 1)),  # next summer's meeting, not one five months gone
    ("1 Dec", dt.date(2026, 12, 10), dt.date(2026, 12, 1)),  # a day just gone: kept, and refused as past
    ("1 Nov", dt.date(2026, 12, 10), dt.date(2026, 11, 1)),
    ("20 Dec", dt.date(2027, 1, 5), dt.date(2027, 12, 20)),
])
def test_a_date_to_come_typed_without_its_year_is_the_next_unless_just_gone(
        typed: str, today: dt.date, expected: dt.date) -> None:
    assert parse_date(typed, today) == expected


@pytest.mark.parametrize(("typed", "today", "expected"), [
    ("1 Apr", dt.date(2026, 12, 10), dt.date(2026, 4, 1)),  # `interests --since 1 Apr` in December: this April
    ("20 Dec", dt.date(2027, 1, 5), dt.date(2026, 12, 20)),  # ... and in January, last December
    ("5 Jan", dt.date(2027, 1, 5), dt.date(2027, 1, 5)),
])
def test_a_date_looked_back_to_without_its_year_is_the_latest_not_to_come(
        typed: str, today: dt.date, expected: dt.date) -> None:
    assert parse_date(typed, today, looking_back=True) == expected


def test_29_february_typed_without_its_year_in_a_year_without_one_is_refused_not_moved() -> None:
    assert parse_date("29 Feb", dt.date(2027, 12, 1)) == dt.date(2028, 2, 29)
    with pytest.raises(UsageError, match="There is no 29 Feb in 2027; give the date with its year"):
        parse_date("29 Feb", dt.date(2027, 1, 10))
