"""Second read of the minutes' chair (bot/records/chair_then.py): the chair a meeting's minutes name."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at
from tests.test_chair_then import chair_line


def held(chat: Chat, chair: str, day: str, present: tuple[str, ...]) -> None:
    chat.ok(chair, f"meeting schedule {day} 10:00")
    at(chat, day, "10:00")
    chat.ok(chair, "meeting open")
    for who in present:
        chat.ok(who, "here")
    chat.ok(chair, "meeting close")


def test_lciib_minutes_name_the_chair_seat_holder_of_the_day_after_the_seat_changed_hands(chat: Chat) -> None:
    """LCIIB Membership: the chair is a seat ('Chair (a Chief Executive)'). alice chaired meeting 1; mia took the
    seat on 1 Feb and chaired meeting 2. Each meeting's minutes name its own chair."""
    chat.load("lciib")
    held(chat, "alice", "2026-12-10", ("bob", "carol", "dan", "erin", "frank", "grace"))
    at(chat, "2027-02-01", "10:00")
    chat.ok("sam", "member remove @alice")
    chat.ok("sam", 'member add @mia --seat "Chair (a Chief Executive)"')
    held(chat, "mia", "2027-03-10", ("bob", "carol", "dan", "erin", "frank", "grace"))
    print(chair_line(chat, 1), chair_line(chat, 2))
    assert chair_line(chat, 1).startswith("- **Chair:** alice")
    assert chair_line(chat, 2).startswith("- **Chair:** mia")
