"""PLPCP, LCIIB and CSCPWG meetings as their documents run them, on every platform, where what the bot said once
differed from the document or left a clerk to guess."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.platform_chats import Speaking
from tests.test_seed_meetings import elect_bob, first_cscpwg_meeting

CLAUSE = {"plpcp": "ToR Steering Group Support and Logistics", "lciib": "ToR Board Support and Logistics"}
CADENCE = {"plpcp": "quarterly", "lciib": "4 times a year"}


@pytest.mark.parametrize("group", ["plpcp", "lciib"])
def test_a_motion_waits_for_a_meeting_where_the_document_has_no_decisions_between_them(
        platform_chat: Speaking, group: str) -> None:
    """Neither document provides for deciding between meetings (PLPCP "will meet quarterly", reviewing progress "at
    each meeting"; LCIIB "will meet four times a year") and neither sets a quorum: an e-mail vote would be carried
    by whoever answered. A motion is proposed between meetings and voted on at one; a poll on a date still runs."""
    chat = platform_chat
    chat.load(group)
    refused = chat.refused("alice", 'motion "Deploy the Q4 budget" --closes "2026-12-08 17:00"').text
    assert ("The ToR says nothing of deciding between meetings, and govbot's setting for this group is that a "
            f"motion is voted on at a meeting; the group meets {CADENCE[group]} ({CLAUSE[group]}).") in refused
    assert "meeting schedule <date> <time>" in refused
    proposed = chat.ok("alice", 'motion "Deploy the Q4 budget"').text
    assert "Motion 1 is proposed: Deploy the Q4 budget" in proposed and "at a meeting" in proposed
    assert "deadline" not in proposed
    chat.refused("bob", "vote 1 for")
    assert "The ToR says nothing of deciding between meetings" in \
        chat.refused("alice", 'motion vote 1 --closes "2026-12-08 17:00"').text
    chat.ok("alice", 'poll "Date for March?" "Tue 9 Mar" "Thu 11 Mar" --closes "2026-12-08 17:00"')
    chat.ok("sam", "meeting schedule 2026-12-01 10:00")
    chat.now = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("alice", "motion vote 1")
    chat.ok("bob", "vote 1 for")
    assert "carried" in chat.ok("alice", "poll close 1").text


def lciib_meeting(chat: Speaking, *present: str) -> None:
    """An LCIIB meeting on 1 Dec 2026, opened by the chair, with `present` there besides her."""
    chat.ok("sam", "meeting schedule 2026-12-01 10:00")
    chat.now = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    for who in present:
        chat.ok(who, "here")


def test_lciib_a_tied_vote_falls_and_the_outcome_says_the_chair_has_no_casting_vote(platform_chat: Speaking) -> None:
    """The document gives nobody a casting vote: a tie is not carried, and a clerk reads why rather than working it
    out from "needs more for than against"."""
    chat = platform_chat
    chat.load("lciib")
    lciib_meeting(chat, "bob", "carol", "dan")
    chat.ok("alice", 'motion "Authorise the RIIA memorandum of understanding"')
    for who, how in (("alice", "for"), ("bob", "for"), ("carol", "against"), ("dan", "against")):
        chat.ok(who, f"vote 1 {how}")
    assert "The ToR gives the chair no casting vote" in chat.refused("alice", "poll close 1 --casting for").text
    closed = chat.ok("alice", "poll close 1").text
    assert "not carried: 2 for, 2 against, 0 abstaining; needs more for than against (a majority of the votes cast, " \
           "the usual practice: the ToR sets no voting rule); " \
           "tied, and the ToR gives the chair no casting vote" in closed


def test_lciib_an_interest_declared_again_at_the_meeting_is_recorded_once(platform_chat: Speaking) -> None:
    """A member who declared before the meeting says it again as the meeting opens, as members do: the register,
    the reminder when they vote and the minutes hold it once."""
    chat = platform_chat
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 2026-12-01 10:00")
    chat.ok("sam", 'agenda add "RIIA memorandum of understanding with DfE"')
    declared = 'declare "Seconded to the DfE regional team" --item 1'
    chat.ok("erin", declared)
    chat.now = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("erin", "here")
    again = chat.ok("erin", declared).text
    assert "Already recorded: erin declared an interest on item 1 (RIIA memorandum of understanding with DfE) for " \
           "meeting 1: Seconded to the DfE regional team" in again and "nothing is added" in again
    assert chat.ok("alice", "interests").text.count("Seconded to the DfE regional team") == 1
    chat.ok("alice", 'motion "Authorise the memorandum" --item 1')
    assert chat.ok("erin", "vote 1 abstain").text.count("Reminder: an interest was declared on this item") == 1
    chat.ok("alice", "poll close 1")
    chat.ok("alice", "meeting close")
    assert chat.ok("alice", "meeting minutes 1").text.count("Seconded to the DfE regional team") == 1


def test_cscpwg_a_meeting_that_runs_past_90_minutes_is_told_at_close_and_minuted(platform_chat: Speaking) -> None:
    """Operation: "meetings of no more than 90 minutes". The chair is reminded at 90 minutes; if the meeting runs
    on, closing it says by how much, and the minutes record it beside the times."""
    chat = platform_chat
    chat.load("cscpwg")
    first_cscpwg_meeting(chat)
    chat.ok("alice", "here")
    chat.now = dt.datetime(2023, 1, 17, 15, 40, tzinfo=dt.UTC)
    overran = "ran 100 minutes, longer than the 90 minutes a meeting may last (ToR Operation)"
    assert overran in chat.ok("sam", "meeting close").text
    minutes = chat.ok("sam", "meeting minutes 1").text
    assert f"(opened 14:00, closed 15:40; {overran})" in minutes


def test_cscpwg_a_meeting_within_90_minutes_says_nothing_of_its_length(platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cscpwg")
    first_cscpwg_meeting(chat)
    chat.now = dt.datetime(2023, 1, 17, 15, 30, tzinfo=dt.UTC)
    assert "ran " not in chat.ok("sam", "meeting close").text
    assert "(opened 14:00, closed 15:30)" in chat.ok("sam", "meeting minutes 1").text


@pytest.mark.parametrize(("group", "meetings"), [
    ("plpcp", "quarterly, every 3 months (ToR Steering Group Support and Logistics)"),
    ("lciib", "4 times a year (ToR Board Support and Logistics)"),
    ("cscpwg", "bi-monthly, every 2 months, at most 90 minutes, online; additional meetings where agreed by the chair "
               "(ToR Operation)")])
def test_terms_give_the_meetings_in_the_documents_words_and_mark_what_it_leaves_to_the_usual_practice(
        platform_chat: Speaking, group: str, meetings: str) -> None:
    """A clerk compares `terms` with the document: "meet quarterly", "meet bi-monthly"; and none of the three says
    who approves the minutes, so the chair's approving them is shown as the usual practice, not as the ToR's."""
    chat = platform_chat
    chat.load(group)
    said = chat.ok("bob", "terms").text
    assert f"Meetings: {meetings}; times in Europe/London" in said
    assert "Minutes: approved by the chair; the ToR does not say who approves them, so this is the usual practice" \
        in said


def test_cscpwg_a_recommendation_put_between_meetings_says_how_swift_agreement_is_reached(
        platform_chat: Speaking) -> None:
    """Governance: "Where swift agreement is needed on recommendations developed by the working group, these will
    be agreed through the Children and Young People Board Lead Members, in line with normal process." The clerk
    putting a recommendation to the members by e-mail (Operation) reads the route beside it, and `terms` states it."""
    chat = platform_chat
    chat.load("cscpwg")
    swift = ("where swift agreement is needed, recommendations are agreed through the Children and Young People Board "
             "Lead Members, in line with normal process")
    assert swift in chat.ok("bob", "terms").text
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("alice", 'motion "Recommend a national fostering recruitment campaign"')
    card = chat.ok("sam", 'motion vote 1 --closes "2023-01-17 17:00"')  # no chair elected yet: the Senior Adviser
    assert f"{swift} (ToR Governance)" in card.text
    chat.ok("sam", "meeting schedule 2023-01-17 14:00")
    chat.now = dt.datetime(2023, 1, 17, 14, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    chat.ok("alice", "here")
    chat.ok("alice", 'motion "Recommend more secure places"')
    assert swift not in chat.ok("sam", "motion vote 2").text  # at a meeting: no hurry


def test_cscpwg_the_minutes_of_the_first_meeting_record_the_chair_it_elected(platform_chat: Speaking) -> None:
    """Governance: "The working group will elect a chair at its first meeting". The Senior Adviser runs that meeting
    until then; its minutes say who was elected, by which ballot, and the elected chair signs them."""
    chat = platform_chat
    chat.load("cscpwg")
    elect_bob(chat)
    minutes = chat.ok("bob", "meeting minutes 1").text
    assert "Chair: sam (LGA) until bob (Labour group) was elected chair by poll 1 (ToR Governance); then bob " \
           "(Labour group)" in minutes.replace("*", "")
    assert "Name: bob (Labour group)" in minutes.replace("*", "")


def test_lciib_an_invited_guest_with_no_seat_is_told_who_records_them(platform_chat: Speaking) -> None:
    """Membership: "the DfE Regional Improvement Lead and Local Government Association children's lead will be
    regularly invited". One who says `here` before being seated hears that the chair or the secretariat seats the
    invited leads in the seats the ToR gives them (other visitors: `guest`), and once seated is minuted in attendance,
    with no vote."""
    chat = platform_chat
    chat.load("lciib")
    lciib_meeting(chat)
    refused = chat.refused("dfe", "here").text
    assert "makes no provision for deputies (ToR Membership)" in refused
    assert ("The DfE Regional Improvement Lead and the LGA children's lead, whom the ToR has regularly invited (ToR "
            "Membership), are seated by the chair or the secretariat instead") in refused
    assert 'member add @dfe --seat "DfE Regional Improvement Lead"' in refused
    chat.ok("sam", 'member add @dfe --seat "DfE Regional Improvement Lead"')
    chat.ok("dfe", "here")
    assert "dfe — DfE Regional Improvement Lead" in chat.ok("alice", "attendance").text


def test_cscpwg_a_substitute_attends_for_one_member_not_two(platform_chat: Speaking) -> None:
    """Purpose: "one councillor from each political group"; Governance: "Members may send substitutes". A Board
    member two councillors both named substitutes for the same meeting, once attending for one, does not also take
    the other's seat and a second vote under the unanimity rule."""
    chat = platform_chat
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2023-01-17 14:00")
    chat.ok("bob", "deputy @vera")
    chat.ok("carol", "deputy @vera")
    chat.now = dt.datetime(2023, 1, 17, 14, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    chat.ok("vera", "here --for @bob")
    refused = chat.refused("vera", "here --for @carol").text
    assert "vera already attends meeting 1 as substitute for bob, and a substitute attends for one member at a " \
        "time" in refused
    assert "(ToR Governance)" in refused and "carol can name another" in refused
    assert "Substitutes: vera for bob" in chat.ok("alice", "attendance").text


def test_plpcp_the_deputies_list_names_each_dcs_still_to_nominate_an_alternate(platform_chat: Speaking) -> None:
    """Membership: "Each DCS will nominate an alternate DCS from the sub-region". The secretary asking who has
    reads who has not yet, rather than only the nominations made; the chair and the other members name none."""
    chat = platform_chat
    chat.load("plpcp")
    chat.ok("bob", "deputy @nadia")
    chat.ok("carol", "deputy @otto")
    said = chat.ok("sam", "deputies").text
    assert "bob: nadia, standing" in said and "carol: otto, standing" in said
    assert "Still to name a standing alternate: dan (DCS South London), erin (DCS West London); under the ToR each of " \
           "them names one (ToR Membership)." in said
    assert "alice" not in said and "frank" not in said and "grace" not in said
    assert "each names one" in chat.ok("sam", "terms").text
    chat.ok("dan", "deputy @petra")
    chat.ok("erin", "deputy @quinn")
    assert "Still to name" not in chat.ok("sam", "deputies").text


def test_cscpwg_a_vote_between_meetings_is_not_closed_before_its_deadline_by_mistake(platform_chat: Speaking) -> None:
    """Operation: "Work will also be carried out via email in between meetings"; Governance: recommendations
    "agreed by all members". Closed before its deadline with a member yet to vote, a recommendation fails for want
    of that vote: the chair is told so and closes it early only by saying so."""
    chat = platform_chat
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("alice", 'motion "Recommend a DfE capital fund"')
    chat.ok("sam", 'motion vote 1 --closes "2023-01-17 17:00"')
    for member in ("alice", "bob", "carol"):
        chat.ok(member, "vote 1 for")
    refused = chat.refused("sam", "poll close 1").text
    assert "Motion 1 is open until Tue 17 Jan 2023, 17:00 GMT and 1 of the 4 entitled to vote has not voted yet" \
        in refused
    assert "poll close 1 --early" in refused
    # and what closing now would record: under "agreed by all members", three of four in favour is not carried
    assert "closed now, it is decided without them, as not carried: 3 for, 0 against, 0 abstaining; needs all 4" \
        in refused
    assert "Outcome" not in chat.ok("alice", "results 1").text  # still open
    chat.ok("dan", "vote 1 for")
    assert "carried: 4 for" in chat.ok("sam", "poll close 1").text  # everyone has voted: it may close


def test_a_vote_between_meetings_closed_early_on_purpose_says_so(platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("alice", 'motion "Recommend a DfE capital fund"')
    chat.ok("sam", 'motion vote 1 --closes "2023-01-17 17:00"')
    chat.ok("alice", "vote 1 for")
    closed = chat.ok("sam", "poll close 1 --early").text
    assert "not carried: 1 for" in closed
