"""`meeting move N <date> <time>` (or `meeting reschedule`, `reschedule meeting N to ...`): a scheduled meeting moved
to another time keeps its number, agenda, apologies, deputies, chair and minute-taker, by whoever the ToR lets
schedule meetings (CJCG 6.3: the chair or the administrative support; LIEG 3.1: the steering group), its new time
checked as `meeting schedule` checks one. Before, the only way was cancel and schedule again, losing all of it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot.commands import help_text, parse
from bot.models import AuditEvent
from bot.verbs import MeetingMove
from tests.conftest import Chat
from tests.platform_chats import Speaking, at

MOVE = "meeting move 1 2026-12-11 14:00"


def cjcg_meeting(chat: Chat) -> None:
    """CJCG's meeting 1 on 10 Dec 2026 at 10:00, scheduled by sam (the administrative support, 6.3) with erin to
    take the minutes, an item on its agenda, carol's apologies and dan's deputy yan for it."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00 --minutes @erin")
    chat.ok("sam", 'agenda add "SEND placements procurement"')
    chat.ok("carol", "apologies on leave")
    chat.ok("dan", "deputy @yan --meeting 1")


@pytest.mark.parametrize("typed", [MOVE, "meeting reschedule 1 11 Dec 14:00", "reschedule meeting 1 to 11 Dec 14:00",
                                   "move meeting 1 to 11 Dec at 14:00", "reschedule 1 to 11 Dec 2pm"])
def test_the_words_a_secretary_types_to_move_a_meeting_are_meeting_move(typed: str) -> None:
    command = parse(typed, dt.date(2026, 12, 1))
    assert isinstance(command, MeetingMove) and command.meeting == 1
    assert command.date in ("2026-12-11", "11 Dec") and command.time in ("14:00", "2pm")


def test_help_meeting_lists_meeting_move() -> None:
    assert "`meeting move N <date> <time>" in help_text(["meeting"], dt.date(2026, 12, 1))
    assert "also `meeting reschedule`" in help_text(["meeting", "move"], dt.date(2026, 12, 1))


def test_cjcg_a_moved_meeting_keeps_its_number_agenda_apologies_deputy_and_minute_taker(chat: Chat) -> None:
    cjcg_meeting(chat)
    said = chat.ok("sam", "reschedule meeting 1 to 11 Dec 14:00")
    assert said.text == "Meeting 1 moved from Thu 10 Dec 2026, 10:00 GMT to Fri 11 Dec 2026, 14:00 GMT."
    assert dict(said.fields) == {"When": "Fri 11 Dec 2026, 14:00 GMT", "Was": "Thu 10 Dec 2026, 10:00 GMT"}
    assert said.notices[0] == ("1 member's apologies stand for the new time; a member who can now come says "
                               "`apologies withdraw --meeting 1`.")
    assert not said.private
    assert dict(chat.ok("sam", "meetings").fields) == {"Meeting 1": "Fri 11 Dec 2026, 14:00 GMT, scheduled"}
    assert dict(chat.ok("sam", "agenda 1").fields) == {"Item 1": "SEND placements procurement"}
    with chat.sessions() as session:
        [moved] = session.scalars(select(AuditEvent).where(AuditEvent.action == "meeting.moved")).all()
        assert (moved.detail["was"], moved.detail["starts_at"]) == ("2026-12-10 10:00:00+00:00",
                                                                     "2026-12-11 14:00:00+00:00")
    at(chat, "2026-12-11", "14:00")
    chat.ok("alice", "meeting open")
    chat.ok("yan", "here")
    roll = dict(chat.ok("alice", "attendance").fields)
    assert (roll["Apologies"], roll["Deputies"]) == ("carol — on leave", "yan for dan"), roll
    chat.ok("erin", 'minute "Noted" --item 1')  # still the meeting's minute-taker


@pytest.mark.parametrize("who", ["alice", "sam"])
def test_cjcg_the_chair_and_the_administrative_support_may_move_a_meeting(chat: Chat, who: str) -> None:
    cjcg_meeting(chat)
    assert chat.ok(who, MOVE).text.startswith("Meeting 1 moved from")


def test_cjcg_a_member_a_guest_and_a_stranger_may_not_move_a_meeting(chat: Chat) -> None:
    cjcg_meeting(chat)
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open 2")
    chat.ok("sam", 'guest @pat --from "Essex Partnership University Trust"')
    refusal = "Only the chair or the secretariat can move meetings (ToR 6.3). Ask alice or sam."
    assert chat.refused("bob", MOVE).text == refusal
    assert chat.refused("pat", MOVE).text == refusal  # a guest at meeting 2 (7.1)
    assert chat.refused("zed", MOVE).text.startswith("Children's Joint Commissioning Group is confidential")
    assert dict(chat.ok("sam", "meetings").fields)["Meeting 1"] == "Thu 10 Dec 2026, 10:00 GMT, scheduled"


