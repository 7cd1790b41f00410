"""The pure powers rule: the ToR's table, what its other rules imply, and the clerk's defaults."""

from __future__ import annotations

import pytest

from bot.errors import TermsError
from bot.rules.powers import decide, power_for, powers_in_force
from bot.terms import load_terms, parse_terms
from bot.terms_powers import Act, PowerHolder
from tests.conftest import example

BOARD = """
name: Board
short_name: board
seats:
  - {title: Chair, role: chair}
  - {title: Treasurer}
  - {title: Clerk, role: secretariat, voting: false}
"""


def roles(*held: PowerHolder) -> frozenset[PowerHolder]:
    return frozenset(held)


def test_a_silent_tor_takes_the_clerks_defaults_and_cites_no_clause() -> None:
    terms = parse_terms(BOARD)
    assert decide(terms, Act.PLAN_AGENDA, roles(PowerHolder.SECRETARIAT), "set the agenda").allowed
    refusal = decide(terms, Act.PLAN_AGENDA, roles(PowerHolder.VOTING_MEMBER, PowerHolder.MEMBER), "set the agenda")
    assert refusal.refusal == ("Only the chair or the secretariat can set the agenda. The ToR does not say who may, "
                               "so this is the usual practice.")
    assert not decide(terms, Act.CALL_VOTE, roles(PowerHolder.SECRETARIAT), "call a poll").allowed


def test_a_named_seat_holds_a_power_by_its_title() -> None:
    terms = parse_terms(BOARD + "powers:\n  plan_agenda: {by: [chair], seats: [treasurer], clause: '4.2'}\n")
    assert decide(terms, Act.PLAN_AGENDA, roles(PowerHolder.MEMBER), "set the agenda", seat_title="Treasurer").allowed
    assert decide(terms, Act.PLAN_AGENDA, roles(PowerHolder.SECRETARIAT), "set the agenda").refusal == \
        "Only the chair or the holder of treasurer can set the agenda (ToR 4.2)."


def test_terms_says_which_powers_are_defaults() -> None:
    rows = dict(powers_in_force(parse_terms(BOARD + "powers:\n  plan_agenda: {by: [secretariat]}\n")))
    assert rows["Who may plan the agenda"] == "the secretariat"  # stated, though without a clause
    assert rows["Who may schedule, move or cancel a meeting"] == "the chair or the secretariat (default: the ToR is silent)"


def test_a_power_that_names_an_unknown_seat_is_refused_at_import() -> None:
    with pytest.raises(TermsError, match="powers name seats the ToR does not have: Auditor"):
        parse_terms(BOARD + "powers:\n  plan_agenda: {by: [chair], seats: [Auditor]}\n")


def test_agreement_of_another_body_must_be_recorded() -> None:
    terms = load_terms(example("lciib"))
    holder = roles(PowerHolder.SECRETARIAT)
    assert "subject to the agreement of the board (ToR Membership)" in \
        decide(terms, Act.CO_OPT_MEMBER, holder, "co-opt members").refusal
    assert not decide(terms, Act.CO_OPT_MEMBER, holder, "co-opt members", agreed="  ").allowed
    assert decide(terms, Act.CO_OPT_MEMBER, holder, "co-opt members", agreed="Board, minute 5").allowed
    assert decide(terms, Act.SEAT_MEMBER, holder, "add members").allowed  # no agreement for a member's seat


def test_other_rules_imply_powers_where_the_table_is_silent() -> None:
    lieg = parse_terms(example("lieg").read_text().split("\npowers:")[0])  # the file without its table
    assert power_for(lieg, Act.TABLE_MOTION).by == [PowerHolder.STEERING_GROUP]  # voting.tabling (6.3)
    assert power_for(lieg, Act.APPROVE_MINUTES).clause == "5.2"  # minutes.approved_by
    assert power_for(lieg, Act.CIRCULATE_MINUTES).by == [PowerHolder.STEERING_GROUP]
    cscpwg = parse_terms(example("cscpwg").read_text().split("\npowers:")[0])
    chair = power_for(cscpwg, Act.NAME_CHAIR)
    assert chair.agreement is not None and chair.agreement.vote == "election" and chair.clause == "Governance"
