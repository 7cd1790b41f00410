"""Who may vote, and who is counted as entitled to: decided once, in bot/rules/voting.py."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.voting import (
    casters_present,
    casting_refusal,
    electorate_is_present,
    is_voting,
    lapsed_note,
    most_voted,
    poll_outcome,
    venue_refusal,
    vote_refusal,
)
from bot.terms import VotingRule, VotingRules
from tests.rules.held import TODAY, YESTERDAY, Held, board


@dataclass(frozen=True)
class Row:
    member_id: int
    status: str
    deputy_id: int | None = None


def test_a_voting_seat_held_as_a_member_in_term_votes() -> None:
    terms = board()
    assert is_voting(terms, Held(1, "Treasurer"), TODAY)
    assert is_voting(terms, Held(1, "Chair", role="chair", term_ends_on=TODAY), TODAY)  # its last day is in term


def test_no_seat_a_non_voting_seat_an_ended_term_or_the_secretariat_does_not_vote() -> None:
    terms = board()
    assert not is_voting(terms, None, TODAY)
    assert not is_voting(terms, Held(1, "Adviser", role="co_opted"), TODAY)
    assert not is_voting(terms, Held(1, "Treasurer", term_ends_on=YESTERDAY), TODAY)
    # the role, not the seat, decides: a secretariat or observer holding a voting seat still does not vote
    assert not is_voting(terms, Held(1, "Member A", role="secretariat"), TODAY)
    assert not is_voting(terms, Held(1, "Member A", role="observer"), TODAY)


def test_present_members_cast_their_own_votes_and_deputies_theirs_where_the_tor_allows() -> None:
    roll = [Row(1, "present"), Row(2, "deputised", 20), Row(3, "apologies"), Row(4, "absent"), Row(5, "present")]
    assert casters_present(roll, {1, 2, 3, 4}, deputies_may_vote=True) == {1: 1, 2: 20}
    assert casters_present(roll, {1, 2, 3, 4}, deputies_may_vote=False) == {1: 1}


statuses = st.sampled_from(["present", "deputised", "apologies", "absent"])
rolls = st.lists(st.builds(Row, st.integers(1, 12), statuses, st.one_of(st.none(), st.integers(100, 110))),
                 max_size=15, unique_by=lambda row: row.member_id)


@given(rolls, st.sets(st.integers(1, 12)), st.booleans())
def test_only_voting_members_who_attended_are_entitled_and_each_vote_is_cast_once(roll: list[Row], voting: set[int],
                                                                                  deputies_vote: bool) -> None:
    casters = casters_present(roll, voting, deputies_vote)
    by_member = {row.member_id: row for row in roll}
    for member, caster in casters.items():
        row = by_member[member]
        assert member in voting and row.status in ("present", "deputised")
        assert caster == (member if row.status == "present" else row.deputy_id)
        assert row.status == "present" or deputies_vote
    assert len(casters) <= len(voting)


def test_the_electorate_is_those_present_only_at_a_meeting_and_never_under_all_members() -> None:
    assert electorate_is_present(VotingRule.MAJORITY_PRESENT, at_meeting=True)
    assert not electorate_is_present(VotingRule.MAJORITY_PRESENT, at_meeting=False)
    assert not electorate_is_present(VotingRule.ALL_MEMBERS, at_meeting=True)


def test_a_refused_voter_hears_why_and_what_would_work() -> None:
    terms = board("deputies: {allowed: true, clause: '7.2'}\n")
    ended = vote_refusal(terms, Held(1, "Treasurer", term_ends_on=YESTERDAY), TODAY, voter="bob", meeting_number=3)
    assert ended.startswith("Your term in Treasurer ended on 30 Nov 2026, so you cannot vote until you are "
                            "reappointed.") and "`member add @bob --seat \"Treasurer\"`" in ended
    assert vote_refusal(terms, Held(1, "Adviser", role="co_opted"), TODAY, voter="ann", meeting_number=None) == \
        "Your seat (Adviser) is co-opted and does not vote in Board."
    assert vote_refusal(terms, Held(1, "Treasurer"), TODAY, voter="bob", meeting_number=3) == \
        "You are not recorded present at meeting 3; say `here` first."
    assert vote_refusal(terms, None, TODAY, voter="yan", meeting_number=3) == \
        "Only voting members of Board vote, or a deputy attending for an absent member who named them " \
        "(ToR 7.2)."


def test_a_member_present_after_their_term_hears_they_neither_vote_nor_count() -> None:
    terms = board()
    assert lapsed_note(terms, Held(1, "Treasurer"), TODAY, "bob") == ""
    note = lapsed_note(terms, Held(1, "Treasurer", term_ends_on=YESTERDAY), TODAY, "bob")
    assert note.startswith(" But their term in Treasurer ended on 30 Nov 2026, so they cannot vote or count for "
                           "quorum until reappointed.")


def test_a_vote_needs_a_meeting_under_majority_present_or_where_the_tor_has_no_votes_between_meetings() -> None:
    present = board("voting: {rule: majority_present, clause: '9'}\n")
    assert venue_refusal(present, at_meeting=True) is None
    assert venue_refusal(present, at_meeting=False) == \
        "Under the ToR this is decided by a majority of the voting members present at a meeting (ToR 9); open a " \
        "meeting first."
    assert venue_refusal(board("voting: {out_of_meeting_polls: false}\n"), at_meeting=False) is not None
    assert venue_refusal(board("voting: {out_of_meeting_polls: true}\n"), at_meeting=False) is None


def test_where_the_tor_has_no_decisions_between_meetings_a_motion_waits_for_one_and_a_poll_does_not() -> None:
    silent = board("voting: {out_of_meeting_motions: false}\nmeetings: {per_year: 4, clause: '5'}\n")
    assert venue_refusal(silent, at_meeting=False, kind="poll") is None
    assert venue_refusal(silent, at_meeting=True, kind="motion") is None
    assert venue_refusal(silent, at_meeting=False, kind="motion") == (
        "The ToR says nothing of deciding between meetings, and govbot's setting for this group is that a motion is "
        "voted on at a meeting; the group meets 4 times a year (ToR 5). Put it to the next meeting once it is open, "
        "or schedule one sooner with `meeting schedule <date> <time>`.")


def test_the_chair_gives_a_casting_vote_only_where_the_tor_says() -> None:
    assert casting_refusal(VotingRules(casting_vote="chair")) is None
    assert casting_refusal(VotingRules(clause="9")) == "The ToR gives the chair no casting vote (ToR 9)."


def test_a_poll_is_won_by_the_most_votes_and_a_tie_or_no_votes_decides_nothing() -> None:
    labels = {1: "Barnet", 2: "Camden", 3: "Ealing"}
    assert poll_outcome(labels, {1: 2, 2: 1, 3: 0}, 3) == "Barnet has the most votes (2 of 3 voting)"
    assert poll_outcome(labels, {1: 1, 2: 1, 3: 0}, 2) == "tied between Barnet and Camden, 1 vote each"
    assert poll_outcome(labels, {1: 0, 2: 0, 3: 0}, 0) == "no votes were cast"


@given(st.dictionaries(st.integers(1, 6), st.integers(0, 9), min_size=1))
def test_the_most_voted_options_have_every_one_the_top_count_and_none_has_more(per: dict[int, int]) -> None:
    labels = {position: f"option {position}" for position in per}
    winners, top = most_voted(labels, per)
    assert top == max(per.values())
    assert winners == [labels[p] for p in per if per[p] == top and top > 0]
