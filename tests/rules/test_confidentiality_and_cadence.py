"""The pure rules: who sees what of a confidential group, and whether a date keeps the cadence."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.cadence import cadence_breaks, early_by, last_regular
from bot.rules.confidentiality import Reader, Scope, Standing, may_see
from bot.terms import MeetingRules

meetings = st.frozensets(st.integers(1, 20), max_size=5)


@given(st.sampled_from(list(Scope)), meetings, st.one_of(st.none(), st.integers(1, 20)))
def test_an_outsider_sees_nothing_of_a_confidential_group_and_everything_of_an_open_one(
        scope: Scope, attended: frozenset[int], meeting: int | None) -> None:
    outsider = Reader(Standing.OUTSIDER, attended)
    assert not may_see(True, outsider, scope, meeting)
    assert may_see(False, outsider, scope, meeting)
    assert may_see(True, Reader(Standing.MEMBER), scope, meeting)


@given(meetings, st.integers(1, 20))
def test_a_deputy_reads_a_meeting_only_when_they_attend_it(attended: frozenset[int], meeting: int) -> None:
    deputy = Reader(Standing.DEPUTY, attended)
    assert may_see(True, deputy, Scope.MEETING, meeting) == (meeting in attended)
    assert not may_see(True, deputy, Scope.RECORD, meeting)
    assert may_see(True, deputy, Scope.GROUP)


QUARTERLY = MeetingRules(every_months=3, clause="4.1")
D = dt.date


def test_a_quarter_and_a_fortnight_keeps_the_cadence_and_more_does_not() -> None:
    assert cadence_breaks(QUARTERLY, D(2027, 3, 29), D(2026, 12, 15), None, 1) == []
    assert cadence_breaks(QUARTERLY, D(2027, 4, 5), D(2026, 12, 15), None, 1) == [
        "15 Dec 2026 to 5 Apr 2027 is 15 weeks without a meeting, and the ToR has the group meet quarterly (ToR 4.1)"]
    # A meeting slotted far before the next one breaks the cadence on that side too.
    assert len(cadence_breaks(QUARTERLY, D(2027, 1, 10), None, D(2027, 6, 1), 0)) == 1


def test_a_tor_with_no_cadence_warns_of_nothing() -> None:
    assert cadence_breaks(MeetingRules(), D(2030, 1, 1), D(2026, 1, 1), None, 40) == []


def test_an_additional_meeting_does_not_move_the_bi_monthly_cadence() -> None:
    rule = MeetingRules(every_months=2, additional_agreed_by_chair=True)
    feb7, feb21 = (dt.date(2023, 2, 7), 1), (dt.date(2023, 2, 21), 2)
    assert last_regular(rule, dt.date(2023, 2, 21), [feb7]) == feb7  # sooner than two months: additional
    assert last_regular(rule, dt.date(2023, 3, 24), [feb7, feb21]) is None  # two months less a fortnight: regular
    assert last_regular(rule, dt.date(2023, 3, 23), [feb7, feb21]) == feb7
    assert last_regular(rule, dt.date(2023, 1, 31), [feb7]) is None  # nothing before it to keep a cadence from
    assert last_regular(MeetingRules(), dt.date(2023, 2, 8), [feb7]) is None


def test_early_means_an_hour_or_more() -> None:
    start = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)
    assert early_by(start, start - dt.timedelta(minutes=59)) is None
    assert early_by(start, start + dt.timedelta(minutes=5)) is None
    assert early_by(start, start - dt.timedelta(hours=3)) == dt.timedelta(hours=3)
