"""A person suggested in a command to copy is named so that the command, pasted back, names that one person: a
name of several words (`Bob Jones`) was written `@Bob Jones`, which the grammar reads as `@Bob` and a stray word,
so the copy named somebody else (the console made a new person `Bob`) or was refused. It is written
`@"Bob Jones"` now, which every platform reads back as the person of that name."""

from __future__ import annotations

import re

import pytest

from bot.commands import as_text, parse
from bot.errors import UsageError
from bot.grammar import mention
from bot.identity import Place
from tests import loaded
from tests.conftest import Chat, example
from tests.platform_chats import Speaking, at, named_holders

BOBS_SEAT = "Specialist and Complex SEND Placement and HNB Commissioning"


def copied(said: str, starting: str) -> str:
    """The command in backticks (in bold on Teams) that starts with `starting`."""
    found = [c for c in re.findall(r"`([^`]+)`|\*\*(.+?)\*\*", said) for c in c if c.startswith(starting)]
    assert found, said
    return found[0]


def load_with_bob_jones(chat: Speaking | Chat, group: str = "cjcg") -> None:
    """The group with bob's seat held in the name the ToR file gives him, Bob Jones, bound to the channel."""
    if chat.platform == "console":
        text = example(group).read_text(encoding="utf-8").replace("holder: bob", "holder: {id: bob, name: Bob Jones}")
    else:
        text = named_holders(group, chat.platform, chat.account).replace("name: bob}", "name: Bob Jones}")
    loaded.load(chat.sessions, text, chat.now, Place(chat.platform, chat.channel, group))


def test_removing_a_seat_holder_named_in_two_words_as_suggested(platform_chat: Speaking) -> None:
    chat = platform_chat
    load_with_bob_jones(chat)
    said = chat.refused("sam", f'member add @zed --seat "{BOBS_SEAT}" --agreed "minute 4"').text
    command = copied(said, "member remove")
    assert command == 'member remove @"Bob Jones"', said
    said = chat.ok("sam", command).text
    assert "Bob Jones" in said, said
    said = chat.ok("sam", f'member add @zed --seat "{BOBS_SEAT}" --agreed "minute 5"').text
    assert "zed" in said, said


def test_a_deputy_attends_for_the_member_named_in_two_words_as_suggested(platform_chat: Speaking) -> None:
    chat = platform_chat
    load_with_bob_jones(chat)
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", "deputy @zed --meeting next")
    chat.ok("carol", "deputy @zed --meeting next")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    said = chat.refused("zed", "here").text
    command = copied(said, 'here --for @"')
    assert command == 'here --for @"Bob Jones"', said
    said = chat.ok("zed", command).text
    assert "attending as deputy for Bob Jones" in said, said


def test_a_guest_named_in_two_words_is_recorded_as_suggested(chat: Chat) -> None:
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.now = chat.now.replace(day=10, hour=10)
    chat.ok("alice", "meeting open")
    said = chat.refused("Zed Smith", "here").text
    command = copied(said, "guest")
    assert command == 'guest @"Zed Smith" --from "organisation"', said
    said = chat.ok("alice", command.replace('"organisation"', '"Essex"')).text
    assert "Zed Smith" in said and "guest" in said, said


def test_a_deputy_named_in_two_words_is_named_and_attends_as_suggested(chat: Chat) -> None:
    """LIEG 2.4: Zed Smith, named by nobody, is told how a member names them; named, and voting before attending,
    is told how to attend in Bob Jones's place. Each command, pasted, does it."""
    load_with_bob_jones(chat, "lieg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.now = chat.now.replace(day=10, hour=10)
    chat.ok("alice", "meeting open")
    command = copied(chat.refused("Zed Smith", "here").text, "deputy")
    assert command == 'deputy @"Zed Smith"', command
    chat.ok("bob", command)
    chat.ok("alice", 'poll "Which evening suits?" "Mon" "Wed"')
    command = copied(chat.refused("Zed Smith", "vote 1 1").text, "here")
    assert command == 'here --for @"Bob Jones"', command
    assert "attending as deputy for Bob Jones" in chat.ok("Zed Smith", command).text


def test_a_standing_deputy_named_in_two_words_as_suggested(chat: Chat) -> None:
    """LIEG 2.4: naming a deputy with no meeting scheduled suggests naming them a standing deputy."""
    chat.load("lieg")
    command = copied(chat.refused("bob", 'deputy @"Zed Smith"').text, "deputy")
    assert command == 'deputy @"Zed Smith" --meeting standing', command
    said = chat.ok("bob", command).text
    assert "Zed Smith" in said and "standing" in said, said


@pytest.mark.parametrize("name", ["bob", "Bob Jones", "Seán O'Brien", 'Bob "BJ" Jones', "bob(chair)", "a\\b"])
def test_every_name_as_suggested_reads_back_as_that_name(name: str) -> None:
    command = parse(f"member remove {mention(name)}")
    assert command.person.value == name  # type: ignore[attr-defined]
    assert parse(as_text(command)) == command
    assert mention(name) == "@bob" if name == "bob" else mention(name).startswith('@"')


def test_a_handle_with_a_stray_mark_is_still_refused_and_quoted_text_keeps_its_at() -> None:
    with pytest.raises(UsageError, match="goes in quotes after the @"):
        parse("member remove @bob+")
    assert parse("member remove @bob,").person.value == "bob"  # type: ignore[attr-defined]  # a sentence's mark
    assert parse('motion Thank @"Bob Jones"').text == ("Thank", "@Bob Jones")  # type: ignore[attr-defined]


def test_a_quoted_name_where_no_person_goes_is_echoed_as_typed() -> None:
    with pytest.raises(UsageError) as refused:
        parse('vote @"1" for')
    assert "\x00" not in str(refused.value) and "'@1'" in str(refused.value), str(refused.value)
