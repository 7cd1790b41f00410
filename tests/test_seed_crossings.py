"""Where rules that arrived together meet: a substitute's one seat and leaving the meeting, a guest later named a
deputy, and closing a vote between meetings early under a quorum's turnout."""

from __future__ import annotations

import datetime as dt

from tests.platform_chats import Speaking
from tests.test_seed_meetings import bob_elected_then_alice_chairs
from tests.test_seeds_lieg_cjcg import lieg_meeting


def test_cscpwg_a_substitute_who_left_one_seat_for_another_does_not_return_to_the_first(
        platform_chat: Speaking) -> None:
    """Purpose: "one councillor from each political group". vera, named substitute by carol and by dan, attends for
    carol, leaves, then attends for dan: saying `here --for @carol` again must not give her both seats (and two
    votes toward 'agreed by all members')."""
    chat = platform_chat
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2023-02-07 14:00")
    chat.ok("dan", "deputy @vera")
    chat.ok("carol", "deputy @vera")
    chat.now = dt.datetime(2023, 2, 7, 14, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    chat.ok("vera", "here --for @carol")
    chat.ok("vera", "leaving")
    chat.ok("vera", "here --for @dan")
    refused = chat.refused("vera", "here --for @carol").text
    assert "vera already attends meeting 1 as substitute for dan, and a substitute attends for one member at a " \
        "time" in refused
    roll = chat.ok("sam", "attendance").text
    assert "vera for dan" in roll and "vera for carol (left" in roll


def test_cjcg_a_guest_named_deputy_later_attends_as_deputy_and_is_minuted_once(platform_chat: Speaking) -> None:
    """CJCG 7.1 subject experts attend as guests; 7.2 lets a member name a deputy. A guest the administrative
    support recorded, whom erin then names her deputy, says `here`: she attends for erin, with erin's vote, and the
    roll lists her once, as deputy, not also as a guest."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    chat.ok("sam", 'guest @zed --from "Healthwatch Southend"')
    chat.ok("erin", "deputy @zed")
    said = chat.ok("zed", "here").text
    assert "zed is attending as deputy for erin and may vote in their place (ToR 7.2)." in said
    assert "zed was recorded as a guest; the minutes now list them as deputy only." in said
    roll = chat.ok("alice", "attendance").text
    assert "zed for erin" in roll and "zed (Healthwatch Southend) — guest" not in roll
    assert "is attending as a deputy, so is recorded already" in chat.refused("sam", "guest @zed").text


def test_cjcg_closing_a_vote_between_meetings_early_below_its_turnout_says_it_would_fall(
        platform_chat: Speaking) -> None:
    """CJCG 6.4: quorate "if three of its members are present", which a vote between meetings needs as its turnout.
    With two votes in, the chair asking to close early is told that closing now would not carry it, not that it
    would be decided without the others."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("bob", 'motion "Approve the SEND placements procurement route"')
    chat.ok("alice", 'motion vote 1 --closes "2026-12-08 17:00"')
    chat.ok("bob", "vote 1 for")
    chat.ok("carol", "vote 1 for")
    refused = chat.refused("alice", "poll close 1").text
    assert "closed now, it is decided without them, as not carried: no quorum — only 2 voted, at least 3 must " \
        "(ToR 6.4)." in refused
    chat.ok("dan", "vote 1 for")
    assert "closed now, it is decided without them, as carried: 3 for" in chat.refused("alice", "poll close 1").text


def test_lieg_a_sounding_between_meetings_is_not_minuted_as_a_decision(platform_chat: Speaking) -> None:
    """LIEG 6.3 agrees only by "a vote enacted with all the LIEG members present"; a poll between meetings is a
    sounding. 'terms' says a poll between meetings is one, and the next meeting's minutes list it under votes held
    between meetings, not under a heading that calls it decided."""
    chat = platform_chat
    chat.load("lieg")
    assert "votes only at meetings; a poll between meetings is a sounding of members, not a decision (ToR 6.3)" in \
        chat.ok("frank", "terms").text
    chat.ok("alice", 'poll "Where in March?" "Barnet" "Online" --closes "2026-12-08 17:00"')
    chat.ok("frank", "vote 1 Online")
    chat.ok("alice", "poll close 1")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin")
    minutes = chat.ok("alice", "meeting minutes 1").text
    assert "Votes between meetings" in minutes and "Decided between meetings" not in minutes
    assert "a sounding between meetings, not a decision of the group" in minutes


def test_plpcp_a_member_proposing_a_motion_with_a_deadline_is_told_it_waits_for_a_meeting(
        platform_chat: Speaking) -> None:
    """PLPCP provides for no decisions between meetings, so a motion waits for one. A DCS proposing it with
    `--closes` was told it waits for a meeting while the deadline was kept, and a vote opened at a meeting before
    that date carried it; as in LIEG (6.3), the deadline is refused, saying the form that works."""
    chat = platform_chat
    chat.load("plpcp")
    refused = chat.refused("bob", 'motion "Approve the capacity budget" --closes "2026-12-20 17:00"').text
    assert "is that a motion is voted on at a meeting" in refused and "A --closes deadline has no place" in refused
    assert 'motion "Approve the capacity budget"' in refused
    assert "No votes are open or proposed." in chat.ok("bob", "polls").text


def test_lieg_minutes_name_who_opened_a_meeting_without_a_named_chair_when_the_chair_is_handed_over(
        platform_chat: Speaking) -> None:
    """LIEG 5.1 has a steering group member volunteer to chair each meeting, and 3.1 gives it two co-chairs. A
    meeting scheduled with no chair is run by whoever opened it (alice); when she leaves and bob names erin to take
    over, the minutes said 'Chair: not recorded until 10:30, then erin'."""
    chat = platform_chat
    chat.load("lieg")
    lieg_meeting(chat, "alice", scheduled="--minutes @bob")
    chat.ok("erin", "here")
    chat.now = dt.datetime(2026, 12, 10, 10, 30, tzinfo=dt.UTC)
    chat.ok("alice", "leaving")
    chat.ok("bob", "meeting chair @erin")
    chat.ok("erin", "meeting close")
    minutes = chat.ok("erin", "meeting minutes 1").text
    assert "alice (Barnet) until 10:30, then erin (Hackney)" in minutes and "Chair:** not recorded" not in minutes


def test_cjcg_a_motion_proposed_with_a_deadline_and_voted_on_at_a_meeting_is_the_meetings_vote(
        platform_chat: Speaking) -> None:
    """bob proposes a motion to be decided by 20 Dec; the chair puts it to the 10 Dec meeting instead. The vote is
    the meeting's, closed there: its card no longer says it closes on 20 Dec (a lapsed deadline was already
    dropped so)."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", 'motion "Approve the route" --closes "2026-12-20 17:00"')
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("carol", "here")
    opened = chat.ok("alice", "motion vote 1").text
    assert "Vote open on motion 1" in opened and "20 Dec" not in opened


def test_lieg_a_sounding_poll_still_says_it_decides_nothing_once_votes_come_in(platform_chat: Speaking) -> None:
    """The card of a LIEG poll between meetings said it was a sounding (6.3) only as it opened: refreshed as votes
    came in, and in `results`, it read 'Poll 1 (open)' like any vote that decides."""
    chat = platform_chat
    chat.load("lieg")
    chat.ok("alice", 'poll "Where in March?" "Barnet" "Online" --closes "2026-12-08 17:00"')
    chat.ok("frank", "vote 1 Online")
    shown = chat.ok("carol", "results 1").text
    assert "A sounding between meetings, not a decision of the group" in shown and "(ToR 6.3)" in shown


def test_cscpwg_minutes_keep_the_chairs_election_when_the_elected_chair_later_hands_over(
        platform_chat: Speaking) -> None:
    """Governance: "The working group will elect a chair at its first meeting"; the Senior Adviser presides until
    then. bob is elected, later leaves, and alice takes the chair: the minutes said 'sam until 14:40, then alice',
    losing the election and bob's chairing."""
    chat = platform_chat
    chat.load("cscpwg")
    bob_elected_then_alice_chairs(chat)
    minutes = chat.ok("alice", "meeting minutes 1").text
    assert "sam (LGA) until bob (Labour group) was elected chair by poll 1 (ToR Governance); then bob (Labour group) " \
        "until 14:40, then alice (Conservative group)" in minutes


def test_help_for_guest_names_whoever_records_the_meetings_actions(platform_chat: Speaking) -> None:
    """CJCG's administrative support records a guest (6.3 gives it the meeting's records), yet `help guest` said
    only the chair or the minute-taker could."""
    chat = platform_chat
    chat.load("cjcg")
    shown = chat.ok("sam", "help guest").text
    assert "whoever records actions: the chair, secretariat or minute-taker" in shown


def test_lieg_a_guest_from_an_authority_already_at_its_cap_is_refused(platform_chat: Speaking) -> None:
    """LIEG 2.1: each London LA has "a maximum of two attending at any one time"; 2.7's guests come from partner
    organisations. With two Barnet representatives there, a third Barnet officer recorded as a guest passed the
    cap; a guest from a partner organisation is still recorded."""
    chat = platform_chat
    chat.load("lieg")
    lieg_meeting(chat, "erin", scheduled="--chair @erin --minutes @bob")
    chat.ok("alice", "here")
    chat.ok("carol", "here")
    refused = chat.refused("bob", 'guest @mia --from "barnet"').text
    assert "Barnet already has 2 attending; at most 2 per organisation may attend at once (ToR 2.1)." in refused
    assert "A guest from Barnet would be one more of its attendees." in refused
    chat.ok("bob", 'guest @mia --from "Metropolitan Police"')


def test_cjcg_a_guest_who_cannot_deputise_is_told_they_remain_a_guest(platform_chat: Speaking) -> None:
    """A guest whom a member present names deputy cannot attend in that member's place (CJCG 7.2 has no deputy
    beside the member); told so, they also read that they are still recorded as a guest."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    chat.ok("sam", 'guest @zed --from "Healthwatch Southend"')
    chat.ok("carol", "here")
    chat.ok("carol", "deputy @zed")
    refused = chat.refused("zed", "here").text
    assert "carol is present" in refused and "You are recorded as a guest at meeting 1 (ToR 7.1)" in refused
    assert "zed (Healthwatch Southend) — guest" in chat.ok("alice", "attendance").text


def test_cjcg_an_interest_said_again_reads_as_one_sentence_with_its_date(platform_chat: Speaking) -> None:
    """CJCG 6.5: interests "declared and recorded at the beginning of each meeting". Said again, the answer read
    '... Director of a provider (ToR 6.5) (on Tue 1 Dec 2026, 09:00 GMT); nothing is added.'"""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", 'agenda add "Joint action plan"')
    chat.ok("bob", 'declare "Director of a provider" --item 1')
    again = chat.ok("bob", 'declare "Director of a provider" --item 1').text
    assert "Director of a provider (ToR 6.5). It was declared on Tue 1 Dec 2026, 09:00 GMT; nothing is added." in again
