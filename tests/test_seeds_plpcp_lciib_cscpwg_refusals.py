"""Who may not act in PLPCP, LCIIB and CSCPWG meetings, on every platform: each refusal says why in the words of the
document, cites the heading it sits under, and says what would work."""

from __future__ import annotations

import datetime as dt

from tests.platform_chats import Speaking
from tests.test_seed_meetings import elect_bob, first_cscpwg_meeting
from tests.test_seeds_plpcp_lciib_cscpwg import lciib_meeting


def test_cscpwg_once_the_chair_is_elected_the_senior_adviser_no_longer_chairs_the_meeting(
        platform_chat: Speaking) -> None:
    """Governance: "The working group will elect a chair at its first meeting"; the Senior Adviser runs that meeting
    only until the election. sam presided until bob's election, then closed the vote on bob's motion with nobody's votes in, closed the
    meeting and approved its minutes, whose signature block names bob."""
    chat = platform_chat
    chat.load("cscpwg")
    elect_bob(chat, closer=None)
    chat.ok("bob", 'motion "Recommend a national fostering campaign"')
    refused = chat.refused("sam", "poll close 2").text
    assert "Only the chair (or the meeting's chair) can close a vote" in refused
    assert "Ask bob" in refused
    assert "Ask bob" in chat.refused("sam", "meeting close").text
    chat.ok("bob", "poll close 2 --early")  # nobody has voted: under "agreed by all members", closed on purpose
    chat.now = dt.datetime(2023, 1, 17, 15, 0, tzinfo=dt.UTC)
    chat.ok("bob", "meeting close")
    assert "Ask bob" in chat.refused("sam", "minutes approve 1").text
    minutes = chat.ok("bob", "minutes approve 1").text.replace("*", "")
    assert "Chair: sam (LGA) until bob (Labour group) was elected chair by poll 1 (ToR Governance); then bob " \
           "(Labour group)" in minutes
    assert "Approved by bob" in minutes


def test_a_seat_without_a_vote_is_told_why_in_the_documents_words(platform_chat: Speaking) -> None:
    """LCIIB Membership: "The RIIA programme lead will attend meetings"; "DCS leads for London's priority themes will
    be co-opted to attend as required"; Board Support and Logistics: "Secretariat support for the Board will be
    provided by the LIIA programme team". None of them votes, and the refusal said only "Your seat (...) does not
    vote", citing nothing."""
    chat = platform_chat
    chat.load("lciib")
    chat.ok("sam", 'member add @mia --seat "DCS lead for a priority theme" --agreed "Board 12 Jan 2027, minute 5"')
    lciib_meeting(chat, "bob", "liam", "mia", "sam")
    chat.ok("alice", 'motion "Authorise the RIIA memorandum of understanding"')
    assert (
        "Your seat (RIIA programme lead) attends as an observer and does not vote in London Children's Innovation "
        "and Improvement Board (ToR Membership).") in chat.refused("liam", "vote 1 for").text
    assert (
        "Your seat (DCS lead for a priority theme) is co-opted and does not vote in London Children's Innovation "
        "and Improvement Board (ToR Membership).") in chat.refused("mia", "vote 1 for").text
    assert (
        "Your seat (LIIA programme team with London Councils) is the secretariat and does not vote in London "
        "Children's Innovation and Improvement Board (ToR Board Support and Logistics).") in chat.refused("sam", "vote 1 for").text


