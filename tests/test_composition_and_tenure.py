"""Composition rules checked when seats change, and terms that end with a new representative (issue 10: 5, 6)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import Group, Membership, Person
from bot.rules.composition import Holding, breaches
from bot.rules.tenure import at_term_end
from bot.services import notices
from bot.services.context import Place, scheduler_context
from bot.services.groups import bind_channel, import_group
from bot.terms import load_terms, parse_terms
from tests.conftest import Chat, example

ADULTS = 'also "director of adult services"'
LCIIB_RULE = ('where the ToR says "At least one of the DCS representatives on the board should also be a director of '
              'adult services" (ToR Membership).')


def test_lciib_warns_until_a_dcs_is_recorded_as_also_a_director_of_adult_services(chat: Chat) -> None:
    chat.load("lciib")
    members = chat.ok("sam", "members")
    assert members.notices == ("Composition: none of the holders of the 6 seats it concerns is recorded as also "
                               "director of adult services, " + LCIIB_RULE,)
    recorded = chat.ok("sam", 'member add @erin --seat "DCS chair of North London" --also "director of adult '
                              'services"')
    assert recorded.text == "erin (DCS chair of North London) is recorded as also director of adult services."
    assert recorded.notices == ()
    assert chat.ok("sam", "members").notices == ()
    assert "erin, also director of adult services" in dict(chat.ok("bob", "members").fields)[
        "DCS chair of North London (London sub-regions)"]
    # Removing the only such DCS breaks the rule again, and the reply says so, citing the clause.
    removed = chat.ok("sam", "member remove @erin")
    assert removed.notices == ("Composition: none of the holders of the 6 seats it concerns is recorded as also "
                               "director of adult services, " + LCIIB_RULE,)
    # Seating a DCS who is not recorded as one, while the rule is broken, is warned of too.
    assert "Composition: none of the holders" in chat.ok("sam", 'member add @zara --seat "DCS chair of North London"'
                                                                ).notices[0]


def test_only_the_chair_or_secretariat_records_a_capacity(chat: Chat) -> None:
    chat.load("lciib")
    refused = chat.refused("bob", f'member add @erin --seat "DCS chair of North London" --{ADULTS}')
    assert refused.text.startswith("Only the chair or the secretariat can add members.")
    assert chat.ok("sam", "members").notices  # nothing was recorded


def test_cscpwg_warns_when_a_political_group_has_no_councillor(chat: Chat) -> None:
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    removed = chat.ok("sam", "member remove @bob")
    assert removed.notices == ('Composition: Labour group has 0 seated where the ToR says "one councillor from each '
                               'political group" (ToR Purpose).',)
    # Seating a councillor of another group mends nothing and does not repeat the Labour group's warning.
    assert chat.ok("sam", 'member add @bea --seat "Labour group councillor"').notices == ()
    assert chat.ok("sam", "members").notices == ()


def test_lieg_warns_when_an_authority_has_no_representative(chat: Chat) -> None:
    chat.load("lieg")
    removed = chat.ok("alice", "member remove @frank")
    assert removed.notices == ('Composition: Islington has 0 seated where the ToR says "Each London LA member to '
                               'provide a minimum of one representative" (ToR 2.1).',)
    # Barnet keeps two of its three representatives: still represented, no warning.
    assert chat.ok("alice", "member remove @dan").notices == ()


def test_every_example_states_its_composition_rules_with_a_clause() -> None:
    for short_name in ("plpcp", "lciib", "cscpwg", "lieg"):
        terms = load_terms(example(short_name))
        assert terms.composition and all(rule.clause for rule in terms.composition), short_name
        held = [Holding(s.title) for s in terms.seats if s.holder]
        assert short_name == "lciib" or not breaches(terms, held), short_name


def test_plpcp_refuses_to_reappoint_a_dcs_after_their_twelve_months(chat: Chat) -> None:
    chat.load("plpcp")
    assert "DCS North London (North London sub-region)" in dict(chat.ok("sam", "members").fields)
    chat.now = dt.datetime(2027, 1, 20, 9, 0, tzinfo=dt.UTC)  # bob's term ended on 14 Jan 2027
    assert dict(chat.ok("sam", "members").fields)["DCS North London (North London sub-region)"] == (
        "bob, term ended 14 Jan 2027: a new representative is due (ToR Membership)")
    refused = chat.refused("sam", 'member add @bob --seat "DCS North London"')
    assert refused.text == ('bob has served a term in DCS North London, and the ToR says a new representative is '
                            'appointed after it (ToR Membership). Seat someone else: `member add @person --seat '
                            '"DCS North London"`.')
    # Removing them first and seating them again is the same reappointment.
    chat.ok("sam", "member remove @bob")
    assert "bob has served a term" in chat.refused("sam", 'member add @bob --seat "DCS North London"').text
    assert chat.ok("sam", 'member add @nadia --seat "DCS North London"').text.startswith(
        "nadia now holds DCS North London as member; term ends 19 Jan 2028")


def test_plpcp_term_reminder_says_a_new_representative_is_due(chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.load("plpcp")
    with unit_of_work(sessions) as session:
        group = session.scalars(select(Group)).one()
        ctx = scheduler_context(session, group, dt.datetime(2026, 12, 15, 9, 0, tzinfo=dt.UTC))
        bob = session.scalars(select(Membership).join(Person, Person.id == Membership.person_id)
                              .where(Person.display_name == "bob")).one()
        notice = notices.term(ctx, bob.id, "term-30d")
        vacant = notices.term(ctx, bob.id, "seat-vacant")
    assert not isinstance(notice, str) and not isinstance(vacant, str)
    assert notice.text.endswith(
        "in 30 days. bob cannot be reappointed: the ToR has a new representative appointed when the term ends (ToR "
        "Membership). Plan who is seated next: `member add @person --seat \"DCS North London\"`.")
    assert "a new representative is due" in vacant.text


def test_a_tor_that_allows_renewal_says_so() -> None:
    terms = parse_terms("name: T\nshort_name: tt\nseats:\n  - {title: North, term_months: 12, "
                        "at_term_end: renewable, clause: '3.2'}\n  - {title: South, term_months: 12}\n")
    north, south = terms.seats
    assert at_term_end(north, "bob") == "The ToR allows the term to be renewed (ToR 3.2): reappoint bob or seat a " \
                                        "successor."
    assert at_term_end(south, "bob") == "Plan the renewal or a successor."


BOARD = """
name: Term Board
short_name: tb
adopted_on: 2026-01-01
seats:
  - {title: Chair, role: chair, term_months: 12, at_term_end: new_holder, holder: alice, clause: "3.1"}
  - {title: North, holder: bob}
