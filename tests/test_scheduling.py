"""A meeting submitted twice is scheduled once; a second meeting the same day is scheduled with a note of the first."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from tests.conftest import Chat
from tests.test_authorisation import audit_count


def test_the_same_meeting_submitted_twice_is_scheduled_once(chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.load("cjcg")
    chat.ok("alice", 'meeting schedule 2026-12-10 10:00 --where "Civic Centre"')
    before = audit_count(sessions)
    assert chat.refused("alice", 'meeting schedule 2026-12-10 10:00 --where "Civic Centre"').text == (
        "Meeting 1 is already scheduled for Thu 10 Dec 2026, 10:00 GMT, so I have not scheduled another at the same "
        "time. Say `meetings` to see it, or `meeting cancel 1` if the new one replaces it.")
    assert audit_count(sessions) == before
    assert [label for label, _ in chat.ok("alice", "meetings").fields] == ["Meeting 1"]


def test_a_time_a_few_minutes_off_is_taken_for_the_same_meeting(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    assert chat.refused("alice", "meeting schedule 2026-12-10 10:10").text == (
        "Meeting 1 is already scheduled for Thu 10 Dec 2026, 10:00 GMT, 10 minutes from the time you gave; a group "
        "holds one meeting at a time, so I have not scheduled another. Say `meetings` to see it, or "
        "`meeting cancel 1` if the new one replaces it.")
    chat.ok("alice", "meeting cancel 1")
    assert chat.ok("alice", "meeting schedule 2026-12-10 10:10").text == "Meeting 2 scheduled."


def test_an_open_meeting_is_named_with_how_to_close_it(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open --confirm")
    assert chat.refused("alice", "meeting schedule 2026-12-01 09:35").text.endswith(
        "Say `meetings` to see it, or `meeting close` when it ends.")


def test_another_meeting_later_the_same_day_is_scheduled_with_a_note_of_the_first(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    reply = chat.ok("alice", "meeting schedule 2026-12-10 14:00")
    assert reply.text == "Meeting 2 scheduled."
    assert reply.notices == ("Meeting 1 is on the same day, at Thu 10 Dec 2026, 10:00 GMT; if this one replaces it, "
                             "cancel it with `meeting cancel 1`.",)
    next_day = chat.ok("alice", "meeting schedule 2026-12-11 10:00").notices  # noted only against the cadence (6.1)
    assert [note[:9] for note in next_day] == ["Cadence: "], next_day
