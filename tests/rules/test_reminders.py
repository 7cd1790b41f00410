"""When reminders fall due: the ToR's `reminders` block, local times and the clock changes. Pure."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.errors import TermsError
from bot.rules import reminders
from bot.terms import ReminderRules, parse_terms

LONDON = ZoneInfo("Europe/London")
TOR = """
name: Test group
short_name: test
seats: [{title: Chair, role: chair}]
"""


def test_a_tor_file_can_set_its_own_reminder_times_and_offsets() -> None:
    terms = parse_terms(TOR + 'reminders: {at: "08:30", meeting_days_before: [3], apologies_days_before: null}')
    starts = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    found = {o.kind: o.due_at for o in reminders.meeting(4, starts, LONDON, terms.reminders)}
    assert found == {"meeting-3d": dt.datetime(2026, 12, 7, 8, 30, tzinfo=dt.UTC), "meeting-start": starts}


def test_a_bad_reminders_block_is_refused_with_the_key_named() -> None:
    with pytest.raises(TermsError) as refused:
        parse_terms(TOR + "reminders: {term_days_before: [400]}")
    assert "reminders.term_days_before.0: Input should be less than or equal to 366" in refused.value.message


@pytest.mark.parametrize(("day", "utc_hour"), [(dt.date(2027, 3, 27), 9), (dt.date(2027, 3, 28), 8),
                                               (dt.date(2026, 10, 24), 8), (dt.date(2026, 10, 25), 9)])
def test_nine_in_the_morning_is_nine_local_either_side_of_the_change(day: dt.date, utc_hour: int) -> None:
    assert reminders.at_local(day, dt.time(9, 0), LONDON) == dt.datetime.combine(day, dt.time(utc_hour), dt.UTC)


def test_a_time_the_clocks_skip_falls_an_hour_later_and_a_repeated_one_counts_once() -> None:
    skipped = reminders.at_local(dt.date(2027, 3, 28), dt.time(1, 30), LONDON)
    assert skipped.astimezone(LONDON).strftime("%H:%M %Z") == "02:30 BST"
    repeated = reminders.at_local(dt.date(2026, 10, 25), dt.time(1, 30), LONDON)
    assert repeated == dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)  # the first 01:30 (BST)


def test_review_prompts_are_weekly_from_thirty_days_before_and_each_gives_way_to_the_next() -> None:
    found = reminders.review(1, dt.date(2027, 1, 15), LONDON, ReminderRules())
    assert [o.due_at.date() for o in found[:3]] == [dt.date(2026, 12, 16), dt.date(2026, 12, 23), dt.date(2026, 12, 30)]
    assert found[0].expires_at == found[1].due_at
    assert {o.series for o in found} == {"review:group:1@2027-01-15"}


def test_an_overdue_review_is_prompted_weekly_for_four_weeks_then_every_four_weeks_for_a_year() -> None:
    """The ToRs review annually (CJCG 8.1, LIEG 6.2): a group a month past its review is not prompted every week
    of the year after; each prompt keeps the key it had in the weekly series, so an upgrade sends none twice."""
    due = dt.date(2027, 1, 15)
    found = reminders.review(1, due, LONDON, ReminderRules())
    days = [o.due_at.date() for o in found]
    weekly = [dt.date(2026, 12, 16) + dt.timedelta(weeks=k) for k in range(9)]  # to 10 Feb, 26 days past due
    assert days[:9] == weekly and all(day <= due + dt.timedelta(days=28) for day in weekly)
    assert days[9:12] == [dt.date(2027, 3, 10), dt.date(2027, 4, 7), dt.date(2027, 5, 5)]  # every 4 weeks after
    assert days[-1] <= due + dt.timedelta(days=365) < days[-1] + dt.timedelta(weeks=4)
    assert len(found) == 9 + 12
    assert [o.kind for o in found[8:11]] == ["review-8w", "review-12w", "review-16w"]
    assert [o.expires_at for o in found[:-1]] == [o.due_at for o in found[1:]]  # each gives way to the next