"""


def test_a_lapsed_chairs_hint_never_suggests_reappointing_them(chat: Chat, sessions: sessionmaker[Session]) -> None:
    with unit_of_work(sessions) as session:
        group = import_group(session, BOARD, dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC))
        bind_channel(session, group, Place("console", "room"), chat.now, actor_id=None)
    chat.now = dt.datetime(2027, 1, 10, 9, 0, tzinfo=dt.UTC)
    refused = chat.refused("alice", "meeting schedule 2027-02-01 10:00")
    assert "member add @alice" not in refused.text
    assert "the ToR has a new representative appointed to Chair, not you again" in refused.text


RENEWABLE = """
name: Renewal Board
short_name: rb
adopted_on: 2026-01-01
seats:
  - {title: Chair, role: chair, holder: alice}
  - {title: North, term_months: 12, at_term_end: renewable, holder: bob, clause: "3.2"}
  - {title: Secretary, role: secretariat, voting: false, holder: sam}
"""


def test_where_the_tor_allows_renewal_the_same_person_is_reappointed(chat: Chat,
                                                                     sessions: sessionmaker[Session]) -> None:
    with unit_of_work(sessions) as session:
        group = import_group(session, RENEWABLE, dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC))
        bind_channel(session, group, Place("console", "room"), chat.now, actor_id=None)
    chat.now = dt.datetime(2027, 1, 10, 9, 0, tzinfo=dt.UTC)
    assert dict(chat.ok("sam", "members").fields)["North"] == \
        "bob, term ended 31 Dec 2026: seat awaiting reappointment (ToR 3.2)"
    assert chat.ok("sam", 'member add @bob --seat "North"').text == (
        "bob is reappointed to North as member for a new term from 10 Jan 2027; term ends 9 Jan 2028 (ToR 3.2).")


def test_terms_state_the_composition_and_term_rules_with_their_clauses(chat: Chat) -> None:
    chat.load("plpcp")
    rules = chat.ok("bob", "terms").fields
    assert ("Composition", "A DCS from each of the four sub-regions (ToR Membership)") in rules
    assert ("Terms", "a new representative is appointed when the term of DCS North London, DCS East London, DCS "
                     "South London, DCS West London ends (ToR Membership)") in rules
    assert "only those the ToR file lists may attend as alternate" in dict(rules)["Alternates"]


def test_a_former_dcs_may_return_after_another_representatives_term(chat: Chat) -> None:
    chat.load("plpcp")
    chat.now = dt.datetime(2027, 1, 20, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", 'member add @nadia --seat "DCS North London"')
    chat.now = dt.datetime(2028, 2, 1, 9, 0, tzinfo=dt.UTC)  # nadia's twelve months ended on 19 Jan 2028
    assert "nadia has served a term" in chat.refused("sam", 'member add @nadia --seat "DCS North London"').text
    assert chat.ok("sam", 'member add @bob --seat "DCS North London"').text.startswith(
        "bob now holds DCS North London")


def test_a_renewable_seats_lapsed_holder_is_told_they_can_be_reappointed(chat: Chat,
                                                                          sessions: sessionmaker[Session]) -> None:
    with unit_of_work(sessions) as session:
        group = import_group(session, RENEWABLE, dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC))
        bind_channel(session, group, Place("console", "room"), chat.now, actor_id=None)
    chat.now = dt.datetime(2027, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting schedule 2027-01-10 10:00")
    chat.now = dt.datetime(2027, 1, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    assert chat.ok("bob", "here").text == (
        "bob is present. But their term in North ended on 31 Dec 2026, so they cannot vote or count for quorum until "
        "reappointed (ToR 3.2). The chair or secretariat can reappoint them: `member add @bob --seat \"North\"`.")
