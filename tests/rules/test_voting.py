"""Voting rules decide motions as the ToR says, with the tally and the rule in the words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.voting import Tally, decide
from bot.terms import VotingRule, VotingRules

counts = st.integers(min_value=0, max_value=40)


def rules(rule: VotingRule, clause: str | None = "6.3", casting: str = "none") -> VotingRules:
    return VotingRules(rule=rule, clause=clause, casting_vote=casting)  # type: ignore[arg-type]


def test_majority_of_those_present_counts_abstentions_and_silence_against() -> None:
    lieg = rules(VotingRule.MAJORITY_PRESENT)
    # six present: three for is not a majority of those present, even with only one against
    assert not decide(lieg, Tally(3, 1, 2), electorate=6).carried
    decision = decide(lieg, Tally(4, 1, 1), electorate=6)
    assert decision.carried
    assert decision.text == ("carried: 4 for, 1 against, 1 abstaining; needs 4 of the 6 entitled to vote "
                             "(a majority of the voting members present) (ToR 6.3)")


def test_one_against_defeats_a_unanimous_recommendation() -> None:
    decision = decide(rules(VotingRule.UNANIMOUS, "Governance"), Tally(3, 1, 0), electorate=4)
    assert not decision.carried
    assert decision.text.startswith("not carried: 3 for, 1 against, 0 abstaining; needs all 4")
    assert decision.text.endswith("(ToR Governance)")


def test_two_thirds_of_votes_cast() -> None:
    assert decide(rules(VotingRule.TWO_THIRDS), Tally(4, 2, 5), electorate=11).carried
    assert not decide(rules(VotingRule.TWO_THIRDS), Tally(3, 2, 0), electorate=5).carried


def test_chair_casting_vote_decides_a_tie_only_where_the_tor_gives_one() -> None:
    with_casting = rules(VotingRule.MAJORITY_CAST, casting="chair")
    assert decide(with_casting, Tally(2, 2), electorate=4, casting="for").carried
    assert "casting vote for" in decide(with_casting, Tally(2, 2), electorate=4, casting="for").text
    assert not decide(with_casting, Tally(2, 2), electorate=4).carried
    assert not decide(rules(VotingRule.MAJORITY_CAST), Tally(2, 2), electorate=4, casting="for").carried


@given(counts, counts, counts)
def test_majority_cast_carries_exactly_when_more_for_than_against(for_: int, against: int, abstain: int) -> None:
    decision = decide(rules(VotingRule.MAJORITY_CAST), Tally(for_, against, abstain), electorate=99)
    assert decision.carried == (for_ > against)
    assert decision.text.startswith("carried" if decision.carried else "not carried")


@given(counts, counts, counts, st.integers(min_value=0, max_value=40))
def test_unanimity_needs_every_entitled_voter_for(for_: int, against: int, abstain: int, extra: int) -> None:
    electorate = for_ + against + abstain + extra
    carried = decide(rules(VotingRule.UNANIMOUS), Tally(for_, against, abstain), electorate=electorate).carried
    assert carried == (against == 0 and abstain == 0 and extra == 0 and for_ > 0)


@given(counts, counts, counts)
def test_majority_present_needs_more_than_half_of_those_entitled(for_: int, against: int, abstain: int) -> None:
    electorate = for_ + against + abstain
    carried = decide(rules(VotingRule.MAJORITY_PRESENT), Tally(for_, against, abstain), electorate=electorate).carried
    assert carried == (2 * for_ > electorate)
