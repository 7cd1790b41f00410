"""Seats, chairs and deputies follow the ToR: terms end, named chairs stay on their seat, elected chairs can be
elected, one deputy at a time, and steering-group-only roles stay with the steering group."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.errors import TermsError
from bot.services.context import Place, Speaker
from bot.services.dashboard import home
from bot.services.groups import bind_channel, import_group
from bot.terms import parse_terms
from tests.conftest import Chat, example
from tests.test_authorisation import audit_count

OUTSIDER = ("Children's Joint Commissioning Group is confidential (ToR 6.7-6.9): only its members and their "
            "deputies see anything of it. If you should be one of them, ask the person who invited you to the "
            "channel to have you seated.")


def after_dcs_terms_end(chat: Chat) -> None:
    """PLPCP on 20 Jan 2027: the DCS seats' twelve-month terms ended on 14 Jan 2027 (ToR Membership)."""
    chat.load("plpcp")
    chat.now = dt.datetime(2027, 1, 20, 9, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting schedule 2027-01-21 10:00")
    chat.now = dt.datetime(2027, 1, 21, 10, 0, tzinfo=dt.UTC)


CHAIR_TERM = {"role: chair, holder: alice": "role: chair, term_months: 12, holder: alice"}


def load_revised(chat: Chat, sessions: sessionmaker[Session], short_name: str, changes: dict[str, str],
                 channel: str | None = None) -> None:
    """Import an example ToR with each of `changes` (old text: new) made, and bind `channel` (default: the chat's)."""
    text = example(short_name).read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new)
    with unit_of_work(sessions) as session:
        group = import_group(session, text, chat.now)
        bind_channel(session, group, Place("console", channel or chat.channel), chat.now, actor_id=None)


def test_a_member_whose_term_has_ended_is_present_but_neither_votes_nor_counts(chat: Chat) -> None:
    after_dcs_terms_end(chat)
    chat.ok("alice", "meeting open --confirm")
    chat.ok("frank", "here")
    reply = chat.ok("bob", "here")
    # PLPCP: "after which a new representative from the sub-region will be appointed": never "reappoint bob".
    assert reply.text == ("bob is present. But their term in DCS North London ended on 14 Jan 2027, so they cannot "
                          "vote or count for quorum (ToR Membership). The ToR has a new representative appointed to "
                          "DCS North London; the chair or secretariat seats them: `member add @person --seat \"DCS "
                          "North London\"`.")
    assert "Present: alice, bob, frank" in chat.ok("alice", "attendance").as_text()
    assert "the ToR sets no quorum; 2 voting members present" in chat.ok("alice", "quorum").text
    chat.ok("alice", 'motion "Adopt the plan"')
    assert chat.refused("bob", "vote 1 for").text == (
        "Your term in DCS North London ended on 14 Jan 2027, so you cannot vote (ToR Membership). The ToR has a new "
        'representative appointed to DCS North London; the chair or secretariat seats them: `member add @person '
        '--seat "DCS North London"`.')
    chat.ok("frank", "vote 1 for")
    assert "1 for, 0 against" in chat.ok("alice", "poll close 1").as_text()


def test_members_shows_a_term_that_has_ended_and_the_seat_awaiting_reappointment(chat: Chat) -> None:
    chat.load("plpcp")
    assert dict(chat.ok("bob", "members").fields)["DCS North London (North London sub-region)"] == \
        "bob, term ends 14 Jan 2027"
    after_dcs_terms_end(chat)
    # "after which a new representative from the sub-region will be appointed" (PLPCP Membership)
    assert dict(chat.ok("bob", "members").fields)["DCS North London (North London sub-region)"] == \
        "bob, term ended 14 Jan 2027: a new representative is due (ToR Membership)"
    seats = dict(home(chat.sessions, Speaker("console", "bob", "bob"), chat.now).fields)["Seats"]
    assert "DCS North London (member, term ended 14 Jan 2027: a new representative is due)" in seats


