"""The five seeds played as their secretaries and chairs would, another round: what a meeting found the bot doing
that the ToR does not allow, or saying unhelpfully, each fixed (after tests/test_seeds_m.py)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import meeting_opened
from tests.test_chair_election import JANUARY, first_meeting


def plpcp_after_the_first_terms(chat: Chat) -> None:
    """PLPCP's meeting of 10 Mar 2027, opened by alice, after the twelve-month terms of its DCSs ended on 14 Jan 2027
    and zara was seated in DCS North London (bob's seat) on 1 Mar."""
    chat.load("plpcp")
    chat.now = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2027-03-10 10:00")
    chat.ok("sam", 'member add @zara --seat "DCS North London"')
    chat.now = dt.datetime(2027, 3, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")


def cscpwg_first_meeting(chat: Chat) -> None:
    """CSCPWG's first meeting (7 Feb 2023), scheduled in January and opened by sam, the secretariat (no chair is
    elected yet), with its four members present."""
    chat.load("cscpwg")
    chat.now = JANUARY
    chat.ok("sam", "meeting schedule 2023-02-07 14:00")
    first_meeting(chat, ("alice", "bob", "carol", "dan"))


def test_plpcp_an_alternate_whose_dcs_term_has_ended_is_told_so_not_another_sub_regions_list(chat: Chat) -> None:
    """PLPCP Membership, "Each DCS will nominate an alternate DCS from the sub-region to attend in their place" and
    "Each DCS will stand for twelve months": carol's term in DCS East London ended on 14 Jan 2027; otto, East
    London's alternate, saying `here` was told "Those listed for DCS North London: nadia", as if a stranger to the
    ToR file, and `here --for @carol` that carol could name him, though her term is over."""
    plpcp_after_the_first_terms(chat)
    said = chat.refused("otto", "here").text
    assert "nadia" not in said, said
    assert ("You are listed as alternate for DCS East London, and carol's term in DCS East London ended on 14 Jan "
            "2027, so no alternate attends or votes in their place (ToR Membership). The ToR has a new "
            "representative appointed to DCS East London") in said, said
    said = chat.refused("otto", "here --for @carol").text
    assert "carol can name you" not in said, said
    assert "carol's term in DCS East London ended on 14 Jan 2027, so no alternate attends or votes in their " \
           "place (ToR Membership)." in said, said


def test_lciib_minutes_say_a_co_opted_member_present_is_co_opted_and_non_voting(chat: Chat) -> None:
    """LCIIB Membership, "Subject to the agreement of the board DCS leads for London's priority themes will be
    co-opted to attend as required" (the seat votes not): the minutes listed yusuf under Present with nothing
    beside his name, as if a member of the board with a vote."""
    chat.load("lciib")
    chat.ok("sam", 'member add @yusuf --seat "DCS lead for a priority theme" --agreed "meeting of 12 Jan, minute 5"')
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    for member in ("bob", "yusuf"):
        chat.ok(member, "here")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").as_text()
    assert "- **Present:** alice (Chief Executives London Committee); bob (Chief Executives London Committee); " \
           "yusuf — DCS lead for a priority theme, co-opted, non-voting (ToR Membership)\n" in minutes, minutes


def test_cscpwg_ending_the_group_on_a_motion_not_carried_says_so_before_the_open_meeting(chat: Chat) -> None:
    """CSCPWG Operation, "The group may cease prior to this if appropriate and by agreement of all members": sam,
    with the meeting open, ending the group on motion 1 (three of four for) was told to close the meeting first,
    then, once he had, that motion 1 does not carry: the refusal that decides it now comes first."""
    cscpwg_first_meeting(chat)
    for number, ayes in ((1, ("alice", "bob", "carol")), (2, ("alice", "bob", "carol", "dan"))):
        chat.ok("alice", 'motion "That the working group ceases now"')
        chat.ok("sam", f"motion vote {number}")
        for member in ayes:
            chat.ok(member, f"vote {number} for")
        chat.ok("sam", f"poll close {number}" + (" --early" if number == 1 else ""))  # dan, present, not voting
    said = chat.refused("sam", "group end --motion 1").text
    assert said.startswith("Motion 1 does not carry with the agreement of all members of the group"), said
    said = chat.refused("sam", "group end --motion 2").text  # carried: the meeting is what stands in the way
    assert said == "Meeting 1 is open; close it with `meeting close` first, then end the group.", said


def test_votes_example_is_the_motion_given_not_a_made_up_number(chat: Chat) -> None:
    """CJCG: bob, voting on motion 1 and leaving out which way (`vote 1`), was told "Say `vote 3 for`": motion 3 did
    not exist. The example now takes the number he gave."""
    meeting_opened(chat, "cjcg", "bob", "carol")
    chat.ok("alice", 'motion "Approve the joint action plan"')
    said = chat.refused("bob", "vote 1").as_text()
    assert said == "Which way do you vote? Say for, against or abstain, or an option's number. Say `vote 1 for`.", said
    chat.ok("alice", 'poll "Next venue?" "Barnet" "Camden"')  # with one open, `poll close` closes it
    assert "Say `poll close 1`." in chat.refused("alice", "poll close").as_text()  # the grammar's own, unchanged


def test_a_member_who_has_left_sending_apologies_is_told_they_attended_not_to_say_leaving(chat: Chat) -> None:
    """CJCG 6.3, note taking: bob left meeting 1 at 10:40, then sent apologies, and was told "If you are leaving
    early, say `leaving`", which he had; sam recording them for him was told the same of bob."""
    meeting_opened(chat, "cjcg", "bob")
    chat.now = dt.datetime(2026, 12, 10, 10, 40, tzinfo=dt.UTC)
    chat.ok("bob", "leaving")
    said = chat.refused("bob", "apologies").text
    assert said == ("You attended meeting 1 and left at 10:40, so apologies no longer apply: the minutes record you "
                    "present until then."), said
    said = chat.refused("sam", "apologies --for @bob").text
    assert said == ("bob attended meeting 1 and left at 10:40, so apologies no longer apply: the minutes record them "
                    "present until then."), said


def test_cscpwg_a_ballot_for_the_chair_refuses_a_candidate_without_a_seat_when_it_is_called(chat: Chat) -> None:
    """CSCPWG Governance, "The working group will elect a chair at its first meeting": sam called the ballot
    `poll "Chair" "alice" "zed"`, zed holding no seat, the members voted, and only `chair @zed --poll 1` was
    refused, the ballot wasted. A candidate who may not hold the chair is refused as the ballot is called."""
    cscpwg_first_meeting(chat)
    said = chat.refused("sam", 'poll "Chair" "alice" "zed"').text
    assert said.startswith("zed holds no seat; the chair is chosen from the members (ToR Governance). A ballot for "
                           "the chair lists only those who may hold it"), said
    said = chat.refused("sam", 'poll "Chair of the group" "alice" "sam"').text
    assert said.startswith("sam holds Senior Adviser as secretariat, not as a member in term"), said
    assert "Poll 1 is open." in chat.ok("sam", 'poll "Chair" "alice" "@bob"').as_text()
    assert "Poll 2 is open." in chat.ok("sam", 'poll "Next venue?" "Barnet" "Camden"').as_text()


def test_cjcg_someone_named_to_chair_one_meeting_calls_no_vote_between_meetings(chat: Chat) -> None:
    """CJCG 6.2, "It will be chaired by an agreed named member of the group": alice sent apologies for meeting 1 and
    sam named bob to chair it (`meeting chair @bob`). Days before it, bob opened carol's motion for a vote by
    e-mail, called a poll and had his own motion opened at once, as the group's chair would: a vote between
    meetings is no meeting's business, so it is alice's (or the secretariat's) to call."""
    chat.load("cjcg")
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("alice", "apologies")
    chat.ok("sam", "meeting chair @bob")
    chat.ok("carol", 'motion "That the plan is adopted" --closes "2026-12-05 17:00"')
    said = chat.refused("bob", "motion vote 1").text
    assert said.endswith("Ask alice, the chair (ToR 6.2)."), said
    said = chat.refused("bob", 'poll "Venue?" "Barnet" "Camden" --closes "2026-12-05 17:00"').text
    assert said.endswith("Ask alice, the chair (ToR 6.2)."), said
    said = chat.ok("bob", 'motion "That the budget is approved" --closes "2026-12-05 17:00"').as_text()
    assert "Motion 2 is proposed" in said and "Vote open" not in said, said
    assert "Vote open on motion 1." in chat.ok("alice", "motion vote 1").as_text()
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("bob", "meeting open")  # the meeting he was named for is his, and its votes
    for member in ("carol", "dan"):
        chat.ok(member, "here")
    assert "Vote open on motion 2." in chat.ok("bob", "motion vote 2").as_text()


def test_vote_without_its_number_shows_an_open_motion_to_copy_not_motion_3(chat: Chat) -> None:
    """CJCG: with only motion 1 open, bob's `vote` and `vote for` were told "Say `vote 3 for`", then that motion 1 was
    open; the command to copy now names motion 1. With nothing open, that there is nothing to vote on
    (tests/test_seeds_s.py)."""
    meeting_opened(chat, "cjcg", "bob", "carol")
    said = chat.refused("bob", "vote").as_text()
    assert said.startswith("There is nothing open to vote on in Children's Joint Commissioning Group"), said
    chat.ok("alice", 'motion "Approve the joint action plan"')
    said = chat.refused("bob", "vote").as_text()
    assert said.startswith("Which poll or motion? Give its number. Say `vote 1 for`. Open polls"), said
    # with motion 1 the only vote open, `vote for` is cast there (tests/test_seeds_x.py)
    assert "Your vote on motion 1 is recorded: For." in chat.ok("bob", "vote for").as_text()
    assert "Motion 1 is closed" in chat.ok("alice", "poll close").as_text()  # so is `poll close` (tests/test_seeds_z.py)
