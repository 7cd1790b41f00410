"""The five seeds met again as their clerks, chairs, members and deputies would: what the meetings still found the bot
saying or allowing that the ToR does not, each fixed (after tests/test_seeds_p2.py)."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at, meeting_opened  # noqa: F401


def test_lieg_a_member_recording_the_report_is_told_the_co_chairs_report_under_6_1(chat: Chat) -> None:
    """LIEG 6.1, "The Co-chairs of LIEG will represent LIEG at meetings of the ... CS-NPIMG": frank, recording the
    report as made, was told 'the ToR does not say who may, so this is the usual practice', though 6.1 names the
    co-chairs."""
    chat.load("lieg")
    said = chat.refused("frank", "report done").text
    assert "does not say who may" not in said, said
    assert said.startswith("Only the co-chairs, who represent the group at CS-NPIMG, can record the report "
                           "(ToR 6.1). Ask alice or bob."), said
    assert "Report to CS-NPIMG recorded as made" in chat.ok("bob", "report done").text


def test_lciib_the_roll_at_the_close_marks_a_co_opted_member_non_voting_as_the_minutes_do(chat: Chat) -> None:
    """LCIIB Membership, "DCS leads for London's priority themes will be co-opted to attend as required" (the seat
    votes not): the card at the close listed yusuf under Present like any member of the board, while the minutes
    said 'co-opted, non-voting (ToR Membership)'."""
    chat.load("lciib")
    chat.ok("sam", 'member add @yusuf --seat "DCS lead for a priority theme" --agreed "meeting of 12 Jan, minute 5"')
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    for member in ("bob", "yusuf"):
        chat.ok(member, "here")
    said = chat.ok("alice", "meeting close").as_text()
    assert "Present: alice, bob, yusuf (co-opted, non-voting; ToR Membership)\n" in said, said
