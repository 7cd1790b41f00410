"""A vote counts those entitled to vote when it closes: the ballot of a member who has left their seat since (term
ended, `member remove`, a successor seated) is set aside at the close and the result card says so, with the reason;
one seat gives one vote, across a handover and through a deputy."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import AuditEvent
from bot.records.audit_trail import verify
from bot.services.polls import close_at_deadline
from tests.conftest import Chat
from tests.platform_chats import at, meeting_opened

POLL = 'poll "Which provider do we back?" "Acme" "Beta" --closes "2027-01-20 17:00"'


def field(reply_text: str, name: str) -> str:
    """The value of the card's field `name` (`  Voted: 3`)."""
    return next(line.split(": ", 1)[1] for line in reply_text.splitlines() if line.strip().startswith(f"{name}: "))


def test_plpcp_the_ballot_of_a_dcs_whose_term_ended_is_set_aside_and_the_seat_votes_once(chat: Chat) -> None:
    """PLPCP Membership: "Each DCS will stand for twelve months, after which a new representative from the
    sub-region will be appointed". alice's poll runs over bob's last day (14 Jan 2027); bob voted Acme, nadia took
    up his seat on 15 Jan and voted Beta: DCS North London was counted twice, and bob's vote counted though he no
    longer held a seat when the poll closed. His ballot is set aside, and the card says so and why."""
    chat.load("plpcp")
    chat.ok("alice", POLL)
    chat.ok("bob", "vote 1 Acme")
    chat.ok("frank", "vote 1 Beta")
    chat.ok("grace", "vote 1 Acme")
    chat.ok("carol", "vote 1 Acme")  # her term ends on 14 Jan too, with no successor seated
    chat.ok("sam", 'member add @nadia --seat "DCS North London" --from 15 Jan')
    at(chat, "2027-01-16", "09:00")
    chat.ok("nadia", "vote 1 Beta")
    refused = chat.refused("bob", "vote 1 Beta").text  # his seat is nadia's now, and he is told so, not the rules
    assert refused == ("You no longer hold a seat in Pan-London Placements Commissioning Programme Steering Group: "
                       "your term in DCS North London ended on 14 Jan 2027 (ToR Membership); nadia holds it now, so "
                       "you do not vote."), refused
    ahead = field(chat.ok("alice", "results 1").as_text(), "Set aside at the close")
    assert ahead.startswith("bob's vote, as bob no longer holds a seat: bob's term in DCS North London ended"), ahead
    closed = chat.ok("alice", "poll close 1").as_text()
    assert field(closed, "Voted") == "3", closed
    assert field(closed, "Acme") == "1 of 3 voted (33%)", closed
    assert field(closed, "Beta") == "2 of 3 voted (67%)", closed
    assert field(closed, "Outcome") == "Beta has the most votes (2 of 3 voting)", closed
    aside = field(closed, "Set aside")
    assert aside == ("bob's vote, as bob no longer holds a seat: bob's term in DCS North London ended on 14 Jan "
                     "2027 (ToR Membership), and nadia holds it now; carol's vote, as carol's term in DCS East London "
                     "ended on 14 Jan 2027 (ToR Membership). A vote counts those entitled to vote when it closes, one "
                     "vote a seat."), aside
    assert field(chat.ok("frank", "results 1").as_text(), "Set aside") == aside  # as the record keeps it


def test_plpcp_a_ballot_set_aside_leaves_the_record_intact_and_audited(chat: Chat,
                                                                       sessions: sessionmaker[Session]) -> None:
    """The ballot set aside is taken out of the count by the bot, with an audit event saying whose, cast by whom
    and why, so `audit verify` finds the record intact (no ballot deleted outside the bot)."""
    chat.load("plpcp")
    chat.ok("alice", POLL)
    chat.ok("bob", "vote 1 Acme")
    chat.ok("sam", 'member add @nadia --seat "DCS North London" --from 15 Jan')
    at(chat, "2027-01-16", "09:00")
    chat.ok("alice", "poll close 1")
    with unit_of_work(sessions) as session:
        assert verify(session).intact, verify(session).problems
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "ballot.set_aside")).one()
        assert event.detail["reason"].startswith("bob no longer holds a seat: bob's term in DCS North London"), \
            event.detail


def test_cjcg_a_member_removed_before_a_motion_between_meetings_closes_is_not_counted(chat: Chat) -> None:
    """CJCG 7.1 names the group's members; bob's seat ended (`member remove`) while alice's motion was open between
    meetings. His vote For carried it 3 to 1; it is set aside, and the 2 to 1 of the members in office decides."""
    chat.load("cjcg")
    chat.ok("alice", 'motion "That we fund the pilot" --closes "2026-12-20 17:00"')
    for who, how in (("bob", "for"), ("carol", "for"), ("dan", "for"), ("erin", "against")):
        chat.ok(who, f"vote 1 {how}")
    chat.ok("sam", "member remove @bob")
    closed = chat.ok("alice", "poll close 1 --early").as_text()
    assert field(closed, "Voted") == "3", closed
    assert field(closed, "For") == "2 of 3 voted (67%)", closed
    assert field(closed, "Set aside") == ("bob's vote, as bob no longer holds a seat: bob left Specialist and "
                                          "Complex SEND Placement and HNB Commissioning on 1 Dec 2026, and the seat "
                                          "is vacant. A vote counts those entitled to vote when it closes, one vote "
                                          "a seat."), closed


