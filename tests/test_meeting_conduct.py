"""Cadence warnings, early openings on the chair's confirmation, late arrivals asked to declare (issue 10: 9)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def test_plpcp_warns_when_a_meeting_breaks_the_quarterly_cadence(chat: Chat) -> None:
    chat.load("plpcp")
    assert chat.ok("alice", "meeting schedule 2026-12-15 10:00").notices == ()
    assert chat.ok("alice", "meeting schedule 2027-03-10 10:00").notices == ()
    late = chat.ok("sam", "meeting schedule 2027-09-14 10:00")
    assert late.notices == ("Cadence: 10 Mar 2027 to 14 Sep 2027 is 26 weeks without a meeting, and the ToR has the "
                            "group meet quarterly (ToR Steering Group Support and Logistics).",)
    assert "Only the chair or the secretariat can schedule" in chat.refused("bob", "meeting schedule 2027-06-10 10:00"
                                                                            ).text


def test_lciib_warns_of_a_fifth_meeting_in_a_year(chat: Chat) -> None:
    chat.load("lciib")
    for day in ("2027-01-12", "2027-04-13", "2027-07-13", "2027-10-12"):
        assert chat.ok("sam", f"meeting schedule {day} 10:00").notices == (), day
    fifth = chat.ok("sam", "meeting schedule 2027-11-16 10:00")
    assert fifth.notices == ("Cadence: this is meeting 5 in the twelve months to 16 Nov 2027, and the ToR has the "
                             "group meet 4 times a year (ToR Board Support and Logistics).",)


def test_bi_monthly_groups_warn_of_a_gap(chat: Chat) -> None:
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2023-02-07 14:00")
    assert chat.ok("sam", "meeting schedule 2023-05-30 14:00").notices == (
        "Cadence: 7 Feb 2023 to 30 May 2023 is 16 weeks without a meeting, and the ToR has the group meet bi-monthly "
        "(ToR Operation).",)


def test_lieg_and_cjcg_cite_their_own_cadence_clause(chat: Chat) -> None:
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    assert chat.ok("alice", "meeting schedule 2027-06-10 10:00").notices[0].endswith(
        "the ToR has the group meet 4 times a year (ToR 4.1).")
    chat.load("cjcg", channel="cjcg-room")
    chat.channel = "cjcg-room"
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    assert chat.ok("alice", "meeting schedule 2027-04-10 10:00").notices[0].endswith(
        "the ToR has the group meet bi-monthly (ToR 6.1).")


def test_opening_days_early_is_refused_until_the_chair_confirms_and_the_minutes_say_when(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    refused = chat.refused("alice", "meeting open")
    assert refused.text == ("Meeting 1 is scheduled for Thu 3 Dec 2026, 10:00 GMT, 2 days from now, and members "
                            "expect it then. If the meeting really is starting now, confirm with `meeting open 1 "
                            "--confirm`; to change its time, `meeting move 1 <date> <time>` keeps its agenda and apologies.")
    assert "Only the chair" in chat.refused("bob", "meeting open --confirm").text
    opened = chat.ok("alice", "meeting open --confirm")
    assert opened.notices == ("Opened 2 days before its scheduled time (Thu 3 Dec 2026, 10:00 GMT) on the chair's "
                              "confirmation; the minutes record the date and time it opened, Tue 1 Dec 2026, "
                              "09:00 GMT.",)
    minutes = chat.ok("alice", "meeting minutes").text
    assert "- **Date:** Tuesday 1 December 2026 (scheduled for Thursday 3 December 2026)" in minutes


def test_opening_minutes_before_the_start_needs_no_confirmation(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    chat.now = dt.datetime(2026, 12, 3, 9, 15, tzinfo=dt.UTC)
    assert chat.ok("alice", "meeting open").notices == ()
    assert "- **Date:** Thursday 3 December 2026\n" in chat.ok("alice", "meeting minutes").text


def test_late_arrivals_are_asked_to_declare_where_the_tor_says_so(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    chat.now = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.now += dt.timedelta(minutes=25)
    assert chat.ok("bob", "here").notices == (
        "Interests are declared at the start of each meeting, and bob joined after meeting 1 opened: declare any now "
        "with `declare \"...\" --item N`, or `declare none` (ToR 6.5).",)
    chat.ok("carol", "declare none")
    assert not any("declare" in n for n in chat.ok("carol", "here").notices)  # declared already: not asked again


def test_terms_state_an_interests_rule_only_where_the_tor_has_one(chat: Chat) -> None:
    chat.load("cjcg")
    assert dict(chat.ok("alice", "terms").fields)["Interests"] == \
        "declared and recorded at the start of each meeting (ToR 6.5)"
    chat.load("lciib", channel="lciib-room")
    chat.channel = "lciib-room"
    assert "Interests" not in dict(chat.ok("alice", "terms").fields)
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    assert chat.ok("bob", "here").notices == ()

