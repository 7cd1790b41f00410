"""Quorum under the ToR: counts, fractions, the chair, deputies; the sentence cites the clause."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.quorum import assess
from bot.terms import QuorumRule

CJCG = QuorumRule(min_present=3, clause="6.4")


def test_three_present_is_quorate_and_two_is_not() -> None:
    three = assess(CJCG, members_present=3, deputies_present=0, chair_present=True, voting_seats=12)
    two = assess(CJCG, members_present=2, deputies_present=0, chair_present=True, voting_seats=12)
    assert three.quorate and three.text == "quorate — 3 members present, 3 needed (ToR 6.4)"
    assert not two.quorate and two.text == "not quorate — 2 members present, 3 needed (ToR 6.4)"


def test_deputies_count_only_where_the_tor_says_so() -> None:
    counted = assess(CJCG, members_present=2, deputies_present=1, chair_present=True, voting_seats=12)
    assert counted.quorate and "members or deputies" in counted.text
    rule = QuorumRule(min_present=3, deputies_count=False, clause="9")
    uncounted = assess(rule, members_present=2, deputies_present=1, chair_present=True, voting_seats=12)
    assert not uncounted.quorate and "1 deputies present do not count" in uncounted.text


def test_chair_required() -> None:
    rule = QuorumRule(min_present=2, chair_required=True, clause="4")
    verdict = assess(rule, members_present=5, deputies_present=0, chair_present=False, voting_seats=8)
    assert not verdict.quorate and "the chair must be present and is not" in verdict.text


def test_no_quorum_rule_says_so() -> None:
    verdict = assess(None, members_present=1, deputies_present=0, chair_present=False, voting_seats=8)
    assert verdict.quorate and verdict.text == "the ToR sets no quorum; 1 voting member present"


@given(st.integers(0, 30), st.integers(0, 30), st.integers(1, 30), st.floats(0.05, 1.0))
def test_fraction_quorum_is_the_rounded_up_share_of_voting_seats(members: int, deputies: int, seats: int,
                                                                  fraction: float) -> None:
    import math

    verdict = assess(QuorumRule(fraction=fraction), members_present=members, deputies_present=deputies,
                     chair_present=True, voting_seats=seats)
    assert verdict.quorate == (members + deputies >= math.ceil(fraction * seats))
