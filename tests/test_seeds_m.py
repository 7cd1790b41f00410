"""The five seeds played as their secretaries and chairs would in a first meeting: what a round of play found the bot
doing that the ToR does not allow, or saying unhelpfully, each fixed."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def test_a_date_typed_without_quotes_is_read_as_the_date_and_not_written_into_the_action_or_motion(
        chat: Chat) -> None:
    """CJCG 6.3, "Administrative support will be provided in terms of agendas, note taking and arrangements for
    meetings": sam recording an action due "18 Dec" recorded it as "Circulate the plan Dec", and a motion closing
    "2026-12-10 17:00" as "Approve the plan 17:00": the words of the date went into the record's text unasked."""
    chat.load("cjcg")
    said = chat.ok("sam", 'action "Circulate the plan" --owner @bob --due 18 Dec').as_text()
    assert "Action 1 recorded: Circulate the plan (owner bob, due 18 Dec 2026)." in said, said
    said = chat.ok("sam", "action Send the minutes to the boards --due 18 December 2026 --owner @bob").as_text()
    assert "Action 2 recorded: Send the minutes to the boards (owner bob, due 18 Dec 2026)." in said, said
    said = chat.ok("alice", 'motion "Approve the plan" --closes 2026-12-10 17:00').as_text()
    assert "Vote open on motion 1." in said and "Approve the plan 17:00" not in said, said
    assert "Closes: Thu 10 Dec 2026, 17:00 GMT" in said, said


def test_a_meeting_scheduled_with_its_date_in_words_is_scheduled_not_refused(chat: Chat) -> None:
    """CJCG 6.1 "will meet bi-monthly": `meeting schedule 10 December 2026 10:00`, as a secretary writes a date,
    was refused with "I did not expect '2026 10:00'"; the date had to be quoted or written 2026-12-10."""
    chat.load("cjcg")
    said = chat.ok("sam", "meeting schedule 10 December 2026 10:00").as_text()
    assert "Meeting 1 scheduled." in said and "When: Thu 10 Dec 2026, 10:00 GMT" in said, said
    said = chat.ok("sam", "meeting schedule 2pm Thursday 11 Feb 2027").as_text()
    assert "Meeting 2 scheduled." in said and "When: Thu 11 Feb 2027, 14:00 GMT" in said, said
    said = chat.refused("sam", "meeting schedule 2027-04-08").as_text()
    assert said.startswith("At what time? Say `meeting schedule "), said  # not "At what time?. Say"


def test_a_vote_without_its_number_lists_the_motions_open(chat: Chat) -> None:
    """CJCG: bob, voting as people say it, `vote for`, was told only "The poll is a number, not 'for'. Say `vote 3
    for`", with motion 1 the only one open; he is now told which are open, as `vote` alone already was."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    for who in ("bob", "carol"):
        chat.ok(who, "here")
    chat.ok("alice", 'motion "Approve the joint action plan"')
    said = chat.refused("bob", "vote for").as_text()
    assert "The poll is a number, not 'for'." in said, said
    assert 'Open polls and motions: 1 "Approve the joint action plan".' in said, said
