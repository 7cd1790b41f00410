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
    assert "Only the chair (or vice-chair, or the meeting's chair) can close a vote" in refused
    assert "Ask bob" in refused
    assert "Ask bob" in chat.refused("sam", "meeting close").text
    chat.ok("bob", "poll close 2")
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
