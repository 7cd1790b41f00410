"""CJCG (seed 004) and LIEG (seed 003) played through a year by their secretaries, chairs, members and deputies:
what a meeting found the bot doing that the ToR does not allow, or saying unclearly, each fixed (after
tests/test_seeds_n.py)."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at


def cjcg_with_two_items(chat: Chat) -> None:
    """CJCG meeting 1 (10 Dec 2026, 10:00) scheduled by sam on 1 Dec with two agenda items."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", 'agenda add "Joint action plan 2027-29"')
    chat.ok("sam", 'agenda add "SEND placements procurement"')


def test_cjcg_no_interest_on_one_item_is_said_back_and_kept_for_that_item(chat: Chat) -> None:
    """CJCG 6.5: "Conflicts of interest are to be declared and recorded". erin's `declare none --item 1` was said
    back as having no interests for the whole meeting; her interest on item 2 then deleted it ('it replaces the no
    interests to declare recorded before'), and bob, with an interest on item 2, was refused `declare none --item 1`
    as if it contradicted his interest. No interest on one item says nothing of another."""
    cjcg_with_two_items(chat)
    said = chat.ok("erin", "declare none --item 1").text
    assert "erin has no interests to declare on item 1 (Joint action plan 2027-29) for meeting 1 (ToR 6.5)" in said
    said = chat.ok("erin", 'declare "Governor of a bidding school" --item 2').text
    assert "replaces" not in said, said
    chat.ok("bob", 'declare "Employer is bidding" --item 2')
    said = chat.ok("bob", "declare none --item 1").text
    assert "bob has no interests to declare on item 1" in said, said
    minutes = chat.ok("alice", "meeting minutes 1").text
    assert ("**Item 1 (Joint action plan 2027-29):** erin (Southend City Council): no interests to declare; "
            "bob (Southend City Council): no interests to declare") in minutes, minutes
    assert ("**Item 2 (SEND placements procurement):** erin (Southend City Council): Governor of a bidding school; "
            "bob (Southend City Council): Employer is bidding") in minutes, minutes
    # no interests for the whole meeting still gives way to an interest, and is refused beside one
    chat.ok("carol", "declare none")
    assert "replaces" in chat.ok("carol", 'declare "Trustee of a SEND charity" --item 2').text
    assert "which stands" in chat.ok("bob", "declare none").text


def test_cjcg_a_january_date_typed_in_december_without_its_year_is_next_januarys(chat: Chat) -> None:
    """CJCG 6.1 ("will meet bi-monthly") and 6.3 (the administrative support's arrangements and note taking): at the
    meeting of 10 Dec 2026 sam recorded an action due '14 Jan' and scheduled the next meeting for '4 Feb'; both were
    refused as in the past (14 Jan 2026, 4 Feb 2026), as was bob's deadline of '8 Jan', typed on 1 Dec, for a vote
    between meetings. A
    date typed without its year is the one nearest the day it is typed; one just gone is still refused as past."""
    cjcg_with_two_items(chat)
    said = chat.ok("bob", 'motion "The plan goes to the SEND board" --closes 8 Jan').text
    assert "Motion 1 is proposed" in said, said
    assert "Fri 8 Jan 2027, 17:00 GMT" in chat.ok("alice", "motion vote 1 --closes 8 Jan").as_text()
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    said = chat.ok("sam", 'action "Circulate the plan to the three boards" --owner @alice --due 14 Jan').text
    assert "due 14 Jan 2027" in said, said
    said = chat.ok("sam", "meeting schedule 4 Feb 10:00").as_text()
    assert "Thu 4 Feb 2027, 10:00 GMT" in said, said
    said = chat.refused("sam", 'action "Book the room" --due 1 Dec').text
    assert "1 Dec 2026 is in the past" in said, said


def test_cjcg_words_after_a_deadline_are_neither_dropped_into_the_text_nor_made_an_option(chat: Chat) -> None:
    """CJCG, a vote between meetings and an action: bob's `motion "The plan goes to the SEND board" --closes 18 Dec
    at 12:00` was proposed as 'The plan goes to the SEND board at 12:00', closing at 17:00; '... 5pm GMT' after a
    weekday, day, month and year put 'GMT' into the motion; alice's poll closing '18 Dec 17:00 London' gained an
    option 'London'; sam's action due '18 Dec to the boards' became 'Circulate the plan to the boards'. A deadline
    may say 'at' before its time; other words after it, where the text is in quotes, are refused with the form
    that works, and nothing is recorded."""
    cjcg_with_two_items(chat)
    said = chat.ok("bob", 'motion "The plan goes to the SEND board" --closes 18 Dec at 12:00').text
    assert "Motion 1 is proposed: The plan goes to the SEND board\n" in said, said
    assert "Fri 18 Dec 2026, 12:00 GMT" in chat.ok("alice", "motion vote 1 --closes 18 Dec at 12:00").as_text()
    said = chat.ok("bob", 'motion "The plan goes to the ICB board" --closes Friday 18 December 2026 5pm GMT').text
    assert "Motion 2 is proposed: The plan goes to the ICB board\n" in said, said
    said = chat.refused("alice", 'poll "Which day suits?" "Mon" "Tue" --closes 18 Dec 17:00 London').text
    assert ("'London' follows --closes 18 Dec 17:00 but is not part of a date, and the text is in quotes, so I have "
            "not added it to the text. Give the date alone after --closes (`--closes 18 Dec 17:00`), and put any more "
            "text inside the quotes.") in said, said
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    said = chat.refused("sam", 'action "Circulate the plan" --due 18 Dec to the boards').text
    assert "'to the boards' follows --due 18 Dec but is not part of a date" in said, said
    assert "Open actions" not in chat.ok("sam", "actions").text
    assert "Poll 3" not in chat.ok("alice", "polls").text