def test_a_refusal_under_the_usual_practice_says_the_document_is_silent(platform_chat: Speaking) -> None:
    """PLPCP's document names the chair (Membership) but says nothing of who approves minutes, opens meetings or
    proposes motions. A member refused read "Ask alice (ToR Membership)", as if Membership gave the chair the
    minutes; `terms` says these are the usual practice, and so does the refusal, citing Membership for who the
    chair is."""
    chat = platform_chat
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-01 10:00")
    chat.now = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
    assert ("Only the chair (or the meeting's chair) can open a meeting. The ToR does not say who "
            "may, so this is the usual practice. Ask alice, the chair (ToR Membership).") in \
        chat.refused("bob", "meeting open").text
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    assert ("Only a voting member or the chair can propose motions in Pan-London Placements Commissioning Programme "
            "Steering Group. The ToR does not say who may, so this is the usual practice. Ask") in \
        chat.refused("sam", 'motion "Deploy the budget"').text
    chat.ok("alice", "meeting close")
    assert ("Only the chair (or the meeting's chair) can approve the minutes of Pan-London "
            "Placements Commissioning Programme Steering Group. The ToR does not say who may, so this is the usual "
            "practice. Ask alice, the chair (ToR Membership).") in chat.refused("bob", "minutes approve 1").text
    # Where the document does say who, the refusal cites it and says nothing of usual practice.
    refused = chat.refused("bob", "meeting schedule 2027-03-01 10:00").text
    assert "(ToR Steering Group Support and Logistics). Ask alice or sam." in refused
    assert "usual practice" not in refused


def test_lciib_a_member_who_may_not_co_opt_is_told_the_clause_on_co_option(platform_chat: Speaking) -> None:
    """LCIIB Membership: "Subject to the agreement of the board DCS leads for London's priority themes will be
    co-opted". A member co-opting one was told "Only the chair or the secretariat can add members", the power to
    seat an ordinary member, on which the document is silent, rather than the co-option clause."""
    chat = platform_chat
    chat.load("lciib")
    refused = chat.refused("bob", 'member add @mia --seat "DCS lead for a priority theme" --agreed "Board, minute 5"')
    assert "Only the chair or the secretariat can co-opt members (ToR Membership). Ask alice or sam." in refused.text


def test_plpcp_a_dcs_whose_twelve_months_are_over_is_told_so_when_proposing(platform_chat: Speaking) -> None:
    """Membership: "Each DCS will stand for twelve months, after which a new representative from the sub-region will
    be appointed". carol's term ended on 14 Jan 2027; proposing a motion she read only that a voting member may, and
    to ask alice, frank or grace, as if she had never held a seat."""
    chat = platform_chat
    chat.load("plpcp")
    chat.now = dt.datetime(2027, 2, 1, 10, 0, tzinfo=dt.UTC)
    refused = chat.refused("carol", 'motion "Deploy the Q4 budget"').text
    assert ("Your term in DCS East London ended on 14 Jan 2027, so you cannot propose motions in Pan-London "
            "Placements Commissioning Programme Steering Group (ToR Membership). The ToR has a new representative "
            "appointed to DCS East London; the chair or secretariat seats them:") in refused
    assert 'member add @person --seat "DCS East London"' in refused


def test_plpcp_an_alternate_is_not_told_the_dcs_is_present_after_they_left(platform_chat: Speaking) -> None:
    """Membership: an alternate attends "in their place in exceptional circumstances". bob came and left at 10:40;
    nadia, his alternate, arriving then was told "bob is present", which the roll contradicted."""
    chat = platform_chat
    chat.load("plpcp")
    chat.ok("bob", "deputy @nadia")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    assert "bob is present; an alternate attends only in place of an absent member (ToR Membership)." in \
        chat.refused("nadia", "here").text
    chat.now = dt.datetime(2026, 12, 10, 10, 40, tzinfo=dt.UTC)
    chat.ok("bob", "leaving")
    refused = chat.refused("nadia", "here").text
    assert "bob is present" not in refused
    assert ("bob attended and left at 10:40; an alternate attends only in place of a member who did not "
            "attend (ToR Membership).") in refused


def test_cscpwg_ending_early_says_which_scheduled_meetings_it_cancels(platform_chat: Speaking) -> None:
    """Operation: "The group may cease prior to this if appropriate and by agreement of all members of the working
    group." Ending it cancelled the meetings already scheduled without a word: the Senior Adviser, who must tell
    the councillors, learnt it only from `meetings`."""
    chat = platform_chat
    chat.load("cscpwg")
    elect_bob(chat)
    chat.ok("sam", "meeting schedule 2023-03-14 14:00")
    chat.ok("sam", "meeting schedule 2023-05-16 14:00")
    chat.now = dt.datetime(2023, 2, 1, 9, 0, tzinfo=dt.UTC)
    chat.ok("bob", 'motion "Cease the working group early" --closes "2023-02-10 17:00"')
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, "vote 2 for")
    chat.ok("bob", "poll close 2")
    ended = chat.ok("sam", "group end --motion 2").text
    assert "Meetings 2 (Tue 14 Mar 2023, 14:00 GMT) and 3 (Tue 16 May 2023, 14:00 BST) are cancelled." in ended