def test_member_add_appoints_a_successor_when_the_tor_wants_a_new_representative(chat: Chat) -> None:
    after_dcs_terms_end(chat)
    assert "bob has served a term" in chat.refused("sam", 'member add @bob --seat "DCS North London"').text
    reply = chat.ok("sam", 'member add @nadia --seat "DCS North London"')
    assert reply.text == "nadia now holds DCS North London as member; term ends 20 Jan 2028 (ToR Membership)."
    assert dict(chat.ok("nadia", "members").fields)["DCS North London (North London sub-region)"] == \
        "nadia, term ends 20 Jan 2028"
    assert chat.ok("sam", 'member add @nina --seat "DCS East London"').text == \
        "nina now holds DCS East London as member; term ends 20 Jan 2028 (ToR Membership)."
    chat.ok("alice", "meeting open --confirm")
    assert chat.ok("nadia", "here").text == "nadia is present."
    chat.ok("alice", 'motion "Adopt the plan"')
    chat.ok("nadia", "vote 1 for")
    chat.refused("carol", "vote 1 for")
    assert chat.refused("sam", 'member add @zoe --seat "DCS North London"').text.startswith(
        "DCS North London is held by nadia until their term ends on 20 Jan 2028 (ToR Membership)")


def test_a_term_still_running_on_its_last_day_votes(chat: Chat) -> None:
    chat.load("plpcp")
    chat.now = dt.datetime(2027, 1, 14, 9, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting schedule 2027-01-14 10:00")
    chat.now = dt.datetime(2027, 1, 14, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open --confirm")
    assert chat.ok("bob", "here").text == "bob is present."
    chat.ok("alice", 'motion "Adopt the plan"')
    chat.ok("bob", "vote 1 for")


def test_where_the_tor_names_the_chairs_seat_only_its_holder_can_be_made_chair(chat: Chat,
                                                                               sessions: sessionmaker[Session]) -> None:
    chat.load("plpcp")
    before = audit_count(sessions)
    reply = chat.refused("alice", "chair @grace")
    assert reply.text == ("The ToR names the chair's seat: ALDCS Policy Lead for Finance and Resources (ToR "
                          "Membership). To make grace the chair: `member remove @alice` (who holds it now), "
                          "`member remove @grace` (from London Councils officer), then `member add @grace --seat "
                          "\"ALDCS Policy Lead for Finance and Resources\"`; or revise the ToR.")
    assert audit_count(sessions) == before
    assert dict(chat.ok("grace", "members").fields)["ALDCS Policy Lead for Finance and Resources (ALDCS)"] == \
        "alice, chair"
    assert chat.ok("sam", "chair @alice").text == "alice is already the chair (ToR Membership); nothing has changed."


def test_where_the_tor_only_asks_for_an_agreed_named_member_any_member_can_be_made_chair(chat: Chat) -> None:
    chat.load("cjcg")
    assert chat.ok("alice", 'chair @bob --agreed "meeting 4, minute 7"').text == \
        "bob is now the chair until 30 Nov 2027 (ToR 6.2); alice no longer chairs; agreed: meeting 4, minute 7."


def test_a_chair_seat_the_tor_does_not_have_is_named_when_the_file_is_read() -> None:
    text = example("plpcp").read_text(encoding="utf-8").replace("seat: ALDCS Policy Lead", "seat: ALDCS Policy Led")
    with pytest.raises(TermsError, match="chair.seat names a seat the ToR does not have: ALDCS Policy Led"):
        parse_terms(text)


def test_a_group_that_elects_its_chair_can_open_its_first_meeting_and_elect_one(chat: Chat,
                                                                                 sessions: sessionmaker[Session]) -> None:
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2023-02-07 14:00")
    chat.now = dt.datetime(2023, 2, 7, 14, 0, tzinfo=dt.UTC)
    before = audit_count(sessions)
    reply = chat.refused("bob", "meeting open --confirm")
    assert ("The ToR has the group elect its chair, and none is elected yet (ToR Governance). Until then the "
            "secretariat (sam) opens the meeting, calls the vote") in reply.text
    assert "records the result with `chair @winner --poll N`" in reply.text
    assert audit_count(sessions) == before
    chat.ok("sam", "meeting open --confirm")
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, "here")
    chat.ok("sam", 'poll "Chair" "alice" "bob"')
    for member, choice in (("alice", "bob"), ("bob", "bob"), ("carol", "alice"), ("dan", "bob")):
        chat.ok(member, f"vote 1 {choice}")
    chat.ok("sam", "poll close 1")
    assert chat.refused("sam", "chair @sam --poll 1").text == (
        "sam holds Senior Adviser as secretariat, not as a member in term; the secretariat and observers are not "
        "members and cannot hold the chair (ToR Governance).")
    assert chat.ok("sam", "chair @bob --poll 1").text == \
        "bob is elected chair at meeting 1, by poll 1: bob has the most votes (3 of 4 voting) (ToR Governance). " \
        "bob chairs the rest of the meeting."
    assert "Ask bob" in chat.refused("alice", 'poll "Lunch?" "Yes" "No"').text
    assert "Ask bob" in chat.refused("sam", "meeting close").text  # sam presided only until the election
    chat.ok("bob", "meeting close")
    assert dict(chat.ok("bob", "members").fields)["Labour group councillor (Labour group)"] == "bob, chair"


def test_without_a_secretariat_any_voting_member_runs_the_meeting_that_elects_the_chair(chat: Chat) -> None:
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2023-02-07 14:00")
    chat.ok("sam", "member remove @sam")
    assert "Until then any voting member opens the meeting" in chat.refused("vera", "meeting open --confirm").text
    chat.ok("carol", "meeting open --confirm")
    chat.ok("alice", "here")
    chat.ok("carol", 'poll "Chair" "alice" "dan"')
    chat.ok("alice", "vote 1 alice")
    chat.ok("carol", "vote 1 alice")
    chat.ok("carol", "poll close 1")
    assert chat.ok("carol", "chair @alice --poll 1").text.startswith("alice is elected chair at meeting 1, by poll 1")
    chat.ok("alice", "meeting close")


def test_a_new_deputy_for_the_same_meeting_replaces_the_earlier_one(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    chat.ok("carol", "deputy @yan")
    assert chat.ok("carol", "deputy @zoe").text == (
        "zoe replaces yan as carol's deputy for meeting 1 (Thu 3 Dec 2026, 10:00 GMT) and may vote in their place "
        "(ToR 7.2).")
    assert chat.ok("carol", "deputies").fields == (("carol", "zoe, meeting 1"),)
    assert chat.ok("carol", "deputy @zoe").text == \
        "zoe is already carol's deputy for meeting 1 (Thu 3 Dec 2026, 10:00 GMT); nothing changed."
    chat.ok("alice", "meeting open --confirm")
    chat.ok("bob", "here")
    # yan's nomination was replaced: they are no longer anyone's deputy in this confidential group.
    assert "is confidential (ToR 6.7-6.9)" in chat.refused("yan", "here --for @carol").text
    chat.ok("zoe", "here")
    chat.ok("alice", 'motion "Adopt the plan"')
    chat.ok("zoe", "vote 1 for")


def test_console_handles_differ_only_in_case_name_one_person(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    chat.ok("carol", "deputy @Yan")
    chat.ok("alice", "meeting open --confirm")
    assert chat.ok("yan", "here").text == "Yan is attending as deputy for carol and may vote in their place (ToR 7.2)."
    assert chat.ok("BOB", "here").text == "bob is present."


def test_a_member_claiming_to_deputise_is_told_only_what_is_true(chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    chat.ok("alice", "meeting open --confirm")
    before = audit_count(sessions)
    reply = chat.refused("bob", "here --for @dan")
    # never "dan can name you with `deputy @bob`", which the bot refuses: bob holds a seat
    assert reply.text == ("dan has not named you their deputy for this meeting. You hold a seat in Children's Joint "
                          "Commissioning Group and attend in your own right: say `here`.")
    # Someone neither seated nor named a deputy learns nothing of a confidential group, not even who sits on it.
    assert chat.refused("zed", "here --for @dan").text == OUTSIDER
    assert chat.refused("zed", "here").text == OUTSIDER
    assert audit_count(sessions) == before


def test_lieg_meetings_are_chaired_and_minuted_by_steering_group_members(chat: Chat,
                                                                          sessions: sessionmaker[Session]) -> None:
    chat.load("lieg")
    before = audit_count(sessions)
    reply = chat.refused("alice", "meeting schedule 2026-12-10 10:00 --chair @frank --minutes @erin")
    assert reply.text.startswith("Under the ToR a steering group member volunteers to chair, and frank is not in "
                                 "the steering group, unless the main group decides otherwise (ToR 5.1). Name one "
                                 "of them: alice, bob, erin; or")
    reply = chat.refused("alice", "meeting schedule 2026-12-10 10:00 --chair @erin --minutes @grace")
    assert reply.text == ("Under the ToR a steering group member volunteers to take the minutes, and grace is not "
                          "in the steering group (ToR 5.2). Name one of them: alice, bob, erin.")
    assert audit_count(sessions) == before
    reply = chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin --minutes @bob")
    assert ("Chair", "erin") in reply.fields and ("Minutes", "bob") in reply.fields


def test_where_the_tor_says_nothing_any_member_chairs_or_minutes_a_meeting(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @bob --minutes @carol")


def test_the_chair_cannot_leave_an_open_meeting_with_nobody_in_the_chair(chat: Chat,
                                                                         sessions: sessionmaker[Session]) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    chat.ok("alice", "meeting open --confirm")
    before = audit_count(sessions)
    assert chat.refused("alice", "member remove @alice").text == (
        "alice chairs meeting 1, which is open, so removing alice now would leave it with nobody in the chair "
        "(ToR 6.2). Close the meeting first with `meeting close`, or make another member chair with `chair @person "
        "--agreed \"reference\"` first, then try again.")
    assert audit_count(sessions) == before
    assert dict(chat.ok("bob", "members").fields)["Children's Commissioning (Southend City Council)"].startswith(
        "alice, chair")
    # Handing the chair over mid-meeting is allowed: the new chair takes the meeting over.
    assert chat.ok("alice", 'chair @bob --agreed "meeting 4, minute 7"').text.startswith(
        "bob is now the chair until 30 Nov 2027 (ToR 6.2); alice no longer chairs")
    assert chat.ok("bob", "member remove @alice").text == \
        "alice no longer holds Children's Commissioning; the seat is vacant."
    assert chat.ok("bob", "meeting close").text == "Meeting 1 is closed."


def test_the_chair_can_leave_once_the_meeting_is_closed_or_while_a_co_chair_remains(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    chat.ok("alice", "meeting open --confirm")
    chat.ok("alice", "meeting close")
    chat.ok("alice", "member remove @alice")
    chat.load("lieg", channel="lieg")
    chat.channel = "lieg"
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    chat.ok("alice", "meeting open --confirm")
    chat.ok("alice", "member remove @alice")  # bob, the other co-chair, still chairs
    assert chat.ok("bob", "meeting close").text == "Meeting 1 is closed."  # numbered within the LIEG


def test_the_member_chairing_an_open_meeting_keeps_their_seat_until_it_closes(chat: Chat) -> None:
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00 --chair @erin")
    chat.ok("erin", "meeting open --confirm")
    assert chat.refused("alice", "member remove @erin").text == (
        "erin chairs meeting 1, which is open, so removing erin now would leave it with nobody in the chair "
        "(ToR 5.1). Close the meeting first with `meeting close`, then try again.")
    chat.ok("erin", "meeting close")
    chat.ok("alice", "member remove @erin")


def test_a_successor_in_a_lapsed_chairs_seat_takes_the_open_meeting_over_only_as_chair(
        chat: Chat, sessions: sessionmaker[Session]) -> None:
    load_revised(chat, sessions, "plpcp", CHAIR_TERM)
    chat.now = dt.datetime(2027, 1, 14, 9, 0, tzinfo=dt.UTC)  # the last day of alice's term: she still chairs
    chat.ok("alice", "meeting schedule 2027-01-14 22:00")
    chat.now = dt.datetime(2027, 1, 14, 22, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open --confirm")
    chat.now = dt.datetime(2027, 1, 15, 0, 30, tzinfo=dt.UTC)  # the meeting runs past midnight: her term has ended
    seat = "ALDCS Policy Lead for Finance and Resources"
    assert chat.refused("sam", f'member add @zoe --seat "{seat}" --role member').text.startswith(
        f"alice chairs meeting 1, which is open, so seating zoe in {seat} now would leave it with nobody in the "
        "chair (ToR Membership).")
    assert chat.ok("sam", f'member add @zoe --seat "{seat}"').text.startswith(f"zoe now holds {seat} as chair")
    chat.ok("zoe", "meeting close")


def test_a_chair_whose_term_as_chair_has_ended_is_refused_until_named_again(chat: Chat) -> None:
    """CJCG 6.2: the chair serves "an initial term of 12 months"; alice's, from adoption, ended on 14 Jan 2027."""
    chat.load("cjcg")
    chat.now = dt.datetime(2027, 1, 20, 9, 0, tzinfo=dt.UTC)
    assert chat.refused("alice", "meeting schedule 2027-01-27 10:00").text == (
        "Your term as chair ended on 14 Jan 2027 (ToR 6.2), so you cannot schedule meetings until you are named "
        "again: `chair @alice --agreed \"reference\"`, which sam can do.")
    assert chat.refused("alice", "chair @bob").text.startswith("Your term as chair ended on 14 Jan 2027 (ToR 6.2), "
                                                               "so you cannot name the chair until")
    assert chat.refused("alice", 'action "Book the room"').text == (
        "Your term as chair ended on 14 Jan 2027 (ToR 6.2), so you cannot record actions until you are named again: "
        "`chair @alice --agreed \"reference\"`, which sam can do.")
    assert chat.refused("bob", "meeting schedule 2027-01-27 10:00").text == \
        "Only the chair or the secretariat can schedule meetings (ToR 6.3). Ask sam."
    assert chat.ok("sam", 'chair @alice --agreed "meeting 4, minute 7"').text == \
        "alice is chair again for a further term until 19 Jan 2028, after the term that ended on 14 Jan 2027; the " \
        "ToR sets only an initial term of 12 months (ToR 6.2), so a renewal is for a further 12 months, the usual " \
        "practice; agreed: meeting 4, minute 7."
    assert chat.ok("alice", "meeting schedule 2027-01-27 10:00").text == "Meeting 1 scheduled."


def test_a_chair_whose_seat_term_has_ended_is_refused_and_told_who_can_reappoint_or_what_an_operator_does(
        chat: Chat, sessions: sessionmaker[Session]) -> None:
    load_revised(chat, sessions, "plpcp", CHAIR_TERM, "with-sam")
    load_revised(chat, sessions, "plpcp", CHAIR_TERM | {"short_name: plpcp": "short_name: plpcp2",  # and no secretariat
                                                        "voting: false, holder: sam,": "voting: false,"}, "alone")
    chat.now = dt.datetime(2027, 1, 20, 9, 0, tzinfo=dt.UTC)
    seat = "ALDCS Policy Lead for Finance and Resources"
    assert chat.say("alice", "meeting schedule 2027-01-27 10:00", "with-sam").text == (
        f"Your term in {seat} ended on 14 Jan 2027 (ToR Membership), so you cannot schedule meetings until you "
        f'are reappointed: `member add @alice --seat "{seat}"`, which sam can do.')
    assert chat.say("alice", "meeting schedule 2027-01-27 10:00", "alone").text.endswith(
        "Nobody in the group can do that now (no secretariat, and no chair in term), so ask the operator to put a "
        "revised ToR in force with `govbot group import FILE`, seating a secretariat (or another chair) who can.")
    assert chat.say("sam", f'member add @alice --seat "{seat}"', "with-sam").text.startswith(
        f"alice is reappointed to {seat} as chair for a new term from 20 Jan 2027")
    assert chat.say("alice", "meeting schedule 2027-01-27 10:00", "with-sam").text == "Meeting 1 scheduled."


def test_a_group_whose_elected_chair_has_served_their_term_is_run_by_the_secretariat_until_it_elects_again(
        chat: Chat, sessions: sessionmaker[Session]) -> None:
    load_revised(chat, sessions, "cscpwg", {"chair: {chosen: elected,": "chair: {chosen: elected, term_months: 3,"})
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    elect(chat, "bob", ["alice", "bob"], meeting=1)
    chat.now = dt.datetime(2023, 4, 11, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2023-04-11 14:00")
    chat.now = dt.datetime(2023, 4, 11, 14, 0, tzinfo=dt.UTC)
    assert chat.refused("bob", "meeting open").text == (
        "Your term as chair ended on 9 Apr 2023 (ToR Governance), so you cannot open a meeting until you are "
        "elected again at a meeting: `chair @bob --poll N`, which sam can do.")
    assert "bob won poll 1, not carol; an election result cannot be overridden (ToR Governance)" in \
        chat.refused("sam", "chair @carol --poll 1").text
    assert elect(chat, "carol", ["carol", "dan"], meeting=2, poll=2, schedule=False) == \
        "carol is elected chair until 10 Jul 2023 at meeting 2, by poll 2: carol has the most votes (2 of 2 voting) " \
        "(ToR Governance). carol chairs the rest of the meeting."


def elect(chat: Chat, winner: str, voters: list[str], meeting: int, poll: int = 1, schedule: bool = True) -> str:
    """Hold a chair election at meeting `meeting` (scheduled an hour from now first, when `schedule`): the
    secretariat opens it, `voters` attend and vote for `winner`, the secretariat records the result and the new
    chair closes the meeting. Returns the secretariat's reply recording the result."""
    if schedule:
        start = chat.now + dt.timedelta(hours=1)
        chat.ok("sam", f"meeting schedule {start.date().isoformat()} {start.strftime('%H:%M')}")
        chat.now = start
    chat.ok("sam", f"meeting open {meeting}")
    for voter in voters:
        chat.ok(voter, "here")
    chat.ok("sam", f'poll "Chair" "{winner}" "{"dan" if winner != "dan" else "alice"}"')
    for voter in voters:
        chat.ok(voter, f"vote {poll} {winner}")
    chat.ok("sam", f"poll close {poll}")
    text = chat.ok("sam", f"chair @{winner} --poll {poll}").text
    chat.ok(winner, "meeting close")
    return text
