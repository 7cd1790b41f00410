"""A second read of seedsT1 and leftovers12 as a council's record: a motion withdrawn at a later meeting than the
one it was moved at, or between meetings, is minuted where it went; the quorum's account keeps a deputy relieved by
the member; a chair's renewal recorded twice adds one term; a guest counts the cap as `here` does; withdrawing's
refusals say the ToR is silent."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import at, meeting_opened


def cjcg_second_meeting(chat: Chat) -> None:
    """CJCG: bob moves motion 1 at meeting 1 (10 Dec), which closes without voting on it; meeting 2 (10 Jan 2027)
    opens with bob and carol there."""
    meeting_opened(chat, "cjcg", "bob", "carol")
    chat.ok("bob", 'motion "That the group adopts the short breaks plan"')
    chat.ok("alice", "meeting close")
    chat.ok("sam", "meeting schedule 2027-01-10 10:00")
    at(chat, "2027-01-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("carol", "here")


def test_a_motion_withdrawn_at_a_later_meeting_is_minuted_there(chat: Chat) -> None:
    """CJCG 6.3 (the administrative support records the meeting): bob moved motion 1 at meeting 1, where it was not
    put to the vote, and withdrew it at meeting 2. Meeting 2's minutes said nothing of it ('No agenda items or votes
    recorded'), and meeting 1's read 'Outcome: withdrawn by its proposer', as if he had withdrawn it there. Meeting 2
    minutes the withdrawal, and meeting 1's say at which meeting it went."""
    cjcg_second_meeting(chat)
    said = chat.ok("bob", "motion withdraw 1").text
    assert "is withdrawn by its proposer at meeting 2;" in said, said
    chat.ok("alice", "meeting close")
    second = chat.ok("alice", "minutes 2").as_text()
    assert "**Motion 1:** That the group adopts the short breaks plan" in second, second
    assert "Outcome: withdrawn by its proposer at meeting 2" in second, second
    first = chat.ok("alice", "minutes 1").as_text()
    assert "Outcome: withdrawn by its proposer at meeting 2" in first, first


