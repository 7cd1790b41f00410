"""The chair's rules (bot/rules/chair.py): in term or lapsed, presiding until elected, who may be made chair."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from bot.rules import chair
from bot.terms import Role
from tests.rules.held import TODAY, YESTERDAY, Held, board

NAMES = {1: "alice", 2: "bob", 3: "carol", 7: "kim"}
ELECTED = "chair: {chosen: elected, clause: '5.1'}\n"


def test_a_chair_in_term_holds_the_chair_and_one_whose_term_ended_does_not() -> None:
    terms = board("chair: {term_months: 12, clause: '5'}\n")
    assert chair.holds_chair(terms, Held(1, "Chair", role="chair", chair_term_ends_on=TODAY), TODAY)
    assert chair.lapsed(terms, Held(1, "Chair", role="chair", chair_term_ends_on=YESTERDAY), TODAY) == \
        "your term as chair ended on 30 Nov 2026 (ToR 5)"
    assert chair.lapsed(terms, Held(1, "Chair", role="vice_chair", term_ends_on=YESTERDAY), TODAY) == \
        "your term in Chair ended on 30 Nov 2026"
    assert not chair.holds_chair(terms, Held(2, "Treasurer"), TODAY)


@given(st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)), st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
       st.sampled_from([Role.CHAIR, Role.VICE_CHAIR, Role.CO_CHAIR, Role.MEMBER]))
def test_nobody_holds_the_chair_past_either_of_their_terms(ends: dt.date, today: dt.date, role: Role) -> None:
    terms = board()
    for held in (Held(1, "Chair", role=role, term_ends_on=ends), Held(1, "Chair", role=role, chair_term_ends_on=ends)):
        if today > ends or role is Role.MEMBER:
            assert not chair.holds_chair(terms, held, today)
        else:
            assert chair.holds_chair(terms, held, today)


def test_until_a_chair_is_elected_the_secretariat_presides_or_else_any_voting_member() -> None:
    terms = board(ELECTED)
    clerk, bob, adviser = Held(7, "Clerk", role="secretariat"), Held(2, "Treasurer"), Held(5, "Adviser", role="co_opted")
    assert chair.presides_until_elected(terms, [clerk, bob], clerk, TODAY)
    assert not chair.presides_until_elected(terms, [clerk, bob], bob, TODAY)
    assert chair.presides_until_elected(terms, [bob, adviser], bob, TODAY)
    assert not chair.presides_until_elected(terms, [bob, adviser], adviser, TODAY)
    elected = Held(1, "Chair", role="chair")
    assert not chair.presides_until_elected(terms, [elected, clerk, bob], clerk, TODAY)


def test_who_may_be_made_chair() -> None:
    terms = board(ELECTED)
    assert chair.chair_refusal(terms, Held(2, "Treasurer"), TODAY, name="bob") is None
    assert chair.chair_refusal(terms, None, TODAY, name="yan") == \
        "yan holds no seat; the chair is chosen from the members (ToR 5.1)."
    assert "the secretariat and observers are not members" in \
        (chair.chair_refusal(terms, Held(7, "Clerk", role="secretariat"), TODAY, name="kim") or "")
    assert "does not vote" in (chair.chair_refusal(terms, Held(5, "Adviser", role="co_opted"), TODAY, name="ann") or "")
    named_seat = board("chair: {seat: Chair, clause: '5'}\n")
    assert (chair.chair_refusal(named_seat, Held(2, "Treasurer"), TODAY, name="bob") or "").startswith(
        "The ToR names the chair's seat: Chair (ToR 5). To make bob the chair: `member remove @bob` (from Treasurer)")


def test_a_lapsed_chair_hears_who_can_restore_them_and_the_others_who_the_chair_is() -> None:
    terms = board("chair: {term_months: 12, clause: '5'}\n")
    lapsed = Held(1, "Chair", role="chair", chair_term_ends_on=YESTERDAY)
    clerk, bob = Held(7, "Clerk", role="secretariat"), Held(2, "Treasurer")
    assert chair.lapsed_refusal(terms, [lapsed, clerk, bob], lapsed, TODAY, doing="open a meeting", names=NAMES) == \
        "Your term as chair ended on 30 Nov 2026 (ToR 5), so you cannot open a meeting until you are named again: " \
        "`chair @alice`, which kim can do."
    assert chair.lapsed_refusal(terms, [lapsed, clerk, bob], bob, TODAY, doing="open a meeting", names=NAMES) is None
    assert chair.hint(terms, [lapsed, clerk, bob], bob, TODAY, NAMES) == \
        "The chair's term has ended (alice); the secretariat can name a chair with `chair @person` (ToR 5), or name " \
        "who chairs one meeting meanwhile: `meeting chair @person`."
    in_term = Held(1, "Chair", role="chair")
    assert chair.hint(terms, [in_term, bob], bob, TODAY, NAMES) == "Ask alice, the chair (ToR 5)."


def test_with_nobody_to_restore_a_lapsed_chair_the_operator_is_asked() -> None:
    terms = board()
    lapsed = Held(1, "Chair", role="chair", term_ends_on=YESTERDAY)
    words = chair.restoring(terms, lapsed, TODAY, name="alice", able=[])
    assert words.startswith("you are reappointed: `member add @alice --seat \"Chair\"`. Nobody in the group can")


def test_a_chair_chosen_per_meeting_is_never_named_and_a_stepping_down_chair_keeps_their_seats_role() -> None:
    assert chair.naming_refusal(board()) is None
    assert (chair.naming_refusal(board("chair: {chosen: per_meeting, clause: '8'}\n")) or "").startswith(
        "Under the ToR a chair is chosen for each meeting (ToR 8).")
    terms = board()
    assert chair.role_after_chair(terms, "Adviser") is Role.CO_OPTED
    assert chair.role_after_chair(terms, "Chair") is Role.MEMBER
    assert chair.chair_term_ends(board("chair: {term_months: 12}\n"), TODAY) == dt.date(2027, 11, 30)
    assert chair.chair_term_ends(terms, TODAY) is None


def test_a_chair_is_seated_only_in_a_voting_members_seat_and_only_where_the_tor_names_its_chair() -> None:
    terms = board()
    assert chair.seating_refusal(terms, terms.seats[1], Role.MEMBER) is None
    assert chair.seating_refusal(terms, terms.seats[1], Role.CHAIR) is None
    assert (chair.seating_refusal(terms, terms.seats[6], Role.VICE_CHAIR) or "").startswith(
        "Clerk is not a voting member's seat; the secretariat and observers are not members")
    elected = board(ELECTED)
    assert chair.seating_refusal(elected, elected.seats[1], Role.CHAIR) == \
        "Under the ToR the group elects its chair, so nobody is seated as chair (ToR 5.1); seat them as a member " \
        "and see `help chair`."
    assert chair.seating_refusal(elected, elected.seats[1], Role.VICE_CHAIR) is None
