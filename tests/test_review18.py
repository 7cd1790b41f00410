"""Second read of the minutes' chair (bot/records/chair_then.py): the chair a meeting's minutes name."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at
from tests.test_chair_then import chair_line as chair_read
from tests.test_chair_then import held


def chair_line(chat: Chat, number: int) -> str:
    return chair_read(chat, number, "carol")


def test_lciib_minutes_name_the_chair_seat_holder_of_the_day_after_the_seat_changed_hands(chat: Chat) -> None:
    """LCIIB Membership: the chair is a seat ('Chair (a Chief Executive)'). alice chaired meeting 1; mia took the
    seat on 1 Feb and chaired meeting 2. Each meeting's minutes name its own chair."""
    chat.load("lciib")
    held(chat, "alice", "2026-12-10", ("bob", "carol", "dan", "erin", "frank", "grace"))
    at(chat, "2027-02-01", "10:00")
    chat.ok("sam", "member remove @alice")
    chat.ok("sam", 'member add @mia --seat "Chair (a Chief Executive)"')
    held(chat, "mia", "2027-03-10", ("bob", "carol", "dan", "erin", "frank", "grace"))
    assert chair_line(chat, 1).startswith("- **Chair:** alice")
    assert chair_line(chat, 2).startswith("- **Chair:** mia")



def test_cjcg_minutes_keep_the_chair_of_the_day_after_the_chair_changed_twice(chat: Chat) -> None:
    """CJCG 6.2: alice chaired meeting 1 on 10 Dec, then left; mia was seated as chair on 1 Feb (no naming); bob
    was named chair on 1 Mar. The naming recorded mia as the chair before it, and meeting 1's minutes read
    'Chair: mia', who joined the group after it."""
    chat.load("cjcg")
    held(chat, "alice", "2026-12-10", ("bob", "carol", "dan"))
    at(chat, "2027-02-01", "10:00")
    chat.ok("sam", "member remove @alice")
    chat.ok("sam", 'member add @mia --seat "Children\'s Commissioning" --role chair --agreed "meeting of 1 Feb"')
    at(chat, "2027-03-01", "10:00")
    chat.ok("sam", 'chair @bob --agreed "meeting of 1 Mar"')
    assert chair_line(chat, 1).startswith("- **Chair:** alice")