def test_a_motion_withdrawn_between_meetings_says_when(chat: Chat) -> None:
    """A motion moved at meeting 1 and withdrawn before meeting 2 read only 'withdrawn by its proposer' in meeting
    1's minutes, as if withdrawn at it, and meeting 2's said nothing of it; both now give the day, between
    meetings (meeting 1's may be approved already, and its approved text is kept as it was)."""
    meeting_opened(chat, "cjcg", "bob", "carol")
    chat.ok("bob", 'motion "That the group adopts the short breaks plan"')
    chat.ok("alice", "meeting close")
    at(chat, "2026-12-20", "09:00")
    assert "withdrawn by its proposer on 20 Dec 2026, between meetings;" in chat.ok("bob", "motion withdraw 1").text
    first = chat.ok("alice", "minutes 1").as_text()
    assert "Outcome: withdrawn by its proposer on 20 Dec 2026, between meetings" in first, first
    chat.ok("sam", "meeting schedule 2027-01-10 10:00")
    at(chat, "2027-01-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("alice", "meeting close")
    second = chat.ok("alice", "minutes 2").as_text()
    assert "Outcome: withdrawn by its proposer on 20 Dec 2026, between meetings" in second, second


def test_the_quorum_counts_a_deputy_until_the_member_relieves_them(chat: Chat) -> None:
    """CJCG 6.4 and 7.2 (deputies count for the quorum): yan came at 10:00 in carol's place, making three with alice
    and bob; carol came at 10:30 and relieved him. The minutes read 'quorate from 10:30, when carol arrived', the
    half hour the meeting sat quorate with yan lost (the roll row is carol's from 10:30)."""
    meeting_opened(chat, "cjcg", "bob")
    chat.ok("carol", "deputy @yan --meeting 1")
    chat.ok("yan", "here")
    at(chat, "2026-12-10", "10:30")
    chat.ok("carol", "here")
    at(chat, "2026-12-10", "11:00")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").as_text()
    assert "- **Later:** quorate from 10:00, when yan (deputy for carol) arrived — 3 members or deputies present" in minutes, \
        minutes
    assert "10:30" not in minutes[minutes.index("## Quorum"):minutes.index("## Declarations")], minutes


def test_the_quorum_goes_when_a_deputy_leaves_before_the_member_comes(chat: Chat) -> None:
    """yan, in carol's place, left at 10:20 and carol came at 10:30: the meeting was short of its quorum between."""
    meeting_opened(chat, "cjcg", "bob")
    chat.ok("carol", "deputy @yan --meeting 1")
    chat.ok("yan", "here")
    at(chat, "2026-12-10", "10:20")
    chat.ok("yan", "leaving")
    at(chat, "2026-12-10", "10:30")
    chat.ok("carol", "here")
    at(chat, "2026-12-10", "11:00")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").as_text()
    quorum = minutes[minutes.index("## Quorum"):minutes.index("## Declarations")]
    assert "quorate from 10:00, when yan (deputy for carol) arrived" in quorum, quorum
    assert "not quorate from 10:20, when yan (deputy for carol) left" in quorum, quorum
    assert "quorate again from 10:30, when carol arrived" in quorum, quorum


def test_a_chair_renewal_recorded_twice_adds_one_term(chat: Chat) -> None:
    """CJCG 6.2 ("for an initial term of 12 months"): sam recorded alice's renewal on 10 Jan 2027 (her term ending
    14 Jan 2027), and again to correct the minute it cited; the second ran on from the first, 'renewed until 14 Jan
    2029', two years' chairing from one agreement. Refused now, her term left as the first renewal set it."""
    chat.load("cjcg")
    at(chat, "2027-01-10", "09:00")
    chat.ok("sam", 'chair @alice --agreed "meeting 3, minute 2"')
    said = chat.refused("sam", 'chair @alice --agreed "meeting 3, minute 4"').text
    assert said.startswith("alice's term as chair runs until 14 Jan 2028; nothing is changed."), said
    assert "alice, chair until 14 Jan 2028" in chat.ok("alice", "members").as_text()


def test_lieg_a_guest_is_let_in_once_the_individual_beside_a_member_has_left(chat: Chat) -> None:
    """LIEG 2.1 ("a maximum of two attending at any one time") and 2.4: zed came beside bob (Camden); at 10:40 zed
    left. A guest from Camden was then refused "Camden already has 2 attending", though only bob was there: the
    guest's count took anyone ever beside a member as still there, where `here` counts those there now."""
    chat.load("lieg")
    chat.now = dt.datetime(2026, 12, 10, 8, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin")
    chat.ok("bob", "deputy @zed")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("erin", "meeting open")
    chat.ok("bob", "here")
    chat.ok("zed", "here")
    assert "Camden already has 2 attending" in chat.refused("erin", 'guest @rob --from "Camden"').text
    chat.now = dt.datetime(2026, 12, 10, 10, 40, tzinfo=dt.UTC)
    chat.ok("zed", "leaving")
    chat.ok("erin", 'guest @rob --from "Camden"')


def test_the_rules_of_withdrawing_say_they_are_the_usual_practice(chat: Chat) -> None:
    """A refusal states a rule with its clause, or says the ToR is silent: 'once put to the vote a motion is decided
    by it' and 'Only motion 1's proposer or the chair ... can withdraw it' stated the proposer's rule as if the ToR
    gave it; none of the five ToRs speaks of withdrawing a motion."""
    meeting_opened(chat, "cjcg", "bob", "carol")
    chat.ok("bob", 'motion "That the group adopts the short breaks plan"')
    said = chat.refused("carol", "motion withdraw 1").text
    assert said.endswith("can withdraw it (the usual practice: the ToR does not speak of withdrawing a motion)."), said
    chat.ok("alice", "motion vote 1")
    said = chat.refused("bob", "motion withdraw 1").text
    assert "a motion is decided by it (the usual practice: the ToR does not speak of withdrawing a motion)." in said
