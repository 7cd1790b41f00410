"""The ToR's deputy rules (bot/rules/deputies.py): provision, scope, which seats send one, who may be one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.rules import deputies
from bot.rules.attendance import cap_refusal
from bot.terms import AttendanceRules, DeputyRule
from tests.rules.held import TODAY, YESTERDAY, Held, board


def test_no_provision_for_deputies_is_said_with_its_clause() -> None:
    assert deputies.no_provision(board()) == "Board's ToR makes no provision for deputies."
    assert deputies.no_provision(board("deputies: {allowed: true}\n")) is None


def test_standing_and_per_meeting_nominations_as_the_tor_allows() -> None:
    per_meeting_only = DeputyRule(standing=False, clause="7")
    assert deputies.default_scope(per_meeting_only) == "next"
    assert deputies.scope_refusal(per_meeting_only, "standing") == \
        "The ToR allows deputies only for a named meeting (ToR 7); use `--meeting next` or a meeting number."
    assert deputies.scope_refusal(per_meeting_only, "3") is None
    standing_only = DeputyRule(per_meeting=False)
    assert deputies.default_scope(standing_only) == "standing"
    assert deputies.scope_refusal(standing_only, "next") == \
        "The ToR allows standing deputies only; use `--meeting standing`."


def test_only_a_voting_member_in_term_sends_a_deputy_unless_the_tor_lists_the_seats() -> None:
    terms = board("deputies: {allowed: true}\n")
    assert deputies.entitlement_refusal(terms, Held(2, "Treasurer"), TODAY, member="bob") is None
    assert "bob's term in Treasurer ended on 30 Nov 2026, so no deputy attends or votes in their place" in (
        deputies.entitlement_refusal(terms, Held(2, "Treasurer", term_ends_on=YESTERDAY), TODAY, member="bob") or "")
    assert "the secretariat and observers are not members" in (deputies.entitlement_refusal(
        terms, Held(7, "Clerk", role="secretariat"), TODAY, member="kim") or "")
    listed = board("deputies: {allowed: true, for_seats: [Clerk, Member B]}\n")
    assert deputies.entitlement_refusal(listed, Held(7, "Clerk", role="secretariat"), TODAY, member="kim") is None
    assert deputies.entitlement_refusal(listed, Held(2, "Treasurer"), TODAY, member="bob") == \
        "Under the ToR only Clerk, Member B name deputies."
    # a seat the ToR lists sends no deputy once its holder's term is over
    assert "so no deputy attends" in (deputies.entitlement_refusal(
        listed, Held(2, "Member B", term_ends_on=YESTERDAY), TODAY, member="bob") or "")


def test_who_may_deputise() -> None:
    anyone = DeputyRule()
    assert deputies.eligibility_refusal(anyone, "Treasurer", deputy="yan", accounts=set(), body_held=None,
                                        in_body=False) is None
    body = DeputyRule(must_belong_to="board-b", clause="7.2")
    assert deputies.eligibility_refusal(body, "Treasurer", deputy="yan", accounts=set(), body_held="Board B",
                                        in_body=True) is None
    assert (deputies.eligibility_refusal(body, "Treasurer", deputy="yan", accounts=set(), body_held="Board B",
                                         in_body=False) or "").startswith(
        "A deputy must be a member of Board B, and yan is not recorded as one (ToR 7.2).")
    # a body the bot does not hold, and nobody listed: nobody is eligible until the ToR file lists them
    assert deputies.eligibility_refusal(body, "Treasurer", deputy="yan", accounts=set(), body_held=None,
                                        in_body=False) is not None
    listed = DeputyRule(eligible={"Treasurer": ["@Yan", "slack:U9"]})
    assert deputies.eligibility_refusal(listed, "Treasurer", deputy="yan", accounts={"yan"}, body_held=None,
                                        in_body=False) is None
    assert "Those listed for Member A:" not in (deputies.eligibility_refusal(
        listed, "Member A", deputy="yan", accounts={"yan"}, body_held=None, in_body=False) or "")
    assert deputies.on_list({"slack:u9"}, ["slack:U9"]) and deputies.on_list({"yan"}, ["console:yan"])


def test_a_deputy_attends_only_for_an_absent_member_and_votes_only_where_the_tor_says() -> None:
    rule = DeputyRule(may_vote=False)
    assert deputies.attending_refusal(rule, "bob", member_present=False) is None
    assert deputies.attending_refusal(rule, "bob", member_present=True) == \
        "bob is present; a deputy attends only in place of an absent member."
    assert deputies.voting_words(rule, attending=True) == "may not vote"
    assert deputies.voting_words(rule, attending=False) == "may attend but not vote"
    assert deputies.voting_words(DeputyRule(), attending=True) == "may vote in their place"


@given(st.one_of(st.none(), st.integers(1, 5)), st.integers(0, 8), st.one_of(st.none(), st.just("Barnet")))
def test_the_cap_refuses_exactly_when_an_organisation_already_has_its_number_attending(
        cap: int | None, attending: int, organisation: str | None) -> None:
    refusal = cap_refusal(AttendanceRules(max_per_organisation=cap), organisation, attending)
    assert (refusal is not None) == (organisation is not None and cap is not None and attending >= cap)
    if refusal is not None:
        assert refusal.startswith(f"Barnet already has {attending} attending; at most {cap} per organisation")
