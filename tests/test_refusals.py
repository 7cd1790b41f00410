"""Every refusal the grammar gives says what was wrong and shows a command to copy, which the grammar accepts."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.commands import VERBS, Verb, parse
from bot.errors import UsageError
from bot.usage import example
from tests.conftest import Chat

TODAY = dt.date(2026, 12, 1)
COPY = re.compile(r"Say `([^`]+)`")


def malformed(verb: Verb) -> list[str]:
    """The ways a person gets `verb` wrong: each required argument left out, a word where a number or a person
    belongs, an unknown option, an option with no value, and text with spaces left unquoted."""
    shown = example(verb, TODAY)
    assert shown is not None
    tail = shown[len(verb.name):].split()
    attempts = [f"{verb.name} --nonsense 1"]
    if any(arg.required for arg in verb.args):
        attempts.append(verb.name)
    for arg in verb.args:
        if arg.kind == "int":
            attempts.append(f"{verb.name} abc")
        if arg.kind == "person":
            attempts.append(f"{verb.name} bob")
    for name, kind in verb.options.items():
        if kind != "flag":
            attempts.append(f"{shown} --{name}")
        if kind == "int":
            attempts.append(f"{shown} --{name} two")
        if kind == "person":
            attempts.append(f"{shown} --{name} bob")
    if verb.args and not verb.args[-1].many:
        attempts.append(" ".join([verb.name, *tail, "and", "more", "words"]))
    return attempts


def refusal_of(text: str) -> str | None:
    try:
        parse(text, TODAY)
    except UsageError as error:
        return error.message
    return None


@pytest.mark.parametrize("verb", VERBS, ids=lambda v: v.name)
def test_every_verb_has_an_example_the_grammar_accepts(verb: Verb) -> None:
    shown = example(verb, TODAY)
    assert shown is not None and parse(shown, TODAY).verb == verb.name


@pytest.mark.parametrize("verb", VERBS, ids=lambda v: v.name)
def test_every_refusal_shows_a_command_the_grammar_accepts(verb: Verb) -> None:
    refused = 0
    for text in malformed(verb):
        message = refusal_of(text)
        if message is None:  # some verbs take free text where another takes a number; that is not an error
            continue
        refused += 1
        copy = COPY.search(message)
        assert copy, f"{text!r} was refused without a command to copy: {message}"
        parse(copy.group(1), TODAY)  # raises if the command offered is not one the grammar accepts
    assert refused, f"no malformed form of {verb.name} was refused"


def test_a_missing_number_asks_which_and_lists_the_open_polls(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", 'poll "Venue for March?" "Civic Centre" "Online" --closes "2026-12-20 17:00"')
    chat.ok("alice", 'poll "Time?" "10:00" "14:00" --closes "2026-12-20 17:00"')  # one open: `poll close` closes it
    reply = chat.refused("alice", "poll close")
    assert reply.text.startswith("Which poll or motion? Give its number. Say `poll close 1`.")
    assert 'Open polls and motions: 1 "Venue for March?", 2 "Time?".' in reply.text


def test_a_confidential_groups_polls_are_not_listed_to_a_non_member(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", 'poll "Venue for March?" "Civic Centre" "Online" --closes "2026-12-20 17:00"')
    reply = chat.refused("zed", "poll close")
    assert "Which poll or motion?" in reply.text and "Venue" not in reply.text


def test_a_missing_meeting_lists_the_coming_ones(chat: Chat) -> None:
    chat.load("plpcp")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    reply = chat.refused("alice", "meeting cancel")
    assert "Which meeting? Give its number. Say `meeting cancel 1`." in reply.text
    assert "Coming meetings: 1 (Thu 10 Dec 2026, 10:00 GMT)." in reply.text


def test_a_word_where_a_person_belongs_says_how_to_name_one(chat: Chat) -> None:
    chat.load("plpcp")
    reply = chat.refused("alice", "member remove bob")
    assert "Name the person with @ in front (on Slack or Teams, pick them from the @ menu). Say `member remove @bob`." \
        == reply.text
