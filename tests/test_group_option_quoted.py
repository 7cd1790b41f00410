"""`--group` chooses a group only where it is an option, not where it is part of quoted text. It was read anywhere in
a command and taken out of it: an action "Write to the --group cjcg leads about respite" was recorded as "Write to
the leads about respite", in the record and the minutes, without a word; and in a direct chat the words inside a
motion's quotes chose its group. On every platform (Slack and Teams over real HTTP)."""

from __future__ import annotations

from bot.conversation import respond
from bot.services.context import Place, Speaker
from tests.conftest import Chat
from tests.platform_chats import Speaking

QUOTED = "Write to the --group cjcg leads about respite"


def test_group_named_inside_quoted_text_is_recorded_as_typed(platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cjcg")
    said = chat.ok("alice", f'action "{QUOTED}"').text
    assert f"recorded: {QUOTED} (" in said, said
    assert "Write to the --group lieg leads" in chat.ok("alice", 'action "Write to the --group lieg leads"').text


def test_in_a_direct_chat_the_option_outside_the_quotes_chooses_the_group(chat: Chat) -> None:
    chat.load("cjcg")
    chat.load("lieg", channel="lieg")
    said = respond(chat.sessions, Speaker("console", "alice", "alice"), Place("console", "alice", direct=True),
                   'action "Ask --group lieg for its view" --group cjcg', chat.now).text
    assert "Ask --group lieg for its view" in said and "Action 1 recorded" in said, said
