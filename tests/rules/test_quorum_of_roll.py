"""The quorum a meeting's roll call gives (bot.rules.quorum.of_roll): who counts is decided there, once."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.quorum import of_roll
from tests.rules.held import board


@dataclass(frozen=True)
class Row:
    member_id: int
    status: str
    deputy_id: int | None = None


VOTING = {1, 2, 3, 4}  # the Board's voting members in term, by person id; 5 is the adviser, 7 the clerk


def test_voting_members_present_count_and_others_present_do_not() -> None:
    terms = board("quorum: {min_present: 3, clause: '6.4'}\n")
    roll = [Row(1, "present"), Row(2, "present"), Row(5, "present"), Row(7, "present")]
    verdict = of_roll(terms, roll, voting=VOTING, chairs={1})
    assert not verdict.quorate and verdict.text == "not quorate — 2 members present, 3 needed (ToR 6.4)"
    verdict = of_roll(terms, [*roll, Row(3, "present")], voting=VOTING, chairs={1})
    assert verdict.quorate and verdict.counted == 3


def test_a_deputy_counts_only_where_both_the_deputy_rule_and_the_quorum_rule_let_them() -> None:
    roll = [Row(1, "present"), Row(2, "present"), Row(3, "deputised", 30)]
    counted = board("deputies: {allowed: true}\nquorum: {min_present: 3}\n")
    assert of_roll(counted, roll, voting=VOTING, chairs=set()).quorate
    not_by_deputy_rule = board("deputies: {allowed: true, counts_for_quorum: false}\nquorum: {min_present: 3}\n")
    assert not of_roll(not_by_deputy_rule, roll, voting=VOTING, chairs=set()).quorate
    not_by_quorum_rule = board("deputies: {allowed: true}\nquorum: {min_present: 3, deputies_count: false}\n")
    verdict = of_roll(not_by_quorum_rule, roll, voting=VOTING, chairs=set())
    assert not verdict.quorate and "1 deputies present do not count" in verdict.text


def test_the_chair_must_be_present_where_the_tor_says_so() -> None:
    terms = board("quorum: {min_present: 2, chair_required: true, clause: '4'}\n")
    roll = [Row(2, "present"), Row(3, "present"), Row(4, "present")]
    assert not of_roll(terms, roll, voting=VOTING, chairs={1}).quorate
    assert of_roll(terms, [*roll, Row(1, "present")], voting=VOTING, chairs={1}).quorate
    # the chair named for the meeting counts as its chair, even holding no voting seat
    assert of_roll(terms, [*roll, Row(9, "present")], voting=VOTING, chairs={1, 9}).quorate


statuses = st.sampled_from(["present", "deputised", "apologies", "absent"])
rolls = st.lists(st.builds(Row, st.integers(1, 9), statuses, st.just(50)), max_size=9,
                 unique_by=lambda row: row.member_id)
rules = st.builds(lambda n, deputies, chair: f"deputies: {{allowed: true}}\nquorum: {{min_present: {n}, "
                  f"deputies_count: {str(deputies).lower()}, chair_required: {str(chair).lower()}}}\n",
                  st.integers(1, 6), st.booleans(), st.booleans())


@given(rolls, rules)
def test_never_quorate_with_fewer_attending_for_voting_seats_than_the_tor_number(roll: list[Row], rule: str) -> None:
    terms = board(rule)
    assert terms.quorum is not None and terms.quorum.min_present is not None
    attending = sum(1 for row in roll if row.member_id in VOTING and row.status in ("present", "deputised"))
    verdict = of_roll(terms, roll, voting=VOTING, chairs={1})
    if attending < terms.quorum.min_present:
        assert not verdict.quorate
    assert verdict.counted <= attending


@given(rolls, rules, st.sampled_from(sorted(VOTING)))
def test_one_more_voting_member_present_never_loses_the_quorum(roll: list[Row], rule: str, arriving: int) -> None:
    terms = board(rule)
    before = of_roll(terms, roll, voting=VOTING, chairs={1})
    others = [row for row in roll if row.member_id != arriving]
    after = of_roll(terms, [*others, Row(arriving, "present")], voting=VOTING, chairs={1})
    assert after.quorate or not before.quorate
