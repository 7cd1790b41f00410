"""Actions agreed at a meeting appear in its minutes with their owner and due date."""

from __future__ import annotations

from tests.conftest import Chat


def test_actions_are_recorded_at_the_meeting_and_minuted(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --minutes @sam")
    chat.ok("alice", 'agenda add "SEND placements procurement"')
    chat.ok("alice", "meeting open --confirm")
    assert "Only the chair, the secretariat or the meeting's minute-taker can record actions (ToR 6.3)." in \
        chat.refused("bob", 'action "Write to the ICB"').text
    assert "--due 30 Nov 2026 is in the past" in chat.refused("sam", 'action "Late" --due 2026-11-30').text
    assert "Meeting 1 has no item 4" in chat.refused("sam", 'action "x" --item 4').text
    first = chat.ok("sam", 'action "Circulate the tender timetable" --owner @bob --due 2027-01-15 --item 1')
    assert first.text == "Action 1 recorded: Circulate the tender timetable (owner bob, due 15 Jan 2027)."
    chat.ok("alice", 'action "Book the February venue"')
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "meeting minutes 1").text
    assert "- **Action 1** (item 1): Circulate the tender timetable — owner: bob (Southend City Council); due 15 Jan 2027" in minutes
    assert "- **Action 2**: Book the February venue — owner: not recorded" in minutes
    chat.advance(days=60)
    assert ("Action 1", "Circulate the tender timetable — bob, due 15 Jan 2027 (overdue)") in \
        chat.ok("carol", "actions").fields
    assert "Only the action's owner, the chair or the secretariat can mark action 1 done" in \
        chat.refused("carol", "action done 1").text
    chat.ok("bob", "action done 1")
    assert [label for label, _ in chat.ok("carol", "actions").fields] == ["Action 2"]
    assert "There is no action 9" in chat.refused("bob", "action done 9").text