def test_lciib_someone_without_a_seat_voting_is_not_told_of_deputies_the_board_has_none_of(
        platform_chat: Speaking) -> None:
    """LCIIB's document provides for no deputies (Membership lists the seats; nobody may send another). An invited
    guest voting read "Only voting members ... vote, or a deputy attending for an absent member where the ToR allows
    it", leaving them to wonder whether it does."""
    chat = platform_chat
    chat.load("lciib")
    lciib_meeting(chat, "bob")
    chat.ok("alice", 'motion "Authorise the RIIA memorandum of understanding"')
    refused = chat.refused("zoe", "vote 1 for").text
    assert ("Only voting members of London Children's Innovation and Improvement Board vote; its ToR makes no "
            "provision for deputies (ToR Membership).") in refused
    chat.ok("sam", "guest @zoe --from DfE")  # recorded as an invited guest, they are told what a guest may do
    assert "You attend meeting 1 as a guest: guests do not vote." in chat.refused("zoe", "vote 1 for").text


def test_cscpwg_apologies_say_who_may_be_sent_as_a_substitute(platform_chat: Speaking) -> None:
    """Governance: "Members may send substitutes to working group meetings. These should be members of the Children
    and Young People Board". A councillor sending apologies was told only `deputy @person`, and learnt who may be
    sent when the first name they tried was refused."""
    chat = platform_chat
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2023-01-17 14:00")
    sent = chat.ok("carol", "apologies Council meeting").text
    assert "You can name a substitute to attend in your place:" in sent and "(ToR Governance)." in sent
    assert "A substitute must be a member of the Children and Young People Board; the ToR file lists vera, wendy." in \
        sent


def test_plpcp_alternates_whose_dcs_term_ended_are_listed_as_lapsed_not_as_never_named(
        platform_chat: Speaking) -> None:
    """Membership: each DCS nominates an alternate and "will stand for twelve months". After 14 Jan 2027 `deputies`
    said "No deputies are nominated", though bob had named nadia: the secretary could not tell a lapse from a
    DCS who never named one."""
    chat = platform_chat
    chat.load("plpcp")
    chat.ok("bob", "deputy @nadia")
    chat.now = dt.datetime(2027, 2, 1, 10, 0, tzinfo=dt.UTC)
    listed = chat.ok("sam", "deputies").text
    assert "No alternates are nominated" not in listed
    assert ("Lapsed with the member's term: nadia for bob (DCS North London, term ended 14 Jan 2027); an alternate "
            "attends only for a member in term (ToR Membership).") in listed


def test_cscpwg_a_chair_elected_in_their_absence_does_not_leave_the_meeting_without_a_chair(
        platform_chat: Speaking) -> None:
    """Governance: "elect a chair at its first meeting". carol sent apologies and was elected all the same; the
    answer said she chaired the rest of the meeting, and nobody there could close it."""
    chat = platform_chat
    chat.load("cscpwg")
    first_cscpwg_meeting(chat)
    chat.ok("carol", "apologies")
    for member in ("alice", "bob", "dan"):
        chat.ok(member, "here")
    chat.ok("sam", 'poll "Chair" "carol" "bob"')
    for member in ("alice", "bob", "dan"):
        chat.ok(member, "vote 1 carol")
    chat.ok("sam", "poll close 1")
    elected = chat.ok("sam", "chair @carol --poll 1").text
    assert "carol chairs the rest of the meeting" not in elected
    assert "carol is not present, so sam goes on running meeting 1; carol chairs the meetings after it." in elected
    chat.ok("sam", "meeting close")
    assert "Ask carol, the chair" in chat.refused("sam", "minutes approve 1").text
