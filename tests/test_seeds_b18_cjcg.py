"""CJCG (seed 004) and its task-and-finish groups as their members run them, where the bot differed from the
document (round B18)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import meeting_opened

TFG = "send-tfg"


def cjcg_and_its_tfg(chat: Chat) -> None:
    """The CJCG bound to this room and its SEND task-and-finish group (CJCG 6.6) to `send-tfg`, led by bob; the
    CJCG's meeting 1 scheduled by sam, the administrative support, for 10 Dec 2026 at 10:00."""
    chat.load("cjcg")
    chat.load("cjcg-send-tfg", channel=TFG)
    chat.ok("sam", 'meeting schedule 2026-12-10 10:00 --where "Civic Centre"')


def test_cjcg_a_report_its_task_and_finish_group_makes_is_in_the_cjcgs_minutes(chat: Chat) -> None:
    """CJCG 6.6: "may establish task and finish groups to support it in the discharge of its functions"; the SEND
    group is accountable to the CJCG and its lead reports to it. bob recorded the report in the group's channel and
    was told only that it was recorded there: the CJCG's own record (the minutes of its next meeting, where a clerk
    notes the reports its sub-groups sent in) never showed it. It now does, and bob is told where."""
    cjcg_and_its_tfg(chat)
    chat.now = dt.datetime(2026, 12, 3, 15, 0, tzinfo=dt.UTC)
    said = chat.say("bob", 'report done "First draft of the SEND framework"', channel=TFG)
    assert not said.error, said.text
    assert "minutes of its meeting 1 (10 Dec 2026)" in said.text, said.text
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("sam", "here @bob @carol")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").text
    assert "## Reports from task and finish groups" in minutes, minutes
    assert ("- SEND Joint Commissioning Framework task and finish group: a report recorded as made by bob (Southend "
            "City Council) on 3 Dec 2026: First draft of the SEND framework (CJCG ToR 6.6)") in minutes, minutes


def test_cjcg_a_report_made_after_a_meeting_goes_to_the_next_meetings_minutes(chat: Chat) -> None:
    """A report the group records after the CJCG's meeting 1 closed is not in that meeting's minutes (it had not
    been made) but in meeting 2's; one made during meeting 1 is in meeting 1's, not again in meeting 2's."""
    cjcg_and_its_tfg(chat)
    chat.ok("sam", "meeting schedule 2027-02-11 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.advance(minutes=20)
    assert not chat.say("bob", 'report done "Progress on the framework"', channel=TFG).error
    chat.advance(minutes=40)
    chat.ok("alice", "meeting close")
    chat.advance(days=1)
    assert "meeting 2 (11 Feb 2027)" in chat.say("bob", 'report done "Second draft"', channel=TFG).text
    first = chat.ok("alice", "minutes 1").text
    assert "Progress on the framework" in first and "Second draft" not in first, first
    second = chat.ok("alice", "minutes 2").text
    assert "Second draft" in second and "Progress on the framework" not in second, second


def test_cjcg_minutes_say_when_the_quorum_came_and_went_within_one_minute(chat: Chat) -> None:
    """CJCG 6.4: "quorate if three of its members are present". The roll call and two early departures happened in
    the same minute (as a replayed meeting records them, every line at one time): carol's arrival made the meeting
    quorate and the chat said so, but the minutes said it was "not quorate at any time before it closed", counting
    carol's and dan's departures, recorded after, as if they came before their arrivals. Of those departures, dan's
    (after carol's in the audit trail) lost the quorum, as the chat said at his."""
    meeting_opened(chat, "cjcg", "bob")
    assert "now quorate" in chat.ok("carol", "here").as_text()
    chat.ok("dan", "here")
    chat.ok("carol", "leaving")
    assert "now not quorate" in chat.ok("dan", "leaving").as_text()
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").text
    assert "not quorate at any time" not in minutes, minutes
    assert "- **Later:** quorate from 10:00, when carol arrived — 3 members present, 3 needed (ToR 6.4)\n" in minutes, \
        minutes
    assert "- **Later:** not quorate from 10:00, when dan left — 2 members present, 3 needed (ToR 6.4)\n" \
        in minutes, minutes


def test_cjcg_a_quoted_interest_followed_by_the_item_it_is_in_is_declared_on_that_item(chat: Chat) -> None:
    """CJCG 6.5: "Conflicts of interest are to be declared and recorded at the beginning of each meeting." carol
    typed her interest in quotes and the item after it, as people do (`declare "..." item 2`, `... on item 2`): it
    was recorded for the whole meeting with "item 2" as part of what she declared, so voting on item 2 gave her no
    reminder of it and the minutes did not list it under the item. `declare interest on item 2 - ...` already
    worked; the item named after the words now does too."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", 'agenda add "Joint action plan"')
    chat.ok("sam", 'agenda add "SEND placements procurement"')
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    said = chat.ok("carol", "declare \"my brother is a provider's director\" item 2").text
    assert "on item 2 (SEND placements procurement) for meeting 1: my brother is a provider's director (ToR 6.5)" \
        in said, said
    said = chat.ok("dan", 'declare "governor at a special school" on agenda item 2').text
    assert "on item 2 (SEND placements procurement) for meeting 1: governor at a special school (ToR 6.5)" in said, \
        said
    chat.ok("bob", "here")
    chat.ok("alice", 'motion "Award the placements framework" --item 2')
    assert "an interest was declared on this item" in chat.ok("carol", "vote 1 for").as_text()
    assert "Meeting 1 has no item 3" in chat.refused("erin", 'declare "trustee of a SEND charity" for item 3').text


def test_cjcg_options_typed_without_dashes_after_quoted_words_are_read_as_options(chat: Chat) -> None:
    """The administrative support arranges the meetings and agendas (CJCG 6.3) and members send apologies and name
    deputies for a given meeting (7.2). Typed as people type them, an option's name without its dashes after the
    quoted words was taken as more of the words: `agenda add "Budget" for meeting 2` put "Budget for meeting 2" on
    meeting 1's agenda, carol's apologies for meeting 2 were recorded for meeting 1, a motion on item 1 and an
    action's owner and due date were lost in their text, and `deputy @yan for meeting 2` was told to say
    `--for @meeting 2`."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", "meeting schedule 2027-02-11 10:00")
    assert chat.ok("sam", 'agenda add "Budget 2027-28" for meeting 2').text == \
        "Item 1 added to meeting 2: Budget 2027-28"
    said = chat.ok("carol", 'apologies "annual leave" for meeting 2').text
    assert "recorded for meeting 2 (Thu 11 Feb 2027, 10:00 GMT)" in said, said
    said = chat.ok("dan", "apologies on leave for meeting 2").text
    assert "recorded for meeting 2 (Thu 11 Feb 2027, 10:00 GMT)" in said, said
    said = chat.refused("carol", "deputy @yan for meeting 2").text
    assert "Say `deputy @yan --meeting 2`." in said, said
    chat.ok("sam", 'agenda add "Joint action plan"')
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("sam", "here @bob @carol")
    said = chat.ok("alice", 'motion "Approve the joint action plan" item 1').as_text()
    assert "Motion 1: Approve the joint action plan*" in said, said
    said = chat.ok("sam", 'action "Circulate the plan" owner @bob due friday').text
    assert said == "Action 1 recorded: Circulate the plan (owner bob, due 11 Dec 2026).", said
    chat.ok("alice", "poll close 1")
    chat.ok("alice", "meeting close")
    assert "### 1. Joint action plan\n\n**Motion 1:** Approve the joint action plan\n" in \
        chat.ok("alice", "minutes 1").text