def test_lieg_the_steering_group_moves_meetings_and_no_one_else(chat: Chat) -> None:
    """LIEG 3.1: the steering group (alice and bob, the co-chairs, and erin) plans the meetings."""
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.ok("alice", "meeting open 1")
    chat.ok("alice", 'guest @pat --from "Met"')
    refusal = "Only a member of the steering group can move meetings (ToR 3.1). Ask alice, bob or erin."
    for who in ("carol", "pat", "zed"):  # a member, a guest, someone with no seat
        assert chat.refused(who, "meeting move 2 2026-12-11 14:00").text == refusal
    said = chat.ok("erin", 'meeting move 2 2026-12-11 14:00 --where "City Hall"')
    assert said.text == "Meeting 2 moved from Thu 10 Dec 2026, 10:00 GMT to Fri 11 Dec 2026, 14:00 GMT, City Hall."


def test_a_meeting_not_scheduled_or_not_there_is_not_moved_and_says_why(chat: Chat) -> None:
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.ok("alice", "meeting schedule 2026-12-15 10:00")
    chat.ok("alice", "meeting cancel 3")
    chat.ok("alice", "meeting open 1")
    assert chat.refused("alice", "meeting move 1 2026-12-20 10:00").text == (
        "Meeting 1 is open, so it cannot be moved: it is under way; close it with `meeting close`, and schedule "
        "the next one.")
    assert chat.refused("alice", "meeting move 3 2026-12-20 10:00").text == (
        "Meeting 3 is cancelled, so it cannot be moved: it was cancelled; schedule a new one with `meeting schedule "
        "<date> <time>`.")
    assert chat.refused("alice", "meeting move 2 2026-12-01 09:40").text.startswith(
        "Meeting 1 is already open for Tue 1 Dec 2026, 09:30 GMT, 10 minutes from the time you gave; a group holds "
        "one meeting at a time, so I have not moved meeting 2 there.")
    chat.ok("alice", "meeting close")
    assert chat.refused("alice", "meeting move 1 2026-12-20 10:00").text.startswith(
        "Meeting 1 is closed, so it cannot be moved: it has been held")
    assert chat.refused("alice", "meeting move 9 2026-12-20 10:00").text == (
        "There is no meeting 9 in London Information Exchange Group. Say `meetings` to list them.")
    assert chat.refused("alice", "meeting move 2").text == "On what date? Say `meeting move 2 2026-12-08 14:00`."
    assert chat.refused("alice", "meeting move 2 2026-11-30 10:00").text == (
        "Mon 30 Nov 2026, 10:00 GMT is in the past; give a date and time still to come.")
    assert chat.refused("alice", "meeting move 2 2026-12-10 10:00").text.startswith(
        "Meeting 2 is already at Thu 10 Dec 2026, 10:00 GMT")
    assert dict(chat.ok("alice", "meetings").fields)["Meeting 2"] == "Thu 10 Dec 2026, 10:00 GMT, scheduled"


def test_a_time_limited_group_cannot_move_a_meeting_past_its_end(chat: Chat) -> None:
    """CSCPWG "will operate until ... 27 June 2023" (ToR Operation): refused as `meeting schedule` refuses it."""
    chat.load("cscpwg")
    at(chat, "2023-06-01", "09:00")
    chat.ok("sam", "meeting schedule 2023-06-20 10:00")
    assert chat.refused("sam", "meeting move 1 2023-07-04 10:00").text == (
        "Children's Social Care Placements Working Group operates until 27 Jun 2023 (ToR Operation); schedule the "
        "meeting before then.")


def test_the_meetings_card_shows_the_new_time(platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cjcg")
    card = chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    said = chat.ok("sam", MOVE)
    assert "Meeting 1 moved from Thu 10 Dec 2026, 10:00 GMT to Fri 11 Dec 2026, 14:00 GMT" in said.text
    if chat.platform != "console":  # the channel reads the move, old time and new, beside the card
        assert any("moved from Thu 10 Dec 2026, 10:00 GMT to Fri 11 Dec" in post for post in chat.posted())
    if (shown := chat.card_now(card, showing="11 Dec")) is not None:  # the card posted in the channel
        assert "Fri 11 Dec 2026, 14:00 GMT" in shown and "Thu 10 Dec" not in shown, shown


def test_moving_a_meeting_to_another_place_at_the_same_time_says_where_not_moved_from_x_to_x(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    said = chat.ok("sam", 'meeting move 1 2026-12-10 10:00 --where "Room 2, Civic Centre"').text
    assert said == "Meeting 1 (Thu 10 Dec 2026, 10:00 GMT) is now at Room 2, Civic Centre.", said


def test_a_cancelled_meetings_card_says_so_and_offers_no_apologies(platform_chat: Speaking) -> None:
    """The card posted when the meeting was scheduled kept its 'Send apologies' button after `meeting cancel`, as if
    the meeting were still to come: the card now reads cancelled, with no button."""
    chat = platform_chat
    chat.load("cjcg")
    card = chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    assert "cancelled" in chat.ok("sam", "meeting cancel 1").text
    if (shown := chat.card_now(card, showing="cancelled")) is not None:
        assert "Send apologies" not in shown, shown
    elif chat.platform != "console":
        raise AssertionError(f"{chat.platform}: the meeting's card was not refreshed after the cancel")