def test_cjcg_a_deputy_or_guest_refused_another_meetings_record_is_told_the_number_of_their_own(chat: Chat) -> None:
    """CJCG 6.7-6.9 and 7.2: zed, dan's deputy for meeting 2, asking for `agenda` or `minutes 1`, and pat, a guest
    at meeting 1 asking for `agenda` once it had closed, were told to 'Give that meeting's number, e.g. `agenda N`',
    though neither may list the meetings to find it. They are told the meeting they may read, as a command to copy."""
    cjcg_with_two_items(chat)
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("sam", 'guest @pat --from "NHS England"')
    chat.ok("alice", "meeting close")
    chat.ok("sam", "meeting schedule 2027-02-04 10:00")
    chat.ok("dan", "deputy @zed --meeting 2")
    said = chat.refused("zed", "minutes 1").text
    assert "as a deputy you see the record only of the meeting you attend for a member: meeting 2 (`agenda 2`)." \
        in said, said
    assert "Give that meeting's number" not in said
    said = chat.refused("pat", "agenda").text
    assert "as a guest you see the record only of the meeting you attend: meeting 1 (`agenda 1`)." in said, said
    assert "Item 1: Joint action plan 2027-29" in chat.ok("pat", "agenda 1").as_text()


def test_cjcg_a_note_for_approved_minutes_is_refused_in_plain_words(chat: Chat) -> None:
    """CJCG 6.3 (the administrative support's note taking): sam, adding a note to item 1 after alice had approved
    meeting 1's minutes, was told 'a new the discussion note is refused'."""
    cjcg_with_two_items(chat)
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("alice", "meeting close")
    chat.ok("alice", "minutes approve 1")
    said = chat.refused("sam", 'minute "The plan was welcomed" --item 1').text
    assert "so its record is locked and a new discussion note is refused" in said, said
    said = chat.refused("sam", 'resolved "The plan is approved" --item 1').text
    assert "a new resolution is refused" in said, said


def test_lieg_a_meeting_set_on_a_weekend_is_told_its_own_number_to_cancel(chat: Chat) -> None:
    """LIEG 3.1 (the steering group plans the meetings and their venue) and 4.2 (hosted by member authorities):
    erin, scheduling meeting 1 for Sunday 10 Jan 2027, was told to cancel it with `meeting cancel N`, though the
    bot had just given it its number."""
    chat.load("lieg")
    said = chat.ok("erin", "meeting schedule 2027-01-10 10:00 --chair @erin").as_text()
    assert ("10 Jan 2027 is a Sunday; the ToR does not forbid it, but members may not expect a meeting then. To move "
            "it, cancel it with `meeting cancel 1` and schedule another day.") in said, said


def test_cjcg_quorum_names_who_is_present_but_not_counted(chat: Chat) -> None:
    """CJCG 6.4 ("quorate if three of its members are present") and 7.1 ("Other members/attendees will be co-opted
    as necessary"): with fin (the co-opted Finance Business Partner, without a vote), alice and bob present, alice's
    `quorum` said '2 members present, 3 needed' while the roll listed three present, and did not say who was not
    counted or why."""
    chat.load("cjcg")
    chat.ok("sam", "member add @fin --seat \"Finance Business Partner - Children's Services\"")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("fin", "here")
    chat.ok("bob", "here")
    said = chat.ok("alice", "quorum").as_text()
    assert "Meeting 1 is not quorate — 2 members present, 3 needed (ToR 6.4)." in said, said
    assert ("Present but not counted for the quorum, holding no vote: fin (Finance Business Partner - Children's "
            "Services) (ToR 6.4).") in said, said


def test_cjcg_help_says_when_interests_are_declared_and_how_the_chair_is_named(chat: Chat) -> None:
    """CJCG 6.5 ("declared and recorded at the beginning of each meeting") and 6.2 ("chaired by an agreed named
    member"): `help declare` in the CJCG's channel said nothing of the group's rule, and `help chair` offered
    `chair @bob` to copy, which the CJCG refuses without the group's agreement."""
    chat.load("cjcg")
    said = chat.ok("sam", "help declare").text
    assert "In Children's Joint Commissioning Group: Interests are declared and recorded at the start of each " \
           "meeting (ToR 6.5)." in said, said
    said = chat.ok("sam", "help chair").text
    assert 'e.g. `chair @bob --agreed "meeting of 12 Jan, minute 5"`' in said, said
    chat.ok("sam", 'chair @bob --agreed "meeting of 12 Jan, minute 5"')
