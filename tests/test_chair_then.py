"""The chair in a meeting's minutes is the one who chaired the group then, not whoever holds the chair when the
minutes are read: the chair is a role on a seat, changed in place by the next naming or election."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import at


def chair_line(chat: Chat, number: int, reader: str = "alice") -> str:
    """The Chair line of meeting `number`'s minutes, as `reader` asks for them."""
    minutes = chat.ok(reader, f"minutes {number}").as_text()
    return next(line for line in minutes.splitlines() if line.startswith("- **Chair:**"))


def held(chat: Chat, chair: str, day: str, present: tuple[str, ...]) -> None:
    """A CJCG meeting on `day` at 10:00, scheduled, opened and closed by `chair` with `present` there."""
    chat.ok(chair, f"meeting schedule {day} 10:00")
    at(chat, day, "10:00")
    chat.ok(chair, "meeting open")
    for who in present:
        chat.ok(who, "here")
    chat.ok(chair, "meeting close")


def test_cjcg_minutes_of_a_meeting_alice_chaired_still_name_her_once_bob_is_named_chair(chat: Chat) -> None:
    """CJCG 6.2: alice chaired meeting 1 on 10 Dec; bob, named chair on 20 Dec with the group's agreement, read
    as the chair of meeting 1 in its draft minutes (which the next meeting approves)."""
    chat.load("cjcg")
    held(chat, "alice", "2026-12-10", ("bob", "carol", "dan"))
    assert chair_line(chat, 1) == "- **Chair:** alice (Southend City Council)"
    at(chat, "2026-12-20", "10:00")
    chat.ok("alice", 'chair @bob --agreed "meeting of 10 Dec, minute 4"')
    assert chair_line(chat, 1) == "- **Chair:** alice (Southend City Council)"
    held(chat, "bob", "2027-01-14", ("alice", "carol", "dan"))
    assert chair_line(chat, 2) == "- **Chair:** bob (Southend City Council)"
    assert chair_line(chat, 1) == "- **Chair:** alice (Southend City Council)"


def test_cscpwg_the_chair_elected_at_the_first_meeting_stays_its_chair_after_a_later_election(chat: Chat) -> None:
    """CSCPWG Governance ("will elect a chair at its first meeting"): bob, elected at meeting 1, is its chair in
    its minutes after alice is elected at meeting 2."""
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    for number, (day, chair, winner) in enumerate((("2023-02-07", "sam", "bob"), ("2023-05-09", "bob", "alice")), 1):
        chat.ok("sam", f"meeting schedule {day} 14:00")
        at(chat, day, "14:00")
        chat.ok(chair, "meeting open")
        for member in ("alice", "bob", "carol", "dan"):
            chat.ok(member, "here")
        chat.ok(chair, 'poll "Chair" "alice" "bob"')
        for member in ("alice", "bob", "carol", "dan"):
            chat.ok(member, f"vote {number} {winner}")
        chat.ok(chair, f"poll close {number}")
        chat.ok("sam", f"chair @{winner} --poll {number}")
        chat.ok(winner, "meeting close")
    assert chair_line(chat, 2) == ("- **Chair:** bob (Labour group) until alice (Conservative group) was elected "
                                   "chair by poll 2 (ToR Governance); then alice (Conservative group)")
    assert chair_line(chat, 1) == ("- **Chair:** sam (LGA) until bob (Labour group) was elected chair by poll 1 (ToR "
                                   "Governance); then bob (Labour group)")
