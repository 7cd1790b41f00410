"""Terms of reference as code: every seed loads, its rules are the seed's, and bad files say what is wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.errors import TermsError
from bot.terms import Role, VotingRule, load_terms, parse_terms
from tests.conftest import EXAMPLES, example

MINIMAL = """
name: Test Board
short_name: test
seats:
  - {title: Chair, role: chair, holder: alice}
"""


def test_every_example_loads_and_names_a_unique_group() -> None:
    files = sorted(EXAMPLES.glob("*.yaml"))
    assert len(files) >= 5
    short_names = [load_terms(f).short_name for f in files]
    assert len(set(short_names)) == len(short_names)


def test_every_seed_document_has_an_example() -> None:
    seeds = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))
    prefixes = {p.name[:3] for p in EXAMPLES.glob("*.yaml")}
    assert {s.name[:3] for s in seeds} <= prefixes if seeds else len(prefixes) >= 5


def test_plpcp_dcs_seats_last_twelve_months_and_only_dcss_name_alternates() -> None:
    terms = load_terms(example("plpcp"))
    dcs = [s for s in terms.seats if s.title.startswith("DCS")]
    assert len(dcs) == 4 and all(s.term_months == 12 for s in dcs)
    assert terms.deputies.allowed and terms.deputies.standing and not terms.deputies.per_meeting
    assert set(terms.deputies.for_seats or []) == {s.title for s in dcs}
    assert terms.meetings.every_months == 3
    assert terms.reporting is not None and terms.reporting.to == "LCIIB" and terms.reporting.every_months == 3
    assert terms.review is not None and terms.review.first_after_months == 12


def test_lciib_meets_four_times_a_year_with_co_opted_and_observers_who_do_not_vote() -> None:
    terms = load_terms(example("lciib"))
    assert terms.meetings.per_year == 4
    non_voting = {s.role for s in terms.seats if not s.voting}
    assert {Role.CO_OPTED, Role.OBSERVER, Role.SECRETARIAT} <= non_voting
    assert not terms.deputies.allowed


def test_working_group_needs_all_members_is_time_limited_and_substitutes_come_from_the_board() -> None:
    terms = load_terms(example("cscpwg"))
    assert terms.voting.rule is VotingRule.ALL_MEMBERS  # "agreed by all members of the working group"
    assert terms.operates_until is not None and terms.operates_until.date == dt.date(2023, 6, 27)
    assert terms.meetings.max_minutes == 90 and terms.meetings.every_months == 2
    assert terms.deputies.must_belong_to == "the Children and Young People Board"
    assert terms.chair.chosen == "elected"


def test_lieg_tables_motions_decides_by_majority_present_and_caps_attendance() -> None:
    terms = load_terms(example("lieg"))
    assert terms.voting.rule is VotingRule.MAJORITY_PRESENT
    assert terms.voting.tabling.required and terms.voting.tabling.clause == "6.3"
    assert terms.attendance.max_per_organisation == 2
    assert terms.attendance.warn_after_consecutive_absences == 3
    assert terms.attendance.absences_counted_per == "organisation"
    assert terms.attendance.absence_rule.cite() == "(ToR 2.3)" and terms.attendance.cap_rule.cite() == "(ToR 2.1)"
    assert terms.minutes.approved_by == "steering_group"
    assert terms.chair.chosen == "per_meeting"
    assert any(s.steering for s in terms.seats)


def test_an_attendance_block_with_one_clause_cites_it_for_both_rules_and_counts_per_member() -> None:
    terms = parse_terms(MINIMAL + 'attendance: {warn_after_consecutive_absences: 3, max_per_organisation: 2, '
                                  'clause: "2.1, 2.3"}\n')
    assert terms.attendance.absences_counted_per == "member"
    assert terms.attendance.absence_rule.cite() == terms.attendance.cap_rule.cite() == "(ToR 2.1, 2.3)"


def test_cjcg_quorum_interests_deputies_confidentiality_and_review() -> None:
    terms = load_terms(example("cjcg"))
    assert terms.quorum is not None and terms.quorum.min_present == 3 and terms.quorum.cite() == "(ToR 6.4)"
    assert terms.interests.declare_at_start and terms.interests.clause == "6.5"
    assert terms.deputies.per_meeting and terms.deputies.may_vote
    assert terms.confidential and not terms.confidentiality.public_meetings
    assert terms.chair.term_months == 12
    assert terms.review is not None and (terms.review.first_after_months, terms.review.then_every_months) == (6, 12)
    assert terms.voting_seats == 12


def test_task_and_finish_group_names_its_parent() -> None:
    assert load_terms(EXAMPLES / "005-cjcg-send-tfg.yaml").parent == "cjcg"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (MINIMAL + "quorom: {min_present: 3}\n", "quorom: is not a ToR key"),
        (MINIMAL.replace("short_name: test", "short_name: Test Board"), "short_name: must be 2 to 32 lower-case letters, digits or hyphens"),
        (MINIMAL + "timezone: Mars/Olympus\n", "unknown time zone 'Mars/Olympus'"),
        (MINIMAL + "quorum: {chair_required: true}\n", "quorum: give min_present"),
        (MINIMAL + "voting: {rule: most_shouts}\n", "voting.rule: Input should be 'majority_present'"),
        (MINIMAL + "  - {title: chair}\n", "seat titles must be unique; repeated: chair"),
        (MINIMAL + "deputies: {for_seats: [Treasurer]}\n", "names seats the ToR does not have: Treasurer"),
        (MINIMAL + "attendance: {absences_counted_per: authority}\n",
         "attendance.absences_counted_per: Input should be 'member' or 'organisation'"),
        (MINIMAL + "attendance: {absences_counted_per: organisation}\n",
         "attendance.absences_counted_per is organisation, but no seat names its organisation"),
        ("name: x\nshort_name: xx\nseats: []\n", "seats: List should have at least 1 item"),
        ("- just\n- a list\n", "must be a mapping"),
        ("name: [unclosed\n", "not valid YAML at line"),
    ],
)
def test_a_bad_tor_file_names_the_file_the_key_and_what_is_allowed(text: str, expected: str) -> None:
    with pytest.raises(TermsError) as caught:
        parse_terms(text, source="board.yaml")
    assert caught.value.message.startswith("board.yaml:")
    assert expected in caught.value.message


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TermsError, match="cannot read the ToR file"):
        load_terms(tmp_path / "absent.yaml")


def test_quorum_by_fraction_rounds_up() -> None:
    terms = parse_terms(MINIMAL + "quorum: {fraction: 0.5}\n")
    assert terms.quorum is not None and terms.quorum.required(7) == 4
