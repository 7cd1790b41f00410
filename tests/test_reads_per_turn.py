"""What a turn reads does not grow with the group: `members` read each seat's person on its own (fifteen statements
for CJCG's thirteen seats), and the attendance register each member again for every meeting they were recorded at."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event

from tests.conftest import Chat
from tests.platform_chats import at, meeting_opened


def statements(engine: Engine, chat: Chat, who: str, text: str) -> int:
    """How many SQL statements `text`, said by `who`, sent."""
    sent: list[Any] = []

    def counted(*args: Any) -> None:
        sent.append(args)

    event.listen(engine, "before_cursor_execute", counted)
    try:
        chat.ok(who, text)
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    return len(sent)


def test_members_reads_as_many_statements_whoever_holds_the_seats(engine: Engine, chat: Chat) -> None:
    chat.load("cjcg")
    full = statements(engine, chat, "alice", "members")
    chat.ok("alice", "member remove @dan")
    chat.ok("alice", "member remove @erin")
    assert "vacant" in chat.ok("alice", "members").as_text()
    assert statements(engine, chat, "alice", "members") == full


def test_the_attendance_register_reads_as_many_statements_for_two_meetings_as_for_one(engine: Engine,
                                                                                     chat: Chat) -> None:
    meeting_opened(chat, "cjcg", "bob", "carol")
    chat.ok("alice", "meeting close")
    one = statements(engine, chat, "alice", "attendance register")
    chat.ok("sam", "meeting schedule 2026-12-17 10:00")
    at(chat, "2026-12-17", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("alice", "meeting close")
    assert "Meeting 2" in chat.ok("alice", "attendance register").as_text()
    assert statements(engine, chat, "alice", "attendance register") == one


def test_the_minutes_read_no_tally_for_a_motion_moved_and_not_put_to_the_vote(engine: Engine, chat: Chat) -> None:
    """A motion moved at a meeting and not voted on there has no tally, no next step and no interest line in its
    minutes; each such motion was still tallied, and its next step and interests read, and the result dropped."""
    meeting_opened(chat, "cjcg", "bob", "carol")
    chat.ok("bob", 'motion "That the group meets monthly"')
    one = statements(engine, chat, "alice", "minutes")
    chat.ok("bob", 'motion "That the group meets in Barnet"')
    assert "That the group meets in Barnet" in chat.ok("alice", "minutes").as_text()
    assert statements(engine, chat, "alice", "minutes") == one
