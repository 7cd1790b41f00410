"""Numbers and dates written in characters a keyboard rarely gives (superscript and full-width digits, a year first
with slashes, a year nobody will see), sent as signed Slack commands over real HTTP: each is read as written or
refused with a sentence saying what would work, never a failure nor a date other than the one typed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.models import Meeting
from tests.slack.conftest import Workspace, shown


@pytest.fixture
def bound(workspace: Workspace) -> Workspace:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    return workspace


# Python counts '²' and '₁' as digits (str.isdigit) but int() refuses them: each of these was a 500 to Slack and an
# incident in the log, the person told nothing.
SUPERSCRIPTS = {
    "agenda ²": "The meeting is a number, not '²'",
    "results ₁": "The poll is a number, not '₁'",
    "poll close ²": "The poll is a number, not '²'",
    "action done ³": "The action is a number, not '³'",
    "minutes approve ²": "The meeting is a number, not '²'",
    "deputy <@UXAVIER> --meeting ²": "--meeting takes next, a meeting number, or standing",
}


@pytest.mark.parametrize("text", list(SUPERSCRIPTS))
def test_a_number_in_superscript_digits_is_refused_with_what_would_work(bound: Workspace, text: str) -> None:
    sent = bound.command("alice", text)
    assert sent.status == 200, sent
    assert SUPERSCRIPTS[text] in shown(bound.reply_to(sent))


def test_a_choice_in_superscript_digits_is_no_option_and_casts_nothing(bound: Workspace) -> None:
    bound.say("alice", 'poll "Where shall we meet?" "Civic Centre" "Online" --closes "2026-12-31 17:00"')
    said = shown(bound.say("bob", "vote 1 ²"))
    assert "'²' is not an option of poll 1. Options: 1 Civic Centre, 2 Online." in said
    assert "went wrong" not in said
    assert "recorded: Online" in shown(bound.say("bob", "vote 1 2"))


@pytest.mark.parametrize("typed", ["2027/03/04", "2027.03.04", "2027-3-4", "２０２７-０３-０４", "٢٠٢٧-٠٣-٠٤"])
def test_a_date_written_year_first_is_that_date_not_the_month_and_day_swapped(bound: Workspace, typed: str) -> None:
    said = shown(bound.say("alice", f"meeting schedule {typed} 10:00"))
    assert "Meeting 1 scheduled" in said and "Thu 4 Mar 2027, 10:00 GMT" in said, said


@pytest.mark.parametrize("text", ["meeting schedule 9999-12-31 23:59", "meeting schedule 9999-12-30 10:00",
                                  'poll "Q" "a" "b" --closes "9999-12-31 23:59"', 'action "x" --due 9999-12-31'])
def test_a_date_centuries_ahead_is_refused_and_nothing_is_recorded(bound: Workspace, text: str) -> None:
    # 9999-12-31 made scheduling fail ('something went wrong'); 9999-12-30 was kept, and then every pass of the
    # reminder planner failed on the next meeting the ToR's cadence asks for after it, for every group planned
    # in the same pass (tests/scheduler/test_dates_out_of_range.py).
    said = shown(bound.say("alice", text))
    assert "more than 100 years ahead" in said and "1 Dec 2126" in said, said
    with bound.sessions() as session:
        assert session.scalars(select(Meeting)).all() == []
