"""An action recorded at a meeting and marked done before it closed was minuted as if still open ("Action 1: ...
— owner: bob"), while `actions` no longer listed it: the minutes say it was done at the meeting. One done after the
close is the next meeting's matter arising, not a change to these minutes."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import meeting_opened


def plpcp_meeting(chat: Chat) -> None:
    meeting_opened(chat, "plpcp", "bob")
    chat.ok("sam", 'action "Circulate the dashboard" --owner @bob')
    chat.ok("sam", 'action "Draft the report" --owner @carol')


def test_plpcp_an_action_done_at_the_meeting_is_minuted_done(chat: Chat) -> None:
    plpcp_meeting(chat)
    chat.refused("dan", "action done 1")  # neither its owner, the chair nor the secretariat (the usual practice)
    chat.ok("bob", "action done 1")
    chat.advance(minutes=30)
    chat.ok("alice", "meeting close")
    chat.advance(days=1)
    chat.ok("carol", "action done 2")  # after the close
    minutes = chat.ok("alice", "minutes 1").text
    assert ("- **Action 1**: Circulate the dashboard — owner: bob (North London sub-region); done at the meeting\n"
            in minutes), minutes
    assert "- **Action 2**: Draft the report — owner: carol (East London sub-region)\n" in minutes, minutes
