"""A meeting read as the secretary reads it on each platform (platform_chat): the meeting's card follows everyone
the roll records, however they came to be recorded, and a press that changes nothing is answered to the presser
alone, not posted for the whole channel."""

from __future__ import annotations

from tests.platform_chats import Said, Speaking, at


def opened(chat: Speaking) -> Said:
    """CJCG's meeting of 10 Dec 2026 at 10:00, scheduled by sam the week before and opened by alice (the chair):
    the open meeting's card, with its buttons."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    return chat.ok("alice", "meeting open")


def test_pressing_no_interests_records_the_member_present_and_the_meetings_card_shows_them(
        platform_chat: Speaking) -> None:
    chat = platform_chat
    card = opened(chat)
    said = chat.press("erin", "No interests to declare", card)
    assert "You are recorded present at meeting 1" in said.text
    if (shown := chat.card_now(card, showing="erin")) is not None:  # the card posted in the channel
        assert "Present: alice, erin" in shown, shown


def test_a_second_here_is_answered_to_the_presser_alone(platform_chat: Speaking) -> None:
    chat = platform_chat
    card = opened(chat)
    chat.press("bob", "Here", card)
    before = len(chat.posted())
    said = chat.press("bob", "Here", card)
    assert "bob is already recorded present." in said.text
    assert not any("already recorded present" in message for message in chat.posted()[before:])


def test_a_chair_ballot_of_candidates_picked_from_the_at_menu_names_them_on_its_buttons(
        platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cscpwg")
    at(chat, "2023-01-05", "09:00")
    chat.ok("sam", "meeting schedule 2023-01-12 10:00")
    at(chat, "2023-01-12", "10:00")
    chat.ok("sam", "meeting open")
    for member in ("alice", "bob", "carol"):
        chat.ok(member, "here")
    ballot = chat.ok("sam", 'poll "Chair" @alice @bob')  # on Slack and Teams, each picked from the @ menu
    assert {"alice", "bob"} <= set(ballot.buttons), ballot.buttons
    assert "<@" not in ballot.text and "<at>" not in ballot.text
    chat.press("alice", "bob", ballot)
    chat.press("bob", "bob", ballot)
    chat.press("carol", "alice", ballot)
    chat.ok("sam", "poll close 1")
    assert "bob is elected chair at meeting 1, by poll 1" in chat.ok("sam", "chair @bob --poll 1").text


def test_a_motion_naming_someone_picked_from_the_at_menu_names_them_in_its_cards_heading(
        platform_chat: Speaking) -> None:
    chat = platform_chat
    card = opened(chat)
    for member in ("bob", "carol"):
        chat.press(member, "Here", card)
    motion = chat.ok("alice", 'motion "Thank @bob for chairing the review"')  # bob picked from the @ menu
    heading = motion.text.splitlines()[0] if chat.platform != "teams" else motion.text
    assert "Thank bob for chairing the review" in heading or "Thank @bob for chairing the review" in heading, \
        motion.text
    assert "<@" not in motion.text and "<at>" not in motion.text, motion.text


def test_attendance_asked_after_the_meeting_says_where_the_attendance_is(platform_chat: Speaking) -> None:
    chat = platform_chat
    card = opened(chat)
    chat.press("bob", "Here", card)
    chat.advance(minutes=60)
    chat.ok("alice", "meeting close")
    said = chat.refused("sam", "attendance")
    assert "No meeting is open or scheduled" in said.text
    assert "attendance register" in said.text and "shows who attended each meeting held" in said.text, said.text


def test_the_meeting_card_posted_when_it_was_scheduled_does_not_go_on_showing_a_stale_roll(
        platform_chat: Speaking) -> None:
    """Slack updates the one card in place; Teams posts the meeting's card again in the thread it is opened in,
    and the copy above must then say it is no longer kept up to date, rather than show the roll as it was then
    with live buttons."""
    chat = platform_chat
    chat.load("cjcg")
    scheduled = chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    opened = chat.ok("alice", "meeting open")
    chat.press("bob", "Here", opened)
    if (first := chat.card_now(scheduled, showing="")) is None:
        return  # the console posts no card to keep
    assert "Present: alice, bob" in first or "no longer updated" in first, first
