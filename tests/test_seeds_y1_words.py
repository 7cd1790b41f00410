"""PLPCP meetings as a chair and secretary type them (round Y1): the words a chair reaches for to open or close a
meeting or a vote, an early opening's hours, and whom a refusal to mark an action done says to ask."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import Chat


def plpcp_meeting_on_15_december(chat: Chat) -> None:
    """PLPCP meeting 1 on Tue 15 Dec 2026 at 10:00 GMT, scheduled by sam, the LIIA programme team."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-15 10:00")


def test_plpcp_a_meeting_opened_an_hour_early_says_one_hour(chat: Chat) -> None:
    """alice opening meeting 1 at 08:30 for 10:00 was told it was '1 hours from now'; confirmed, 'Opened 1 hours
    before its scheduled time'."""
    plpcp_meeting_on_15_december(chat)
    chat.now = dt.datetime(2026, 12, 15, 8, 30, tzinfo=dt.UTC)
    refused = chat.refused("alice", "meeting open").text
    assert "10:00 GMT, 1 hour from now, and members" in refused, refused
    opened = chat.ok("alice", "meeting open 1 --confirm").as_text()
    assert "Opened 1 hour before its scheduled time" in opened, opened


def test_plpcp_a_meeting_opened_a_fortnight_early_says_so_in_weeks(chat: Chat) -> None:
    """alice typing `meeting open` on 1 Dec for meeting 1 on 15 Dec was told it was '336 hours from now'."""
    plpcp_meeting_on_15_december(chat)
    refused = chat.refused("alice", "meeting open").text
    assert "10:00 GMT, 2 weeks from now, and members" in refused, refused
    chat.now = dt.datetime(2026, 12, 12, 9, 0, tzinfo=dt.UTC)
    assert "10:00 GMT, 3 days from now, and members" in chat.refused("alice", "meeting open").text


@pytest.mark.parametrize(("typed", "meant"), [
    ("start meeting", "meeting open"), ("start the meeting", "meeting open"),
    ("end the meeting", "meeting close"), ("finish meeting", "meeting close"), ("adjourn meeting", "meeting close"),
    ("end meeting", "meeting close"), ("close vote", "poll close N"), ("close the vote on motion 1", "poll close 1"),
    ("end voting", "poll close N"), ("open the vote on motion 2", "motion vote 2"),
])
def test_plpcp_a_chair_opening_or_closing_in_their_own_words_is_told_the_command(chat: Chat, typed: str,
                                                                                 meant: str) -> None:
    """alice, in the chair, typed 'end the meeting' and 'close vote' and was asked 'Did you mean `meeting`?' and
    'Did you mean `vote`?': neither closes anything (`vote` casts one). Each is pointed to the command it means."""
    plpcp_meeting_on_15_december(chat)
    chat.now = dt.datetime(2026, 12, 15, 10, 0, tzinfo=dt.UTC)
    said = chat.refused("alice", typed).text
    assert f"Did you mean `{meant}`?" in said, said


def test_plpcp_a_refusal_to_mark_an_action_done_names_its_owner(chat: Chat) -> None:
    """Only 'the action's owner, the chair or the secretariat' may mark an action done; carol, marking dan's, was
    told 'Ask alice or sam', leaving out dan, whose action it is."""
    plpcp_meeting_on_15_december(chat)
    chat.now = dt.datetime(2026, 12, 15, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("alice", 'action "Circulate the revised budget" --owner @dan')
    refused = chat.refused("carol", "action done 1").text
    assert refused.endswith("Ask dan (its owner), alice or sam."), refused


def test_lciib_a_minute_typed_with_its_item_first_is_minuted_under_that_item(chat: Chat) -> None:
    """kate, taking LCIIB's minutes (Board Support and Logistics), typed `minute item 2: budget discussed` and was
    told 'Say which agenda item: minute "…" --item 1', though she had said item 2. 'item N:' before the words is
    the item; a note that merely begins with the word ('Item 2 was deferred', no colon) still needs --item."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 2026-12-10 14:00")
    chat.ok("sam", 'agenda add "RIIA programme update"')
    chat.ok("sam", 'agenda add "Budget"')
    chat.ok("alice", "meeting minute-taker @kate")
    chat.now = dt.datetime(2026, 12, 10, 14, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    said = chat.ok("kate", "minute item 2: budget discussed").text
    assert said == "Item 2 (Budget) of meeting 1: the discussion note recorded:\nbudget discussed", said
    said = chat.ok("kate", "resolved Item 2 - Budget agreed").text
    assert said == "Item 2 (Budget) of meeting 1: the resolution recorded:\nBudget agreed", said
    refused = chat.refused("kate", 'minute "Item 1 was taken as read"').text
    assert refused.startswith('Say which agenda item: minute "…" --item 1.'), refused


def test_plpcp_apologies_are_withdrawn_by_the_member_who_can_come_after_all(chat: Chat) -> None:
    """carol sent apologies for meeting 1, then found she could come: 'apologies withdraw' recorded apologies with
    the reason 'withdraw', 'apologies cancel' replaced it with 'cancel', and 'withdraw apologies' was asked 'Did you
    mean `apologies`?'. Her apologies are withdrawn, and sam withdraws dan's as he recorded them (--for)."""
    plpcp_meeting_on_15_december(chat)
    chat.ok("carol", "apologies, on leave")
    assert "Did you mean `apologies withdraw`?" in chat.refused("carol", "withdraw apologies").text
    said = chat.ok("carol", "apologies withdraw").text
    assert said == ("Apologies from carol for meeting 1 (Tue 15 Dec 2026, 10:00 GMT) withdrawn: carol is expected "
                    "to attend."), said
    assert "carol" not in chat.ok("alice", "attendance").as_text()
    refused = chat.refused("carol", "apologies cancel").text
    assert refused == "No apologies from carol stand for meeting 1, so there are none to withdraw.", refused
    chat.ok("sam", 'apologies --for @dan "Ofsted visit"')
    assert "withdrawn by sam: dan is expected" in chat.ok("sam", "apologies withdraw --for @dan").text
    assert "Only the chair, the secretariat" in chat.refused("grace", "apologies withdraw --for @frank").text


def test_plpcp_here_with_a_remark_after_it_records_the_member_present(chat: Chat) -> None:
    """frank, joining late, typed 'here, apologies for lateness' and was told 'Name the person with @ in front ...
    Say `here @apologies`', which records nobody. A remark set off after `here` by a comma or dash is the member's
    own `here`; names after it (`here: @carol @dan`, the roll taken in the room) still name those present."""
    plpcp_meeting_on_15_december(chat)
    chat.now = dt.datetime(2026, 12, 15, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    assert chat.ok("frank", "here, apologies for lateness").text == "frank is present."
    assert chat.ok("grace", "present - joined from the car").text == "grace is present."
    assert chat.ok("sam", "here: @carol @dan").text.startswith("carol is present. dan is present.")
