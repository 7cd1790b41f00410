"""Faults found in the seed groups by other helpers, fixed: leaving the room for an item, a poll tied to an item,
apologies recorded for a member, approving minutes by number, the next-meeting reminder and naming the chair."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from bot.models import AuditEvent
from tests.conftest import Chat
from tests.platform_chats import meeting_opened
from tests.scheduler.conftest import RecordingNotifier, run
from tests.test_seeds_leftovers import cscpwg_all_present


def cjcg_with_items(chat: Chat) -> None:
    """CJCG's meeting 1 open with alice, bob, carol, dan and erin, and two items on its agenda; carol has declared
    a pecuniary interest in item 1."""
    meeting_opened(chat, "cjcg", "bob", "carol", "dan", "erin")
    chat.ok("sam", 'agenda add "Placements contract"')
    chat.ok("sam", 'agenda add "Short breaks"')
    chat.ok("carol", 'declare "Shares in a placements provider" --item 1 --nature pecuniary')


def test_a_member_with_an_interest_leaves_the_room_for_the_item(chat: Chat) -> None:
    """CJCG 6.5 ("Conflicts of interest are to be declared and recorded"): carol, with an interest in item 1, could
    only say `leaving` (refused "`leaving` has no option --item"), and the minutes did not say why she went. Now
    `leaving --item 1` records it, her vote on the item's motion is refused until she is back, and the minutes say
    she left the room for item 1 with her interest declared, in the attendance and under the item."""
    cjcg_with_items(chat)
    chat.advance(minutes=10)
    said = chat.ok("carol", "leaving --item 1").text
    assert said.startswith("carol has left the room for item 1 (Placements contract) at 10:10, having declared a "
                           "pecuniary interest in it (ToR 6.5)."), said
    chat.ok("alice", 'motion "Award the placements contract" --item 1')
    said = chat.refused("carol", "vote 1 against").text
    assert said.startswith("You left the room for item 1 (Placements contract) at 10:10, having declared a pecuniary "
                           "interest in it (ToR 6.5), so you do not vote on motion 1 while out."), said
    assert "Say `here` when you are back" in said
    chat.ok("bob", "vote 1 for")
    chat.ok("alice", "poll close 1")
    chat.advance(minutes=10)
    chat.ok("carol", "here")
    minutes = chat.ok("sam", "meeting minutes").text
    assert "carol (Southend City Council) — left the room for item 1 (pecuniary interest declared) at 10:10, back " \
           "at 10:20" in minutes, minutes
    item = minutes.split("### 1. Placements contract")[1].split("###")[0]
    assert "- carol (Southend City Council) left the room for this item (pecuniary interest declared)" in item, item


def test_leaving_for_an_item_not_on_the_agenda_is_refused(chat: Chat) -> None:
    """`leaving --item 9` names no item: refused with how to see the agenda, and carol stays in the room."""
    cjcg_with_items(chat)
    assert "Meeting 1 has no item 9. Say `agenda` to see its items." in chat.refused("carol", "leaving --item 9").text
    said = chat.ok("dan", "leaving --item 2").text
    assert "no interest of dan's is recorded on it, and one is recorded with `declare \"the interest\" --item 2` " \
           "(ToR 6.5)" in said, said


def test_the_chair_election_poll_is_minuted_under_its_agenda_item(chat: Chat) -> None:
    """CSCPWG Governance ("will elect a chair at its first meeting"): `poll` took no --item, so the election poll
    could not be tied to the item "Elect the chair", and the minutes said of that item "Nothing was minuted and no
    vote was taken" while the heading said the chair was elected by poll 1. Now the poll is minuted under it."""
    cscpwg_all_present(chat)
    chat.ok("sam", 'agenda add "Elect the chair"')
    chat.ok("sam", 'poll "Chair" "alice" "bob" --item 1')
    for member in ("alice", "bob", "carol"):
        chat.ok(member, "vote 1 alice")
    chat.ok("sam", "poll close 1")
    chat.ok("sam", "chair @alice --poll 1")
    minutes = chat.ok("sam", "meeting minutes").text
    item = minutes.split("### 1. Elect the chair")[1].split("## Actions")[0]
    assert "Nothing was minuted" not in item, item
    assert "**Poll 1:** Chair" in item and "- Outcome: alice has the most votes (3 of 3 voting)" in item, item
    assert "Other votes" not in minutes
    assert "Meeting 1 has no item 4. Say `agenda` to see its items." in \
        chat.refused("alice", 'poll "Venue" "Barnet" "Camden" --item 4').text


