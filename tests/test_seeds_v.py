"""LCIIB and CSCPWG held start to finish as their secretariat and chair type in chat: what the bot recorded or said
that the officer would not expect, each fixed (after tests/test_seeds_t2.py)."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at


def lciib_meeting_open(chat: Chat) -> None:
    """LCIIB meeting 1 (14 Jan 2027, 10:00) scheduled by sam, the LIIA programme team (ToR Board Support and
    Logistics), with the RIA budget as item 1, opened by alice, the chair, with dan present."""
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 14 Jan 10:00")
    chat.ok("sam", 'agenda add "Oversight of RIA budget"')
    at(chat, "2027-01-14", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("dan", "here")


def test_action_n_done_marks_the_action_done_not_a_new_action(chat: Chat) -> None:
    """sam typed "action 1 done", the words a secretary reaches for: the bot recorded a new action 2, "1 done", with
    no owner, and action 1 stayed open; dan, its owner, typing it was refused as not one who records actions."""
    lciib_meeting_open(chat)
    chat.ok("sam", 'action "Circulate the data-set summary" --owner @dan --due 1 Feb')
    said = chat.ok("dan", "action 1 done").text
    assert said.startswith("Action 1") and "done" in said and "recorded" not in said, said
    assert "Circulate the data-set summary" not in chat.ok("sam", "actions").text
    chat.ok("sam", 'action "Book the April venue" --owner @kate')
    chat.ok("sam", "action 2 completed.")
    assert "Book the April venue" not in chat.ok("sam", "actions").text


def test_an_interest_typed_after_its_word_and_a_colon_is_recorded_as_the_interest(chat: Chat) -> None:
    """dan typed "declare interest: my LA is receiving RIA support": the register, the minutes and the reply read
    "interest: my LA is receiving RIA support", the word of the command kept as part of what he declared."""
    lciib_meeting_open(chat)
    said = chat.ok("dan", "declare interest: my LA is receiving RIA support").text
    assert said.startswith("Recorded: dan declared an interest for meeting 1: my LA is receiving RIA support"), said
    said = chat.ok("alice", "declare a conflict of interest - trustee of a fostering charity").text
    assert said.startswith("Recorded: alice declared an interest for meeting 1: trustee of a fostering charity"), said
    chat.ok("alice", "meeting close")
    minutes = chat.ok("sam", "minutes").text
    assert "dan (ALDCS): my LA is receiving RIA support" in minutes, minutes


def test_vote_close_n_points_the_chair_to_poll_close(chat: Chat) -> None:
    """alice, chairing, typed "vote close 1" to close the vote on motion 1 and was told "Say `vote 1 for`", as if
    she meant to vote; `poll close 1` is what closes it."""
    lciib_meeting_open(chat)
    chat.ok("alice", 'motion "Agree the RIA budget" --item 1')
    refused = chat.refused("alice", "vote close 1").text
    assert "`poll close 1`" in refused, refused


def test_apologies_for_a_day_are_for_that_meeting_and_the_day_is_not_the_reason(chat: Chat) -> None:
    """carol typed "apologies for 14 Jan, on leave": the roll and the minutes read "carol — for 14 Jan, on leave";
    "for the meeting on 14 Jan" was already read as the meeting. With two meetings scheduled, the day picks one."""
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 14 Jan 10:00")
    chat.ok("sam", "meeting schedule 15 April 10:00")
    said = chat.ok("carol", "apologies for 15 apr, on leave").text
    assert said.startswith("Apologies from carol recorded for meeting 2 (Thu 15 Apr 2027"), said
    chat.ok("bob", "apologies for 14 Jan - at CELC")
    chat.ok("dan", "apologies for lateness")
    chat.ok("erin", "apologies for 10 minutes late")
    at(chat, "2027-01-14", "10:00")
    chat.ok("alice", "meeting open")
    closed = dict(chat.ok("alice", "meeting close").fields)
    assert closed["Apologies"] == "bob — at CELC; dan — for lateness; erin — for 10 minutes late", closed


def test_also_without_seat_is_recorded_on_the_one_seat_the_member_holds(chat: Chat) -> None:
    """LCIIB Membership: "At least one of the DCS representatives on the board should also be a director of adult
    services". sam typed `member add @erin --also "director of adult services"` for erin, who holds one seat, and was
    told to say which seat, with a list of vacant seats; `members` then still warned the board was short of one."""
    chat.load("lciib")
    said = chat.ok("sam", 'member add @erin --also "director of adult services"').text
    assert said == "erin (DCS chair of North London) is recorded as also director of adult services.", said
    members = chat.ok("sam", "members").as_text()
    assert "director of adult services" in members and "none of the holders" not in members, members


def test_cscpwg_apologies_reminder_names_the_board_substitutes_belong_to(chat: Chat) -> None:
    """CSCPWG Governance: "Members may send substitutes ... These should be members of the Children and Young People
    Board". The day-before reminder told each member "You can name a substitute to attend in your place: `substitute
    @person`", and a member who named a colleague from their council was then refused; it now says who may be one."""
    import datetime as dt

    from tests.scheduler.conftest import RecordingNotifier, hours, run
    chat.now = dt.datetime(2022, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cscpwg")
    chat.ok("sam", "meeting schedule 13 dec 10:00")
    notifier = RecordingNotifier()
    run(chat.sessions, notifier, hours(chat.now, dt.datetime(2022, 12, 12, 9, 0, tzinfo=dt.UTC), dt.timedelta(hours=6)))
    to_alice = [sent.reply.text for sent in notifier.sent if sent.destination.user_id == "alice"]
    assert to_alice, [sent.reply.text for sent in notifier.sent]
    assert "You can name a substitute to attend in your place, who must be a member of the Children and Young People " \
           "Board: `substitute @person` (ToR Governance)." in to_alice[-1], to_alice


def test_an_action_typed_with_its_owner_first_has_that_owner(chat: Chat) -> None:
    """sam typed "action @dan circulate the data-set summary": the action was recorded with "no owner yet" and the
    text "@dan circulate the data-set summary", so `actions` listed it as no one's and dan could not mark it done."""
    lciib_meeting_open(chat)
    said = chat.ok("sam", "action @dan: circulate the data-set summary --due 1 Feb").text
    assert said == "Action 1 recorded: circulate the data-set summary (owner dan, due 1 Feb 2027).", said
    chat.ok("dan", "action done 1")