def test_cscpwg_a_departed_members_vote_does_not_stand_in_for_one_still_to_vote(chat: Chat) -> None:
    """CSCPWG Operation: "agreed by all members of the working group". bob voted and left; alice and carol voted.
    Three ballots for three members in office read as everyone having voted, so alice could close the vote before
    its deadline without dan, who has not voted; she is told dan has not, as for any member still to vote."""
    chat.load("cscpwg")
    at(chat, "2022-10-01", "09:00")
    chat.ok("alice", 'motion "That the group recommends the plan" --closes "2022-10-08 17:00"')
    chat.ok("sam", "motion vote 1")  # presiding until the group elects its chair (ToR Governance)
    for who in ("bob", "alice", "carol"):
        chat.ok(who, "vote 1 for")
    chat.ok("sam", "member remove @bob")
    refused = chat.refused("sam", "poll close 1").text
    assert "1 of the 3 entitled to vote has not voted yet" in refused, refused


def test_cjcg_a_member_who_voted_at_the_meeting_then_left_the_group_is_not_counted(chat: Chat) -> None:
    """CJCG 6.4: at a meeting, a vote cast before leaving the room stands; bob's seat ended during the meeting
    (`member remove`), and he is not "counted: ... bob, who voted before leaving": his ballot is set aside."""
    meeting_opened(chat, "cjcg", "bob", "carol", "dan", "erin")
    chat.ok("alice", 'motion "That we fund the pilot"')
    for who, how in (("bob", "for"), ("carol", "for"), ("dan", "against"), ("erin", "against")):
        chat.ok(who, f"vote 1 {how}")
    chat.ok("sam", "member remove @bob")
    assert "bob" not in chat.ok("alice", "quorum").text  # nor counted present
    closed = chat.ok("alice", "poll close 1").as_text()
    assert field(closed, "Voted") == "3", closed
    assert "who voted before leaving" not in closed, closed
    assert field(closed, "Set aside").startswith("bob's vote, as bob no longer holds a seat"), closed


def test_cjcg_the_deputy_of_a_member_who_left_votes_no_more_and_their_vote_is_set_aside(chat: Chat) -> None:
    """CJCG 7.2: a deputy "make[s] decisions on behalf of the member that they are representing". yan attended and
    voted for bob; bob's seat ended at the meeting. yan's vote for him is set aside, and yan votes for him no more."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", "deputy @yan --meeting next")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    for who in ("carol", "dan"):
        chat.ok(who, "here")
    chat.ok("yan", "here --for @bob")
    chat.ok("alice", 'motion "That we fund the pilot"')
    chat.ok("yan", "vote 1 against")
    chat.ok("carol", "vote 1 for")
    chat.ok("sam", "member remove @bob")
    chat.refused("yan", "vote 1 for")
    closed = chat.ok("alice", "poll close 1 --early").as_text()
    assert field(closed, "Voted") == "1", closed
    assert field(closed, "Set aside").startswith("bob's vote, cast by yan as deputy, as bob no longer holds a seat"), \
        closed


def test_plpcp_a_secret_poll_across_a_handover_takes_one_vote_from_the_seat(chat: Chat) -> None:
    """PLPCP Membership: bob voted in alice's secret poll before his term ended; nadia, his successor, was counted
    too, two votes for DCS North London. A secret ballot keeps no choice against a name, so bob's cannot be taken
    out: nadia is told the seat has voted, and the card says bob's ballot stands, and why."""
    chat.load("plpcp")
    chat.ok("alice", POLL + " --secret")
    chat.ok("bob", "vote 1 Acme")
    chat.ok("frank", "vote 1 Beta")
    chat.ok("sam", 'member add @nadia --seat "DCS North London" --from 15 Jan')
    at(chat, "2027-01-16", "09:00")
    refused = chat.refused("nadia", "vote 1 Beta").text
    assert refused == ("bob cast DCS North London's vote in secret poll 1 before your term in it began, and a secret "
                       "ballot cannot be taken back: a vote counts one vote a seat."), refused
    chat.ok("grace", "vote 1 Beta")  # the others vote as before
    closed = chat.ok("alice", "poll close 1").as_text()
    assert field(closed, "Voted") == "3", closed
    assert field(closed, "Set aside") == (
        "bob's secret ballot stands though bob no longer holds a seat: bob's term in DCS North London ended on 14 Jan "
        "2027 (ToR Membership), and nadia holds it now: a secret ballot keeps no choice against a name, so it cannot "
        "be taken out of the count. A vote counts those entitled to vote when it closes, one vote a seat."), closed


def test_plpcp_at_the_deadline_a_vote_cast_in_term_is_judged_as_the_poll_closed(
        chat: Chat, sessions: sessionmaker[Session]) -> None:
    """The scheduler declares a poll a little after its deadline. alice's poll closed at 17:00 on 14 Jan 2027, bob's
    last day in DCS North London (PLPCP Membership); declared after midnight, his vote stands: he was entitled when
    it closed. A poll closing on 20 Jan, declared by the scheduler, sets his vote aside as the chair's close does."""
    chat.load("plpcp")
    chat.ok("alice", POLL.replace("2027-01-20 17:00", "2027-01-14 17:00"))
    chat.ok("alice", POLL)
    for number in (1, 2):
        chat.ok("bob", f"vote {number} Acme")
        chat.ok("frank", f"vote {number} Beta")
    with unit_of_work(sessions) as session:
        first = close_at_deadline(session, 1, dt.datetime(2027, 1, 15, 0, 5, tzinfo=dt.UTC))
        second = close_at_deadline(session, 2, dt.datetime(2027, 1, 20, 17, 1, tzinfo=dt.UTC))
    assert first is not None and second is not None
    assert field(first.as_text(), "Voted") == "2" and "Set aside" not in first.as_text(), first.as_text()
    assert field(second.as_text(), "Voted") == "1", second.as_text()
    assert field(second.as_text(), "Set aside").startswith("bob's vote, as bob's term in DCS North London ended on "
                                                           "14 Jan 2027 (ToR Membership)"), second.as_text()