def test_apologies_recorded_again_without_a_reason_keep_the_reason_given(chat: Chat) -> None:
    """liam sent apologies with a reason; sam (the secretariat), recording the apologies liam also e-mailed, said
    `apologies --for @liam` with none, and liam's reason was replaced by none in the record and the minutes. Now the
    earlier reason stands unless a new one is given."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("liam", "apologies Attending a SEND tribunal")
    said = chat.ok("sam", "apologies --for @liam").text
    assert said.startswith("Apologies from liam (Attending a SEND tribunal, the reason given before) recorded by sam "
                           "for meeting 1"), said
    minutes = chat.ok("sam", "meeting minutes 1").text
    assert "liam (Southend SEND Independent Forum) — Attending a SEND tribunal" in minutes, minutes
    chat.ok("sam", "apologies --for @liam Unwell")
    assert "liam (Southend SEND Independent Forum) — Unwell" in chat.ok("sam", "meeting minutes 1").text


def test_approving_minutes_of_meeting_1_by_its_word_gives_the_command_that_works(chat: Chat) -> None:
    """`minutes approve meeting 1` was refused "The meeting is a number, not 'meeting'. Say `minutes approve`.
    Coming meetings: none.": neither the command nor the list helped with a meeting held. It now says the one that
    works, which approves them."""
    meeting_opened(chat, "cjcg", "bob", "carol")
    chat.ok("alice", "meeting close")
    said = chat.refused("alice", "minutes approve meeting 1").text
    assert said == "Give the meeting's number alone, without the word 'meeting': say `minutes approve 1`.", said
    assert "approved" in chat.ok("alice", "minutes approve 1").text


def test_plpcp_next_meeting_reminder_counts_from_when_govbot_took_the_group_on(chat: Chat) -> None:
    """PLPCP ("The Steering Group will meet quarterly"), adopted 15 Jan 2026 and loaded on 1 Dec 2026: the first
    reminder said "there has been no meeting yet, so the next meeting was due on 15 Apr 2026", eight months before
    govbot held any record of the group's meetings. It now counts from the day the group was loaded, as the
    quarterly report reminder does: the next meeting is due by 1 Mar 2027."""
    chat.load("plpcp")
    notifier = RecordingNotifier()
    week, start = dt.timedelta(days=7), dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
    run(chat.sessions, notifier, [start + n * week for n in range(16)])
    sent = [s.reply.text for s in notifier.sent if s.reply.title == "Next meeting not scheduled"]
    assert sent and all("15 Apr 2026" not in text for text in sent), sent
    assert "no meeting is recorded since govbot took the group on, on 1 Dec 2026, so the next meeting is due by " \
           "1 Mar 2027" in sent[0], sent


def test_naming_the_chair_who_already_is_says_so_and_records_nothing(chat: Chat) -> None:
    """PLPCP Membership (the chair's seat): sam's `chair @alice`, alice being the chair, answered "alice is now the
    chair" and recorded another chair.named event in the audit trail. It now says she already is, and records
    nothing."""
    chat.load("plpcp")
    with chat.sessions() as session:
        before = session.scalar(select(func.count()).select_from(AuditEvent))
    said = chat.say("sam", "chair @alice").text
    assert said == "alice is already the chair (ToR Membership); nothing has changed.", said
    with chat.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == before

