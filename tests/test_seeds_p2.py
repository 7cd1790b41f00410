"""PLPCP, LCIIB and CSCPWG played as their secretaries, chairs, members and alternates would over a year, another
round: what a meeting found the bot doing that the ToR does not allow, or saying unhelpfully, each fixed (after
tests/test_seeds_n.py)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import at, meeting_opened
from tests.test_chair_election import JANUARY, first_meeting
from tests.test_seeds_n import cscpwg_first_meeting


def test_plpcp_an_alternate_attending_for_an_absent_dcs_proposes_a_motion(chat: Chat) -> None:
    """PLPCP Membership, "Each DCS will nominate an alternate DCS from the sub-region to attend in their place": nadia,
    attending and voting for bob, who sent apologies, proposing a motion was told only a voting member may, and to
    ask bob among others, who was not there. She stands in bob's place, his vote hers; while bob is present she
    does not."""
    chat.load("plpcp")
    chat.ok("bob", "alternate @nadia")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", "apologies Ofsted inspection week")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("nadia", "here")
    said = chat.ok("nadia", 'motion "Deploy the Q4 budget to the residential capacity project"').text
    assert "Motion 1 is proposed: Deploy the Q4 budget" in said, said
    chat.ok("bob", "here")
    said = chat.refused("nadia", 'motion "Deploy the rest"').text
    assert said.startswith("Only a voting member or the chair can propose motions"), said


def test_cscpwg_a_substitute_attending_for_an_absent_member_proposes_a_recommendation(chat: Chat) -> None:
    """CSCPWG Governance, "Members may send substitutes to working group meetings" (and propose_motion is a voting
    member's): vera, alice's substitute at the first meeting, proposing a recommendation was refused and told to
    ask alice, who had sent her."""
    chat.load("cscpwg")
    chat.now = JANUARY
    chat.ok("sam", "meeting schedule 2023-02-07 14:00")
    chat.ok("alice", "substitute @vera")
    first_meeting(chat, ("vera", "bob", "carol", "dan"))
    said = chat.ok("vera", 'motion "Recommend new calls on the Government for secure children\'s homes"').text
    assert "Motion 1" in said, said


def test_plpcp_an_alternate_appointed_dcs_is_not_offered_themself_as_alternate(chat: Chat) -> None:
    """PLPCP Membership, "Each DCS will stand for twelve months, after which a new representative from the sub-region
    will be appointed" and "Each DCS will nominate an alternate DCS from the sub-region": nadia, North London's
    alternate, appointed its DCS after bob's twelve months, sending apologies was told 'the ToR file lists nadia',
    naming zed was told 'Those listed for DCS North London: nadia', and naming herself 'name someone else': the file
    lists nobody else, so only the operator can add her sub-region's new alternate."""
    chat.load("plpcp")
    chat.now = dt.datetime(2027, 1, 20, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", 'member add @nadia --seat "DCS North London"')
    chat.ok("sam", "meeting schedule 2027-01-28 10:00")
    said = chat.ok("nadia", "apologies Ofsted inspection").as_text()
    assert "lists nadia" not in said, said
    assert ("An alternate must be a DCS from the same sub-region; the ToR file lists no one else for DCS North "
            "London: ask the operator to add your alternate to `deputies.eligible`") in said, said
    said = chat.refused("nadia", "alternate @zed").text
    assert "Those listed for DCS North London: nadia" not in said, said
    assert "The ToR file lists no one else for DCS North London." in said, said
    said = chat.refused("nadia", "alternate @nadia").text
    assert said.startswith("A member cannot be their own alternate, and the ToR file lists no one else for DCS North "
                           "London (ToR Membership): ask the operator to add your alternate"), said


def test_plpcp_another_sub_regions_alternate_is_told_which_sub_region_lists_them(chat: Chat) -> None:
    """PLPCP Membership, "an alternate DCS from the sub-region": otto, East London's alternate, attending for bob
    (North London) with `here --for @bob`, or named by bob, was told otto 'is not recorded as' a DCS from the same
    sub-region, as if no alternate at all; he is East London's, not North London's."""
    chat.load("plpcp")
    said = chat.refused("bob", "alternate @otto").text
    assert ("An alternate must be a DCS from the same sub-region, and otto is listed for DCS East London, not DCS "
            "North London (ToR Membership). Those listed for DCS North London: nadia.") in said, said
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", "apologies Ofsted inspection week")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    said = chat.refused("otto", "here --for @bob").text
    assert "otto is not recorded as one" not in said, said
    assert "otto is listed for DCS East London, not DCS North London (ToR Membership)" in said, said


def test_cscpwg_the_senior_adviser_presiding_before_an_election_does_not_approve_the_minutes(chat: Chat) -> None:
    """CSCPWG Governance, "The working group will elect a chair at its first meeting" (and the minutes are the
    chair's to approve, the usual practice): the first meeting elected nobody (a tie), and sam, the Senior Adviser,
    who presided over it only until a chair was elected, approved and locked its minutes minutes after closing it.
    They wait for the chair the group elects, who approves them at the next meeting."""
    cscpwg_first_meeting(chat)
    chat.ok("sam", 'poll "Chair" "bob" "carol"')
    for member, choice in (("alice", "bob"), ("bob", "bob"), ("carol", "carol"), ("dan", "carol")):
        chat.ok(member, f"vote 1 {choice}")
    chat.ok("sam", "poll close 1")
    chat.ok("sam", "meeting close")
    said = chat.refused("sam", "minutes approve 1").text
    assert said.startswith("sam presided over meeting 1 only until the group elects its chair (ToR Governance); "
                           "the minutes are approved by the chair"), said
    assert "Draft minutes of meeting 1" in chat.ok("alice", "minutes 1").as_text()
    chat.ok("sam", "meeting schedule 2023-04-04 14:00")
    chat.now = dt.datetime(2023, 4, 4, 13, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, "here")
    chat.ok("sam", 'poll "Chair" "bob" "carol" --secret')
    for member, choice in (("alice", "bob"), ("bob", "bob"), ("carol", "bob"), ("dan", "carol")):
        chat.ok(member, f"vote 2 {choice}")
    chat.ok("sam", "poll close 2")
    chat.ok("sam", "chair @bob --poll 2")
    assert "Minutes of meeting 1 approved" in chat.ok("bob", "minutes approve 1").as_text()


def test_lciib_removing_one_co_opted_theme_lead_leaves_the_others_in_the_seat(chat: Chat) -> None:
    """LCIIB Membership, "DCS leads for London's priority themes will be co-opted to attend as required" (one seat,
    several holders, one for each theme): removing yusuf said 'the seat is vacant' while mia still held it."""
    chat.load("lciib")
    for lead in ("yusuf", "mia"):
        chat.ok("sam", f'member add @{lead} --seat "DCS lead for a priority theme" --agreed "Board 12 Jan, minute 5"')
    said = chat.ok("alice", "member remove @yusuf").text
    assert said == "yusuf no longer holds DCS lead for a priority theme; mia still holds it.", said
    assert chat.ok("alice", "member remove @mia").text == \
        "mia no longer holds DCS lead for a priority theme; the seat is vacant."


def test_lciib_the_chair_alone_does_not_end_the_board_without_the_decision_that_ends_it(chat: Chat) -> None:
    """LCIIB (and PLPCP, "time-limited for the duration of the programme") say nothing of ending the group early:
    alice, its chair, typing a bare 'group end' ended the board that day and cancelled its scheduled meeting, on no
    decision of anyone's. The end is recorded with the decision that made it, as --agreed; the meeting stands
    until then."""
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    said = chat.refused("alice", "group end").text
    assert said == ("The ToR does not say how London Children's Innovation and Improvement Board ends early, so its "
                    "end is recorded with the decision that made it: `group end --agreed \"reference\"`, e.g. "
                    "`--agreed \"minute 4 of the meeting on 1 Dec 2026\"`."), said
    assert "Meeting 1: Thu 10 Dec 2026, 10:00 GMT, scheduled" in chat.ok("alice", "meetings").as_text()
    said = chat.ok("alice", 'group end --agreed "Leaders\' Committee 8 Dec 2026, minute 4"').text
    assert "Agreed: Leaders' Committee 8 Dec 2026, minute 4. Meeting 1 (Thu 10 Dec 2026, 10:00 GMT) is cancelled." \
        in said, said


def test_plpcp_an_alternate_not_yet_named_is_told_which_dcs_names_them(chat: Chat) -> None:
    """PLPCP Membership, "Each DCS will nominate an alternate DCS from the sub-region": quinn, West London's
    alternate, whom erin had not named, saying `here` was told 'A member can: `alternate @quinn`', though only erin,
    West London's DCS, can."""
    meeting_opened(chat, "plpcp")
    said = chat.refused("quinn", "here").text
    assert said.endswith("no member has named you their standing alternate. erin (DCS West London) can: "
                         "`alternate @quinn` (ToR Membership)."), said


def test_plpcp_closing_a_meeting_with_nothing_minuted_on_its_review_of_progress_says_so(chat: Chat) -> None:
    """PLPCP Activity and Responsibilities, "Review of programme progress at each meeting": the item is on every
    agenda, but alice closed meeting 1 with nothing minuted on it and was told nothing, the minutes then saying
    'Nothing was minuted and no vote was taken on this item'. The close says so, with the command; minuted, it
    says nothing."""
    meeting_opened(chat, "plpcp", "bob", "carol")
    said = chat.ok("alice", "meeting close").as_text()
    assert ("Item 1, Review of programme progress, is on every agenda (ToR Activity and Responsibilities), and "
            "nothing is minuted on it: `minute \"...\" --item 1` before the minutes are approved.") in said, said
    chat.ok("sam", 'minute "Progress reviewed against the Q3 milestones" --item 1')
    chat.ok("sam", "meeting schedule 2027-03-10 10:00")
    chat.now = dt.datetime(2027, 3, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("sam", 'minute "Progress reviewed" --item 1')
    said = chat.ok("alice", "meeting close").as_text()
    assert "nothing is minuted" not in said, said


def test_plpcp_a_casting_vote_offered_on_a_motion_not_tied_is_not_refused_as_a_tie(chat: Chat) -> None:
    """PLPCP (no casting vote in the ToR): frank, chairing, giving a casting vote on motion 1 (2 for, 1 against) was
    told 'A tie is not carried', as though it were tied; it is not, and closing it decides it."""
    meeting_opened(chat, "plpcp", "bob", "carol")
    chat.ok("alice", 'motion "Deploy the Q4 budget"')
    for member, way in (("alice", "for"), ("bob", "for"), ("carol", "against")):
        chat.ok(member, f"vote 1 {way}")
    said = chat.refused("alice", "poll close 1 --casting for").text
    assert said == ("The ToR gives the chair no casting vote. Motion 1 is not tied, so none is needed; close the "
                    "vote with `poll close 1`."), said
    chat.ok("bob", "vote 1 abstain")
    said = chat.refused("alice", "poll close 1 --casting for").text
    assert said.endswith("A tie is not carried; close the vote with `poll close 1`."), said
