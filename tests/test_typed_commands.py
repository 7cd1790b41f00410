"""Typed commands: text, forms and buttons all become one frozen dataclass per verb; a button carries its command as
versioned JSON and reads back the same command; a tampered payload is refused politely; help lists every command."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot.commands import as_text, help_text, parse
from bot.conversation import respond
from bot.errors import UsageError
from bot.grammar import PersonRef
from bot.payloads import UNREADABLE, Pressed, decode, encode
from bot.replies import Button, Reply
from bot.services.context import Place, Speaker
from bot.services.reminders import restored, stored
from bot.usage import example
from bot.verbs import COMMANDS, VERBS, Apologies, Declare, Deputy, MeetingOpen, Poll, Vote
from tests.conftest import Chat

TODAY = dt.date(2026, 12, 1)
EXAMPLES = [example(verb, TODAY) or "" for verb in VERBS]


def test_text_parses_once_into_the_verbs_dataclass() -> None:
    assert parse("vote 3 for --for <@U1|bob>") == Vote(poll=3, choice=("for",),
                                                       for_=PersonRef("U1", by_id=True, name="bob"))
    assert parse('poll "Next venue?" Barnet "Camden Town" --secret') == Poll(
        question="Next venue?", choices=("Barnet", "Camden Town"), secret=True)
    assert parse("apologies --meeting 2") == Apologies(meeting=2)
    assert parse("meeting open 4 --confirm") == MeetingOpen(meeting=4, confirm=True)


def test_a_deputys_meeting_is_typed_next_standing_or_a_number() -> None:
    assert parse("deputy @bob --meeting NEXT") == Deputy(person=PersonRef("bob", by_id=False), meeting="next")
    assert parse("deputy @bob --meeting standing") == Deputy(person=PersonRef("bob", by_id=False), meeting="standing")
    assert parse("deputy @bob --meeting 3") == Deputy(person=PersonRef("bob", by_id=False), meeting=3)
    bob = PersonRef("U1", by_id=True, name="bob")
    for nominated in (Deputy(person=bob, meeting=3), Deputy(person=bob, meeting="next"),
                      Deputy(person=bob, meeting="standing")):
        assert decode(encode(nominated)) == nominated
    with pytest.raises(UsageError) as refused:
        parse("deputy @bob --meeting soon")
    assert "--meeting takes next, a meeting number, or standing" in refused.value.message


@pytest.mark.parametrize("said", EXAMPLES, ids=[verb.name for verb in VERBS])
def test_every_verbs_example_is_its_class_and_survives_a_button_and_the_console(said: str) -> None:
    command = parse(said, TODAY)
    assert type(command).verb == said.split()[0] or said.startswith(type(command).verb)
    payload = encode(command)
    assert json.loads(payload)["kind"] == command.verb and json.loads(payload)["v"] == 1
    assert decode(payload, TODAY) == command
    assert parse(as_text(command), TODAY) == command


def test_a_card_posted_before_buttons_carried_json_still_runs_its_text() -> None:
    assert decode("vote 3 for") == Vote(poll=3, choice=("for",))
    assert decode("declare none") == Declare(description=("none",))
    assert decode("apologies --meeting 1") == Apologies(meeting=1)


@pytest.mark.parametrize("payload", [
    '{"kind":"vote","v":1,"poll":3',  # cut short
    '{"kind":"vote","v":2,"poll":3,"choice":["for"]}',  # a version this bot does not read
    '{"kind":"vote","poll":3,"choice":["for"]}',  # no version
    '{"kind":"frobnicate","v":1}',  # no such verb
    '{"kind":"meeting card","v":1,"record":1}',  # a card is read, never run: no such verb
    '{"kind":"vote","v":1,"poll":"3","choice":["for"]}',  # a number as text
    '{"kind":"vote","v":1,"poll":true,"choice":["for"]}',  # a number as a flag
    '{"kind":"vote","v":1,"poll":-3,"choice":["for"]}',
    '{"kind":"vote","v":1,"poll":3}',  # no choice
    '{"kind":"vote","v":1,"poll":3,"choice":[]}',
    '{"kind":"vote","v":1,"poll":3,"choice":["for"],"for":"bob"}',  # a person not named with @
    '{"kind":"vote","v":1,"poll":3,"choice":["for"],"as":"<@U1>"}',  # a key no vote has
    '{"kind":"poll","v":1,"question":"Q <!channel>","choices":["a","b"]}',  # a broadcast smuggled in
    '{"kind":"poll","v":1,"question":"Q","choices":["a","b"],"secret":"yes"}',
    '["vote", 3, "for"]',
    "[" * 3000,  # nested deeper than the JSON reader goes
    '{"kind":"declare","v":1,"description":["' + "x" * 9000 + '"]}',  # longer than any button
    "{}",
])
def test_a_tampered_or_unreadable_payload_is_refused_politely(payload: str) -> None:
    with pytest.raises(UsageError) as refused:
        decode(payload, TODAY)
    assert refused.value.message == UNREADABLE


def press(chat: Chat, who: str, payload: str) -> Reply:
    """`who` presses a button carrying `payload` in the chat's channel."""
    return respond(chat.sessions, Speaker(chat.platform, who, who), Place(chat.platform, chat.channel),
                   Pressed(payload), chat.now)


def test_a_tampered_button_pressed_in_a_channel_gets_a_polite_refusal_and_changes_nothing(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    refusal = press(chat, "bob", '{"kind":"apologies","v":1,"meeting":"1; drop table"}')
    assert refusal.error and refusal.private and refusal.text == UNREADABLE
    assert "Traceback" not in refusal.text
    assert "Apologies from bob" in press(chat, "bob", encode(Apologies(meeting=1))).text
    assert "Apologies from carol" in press(chat, "carol", "apologies --meeting 1").text  # a card posted before


def test_help_lists_every_command() -> None:
    listed = help_text([], TODAY)
    for command in COMMANDS:
        assert f"`{command.spec.usage}` — {command.spec.summary}" in listed
        assert command.spec.usage in help_text([command.verb], TODAY)


def test_a_reply_queued_in_the_outbox_before_keeps_its_buttons() -> None:
    queued_before = {"text": "Poll 3 is open", "buttons": [["For", "vote 3 for", "primary"],
                                                           ["Broken", '{"kind":"vote"', "default"]]}
    assert restored(queued_before).buttons == (Button("For", Vote(poll=3, choice=("for",)), "primary"),)
    card = Reply("Poll 3 is open", buttons=(Button("For", Vote(poll=3, choice=("for",)), "primary"),))
    assert restored(stored(card)) == card
