"""The command grammar: typed commands from text, and clear errors for anything else."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.commands import VERBS, PersonRef, help_text, parse
from bot.errors import DomainError, UsageError
from bot.verbs import Declare, Deputy, Help, MeetingOpen, Motion, Poll, PollClose


def test_quoted_text_options_and_people() -> None:
    command = parse('declare "My spouse works for Acme" --item 2 --nature pecuniary')
    assert command == Declare(description=("My spouse works for Acme",), item=2, nature="pecuniary")
    assert parse("deputy <@U123|bob> --meeting next") == Deputy(person=PersonRef("U123", by_id=True, name="bob"),
                                                                 meeting="next")
    assert parse("deputy <@U123>") == Deputy(person=PersonRef("U123", by_id=True))
    assert parse("/gov deputy @bob") == Deputy(person=PersonRef("bob", by_id=False))


def test_smart_quotes_from_phones_and_word_processors_are_plain_quotes() -> None:
    assert parse("motion \u201cApprove the plan\u201d") == Motion(text=("Approve the plan",))


def test_two_word_verbs_win_over_one_word_verbs() -> None:
    assert parse("meeting open") == MeetingOpen()
    assert parse("poll close 3") == PollClose(poll=3)
    assert parse('poll "Venue?" "Barnet" "Camden" --secret') == Poll(question="Venue?", choices=("Barnet", "Camden"),
                                                                     secret=True)


def test_empty_text_is_help() -> None:
    assert parse("") == Help()
    assert parse("gov") == Help()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("frobnicate", "I don't know 'frobnicate'"),
        ("meetng open", "Did you mean `meeting`?"),
        ('interest declare "my employer bids"', "Did you mean `declare`?"),
        ("conflict of interest on item 2", "Did you mean `declare`?"),
        ("attend", "Did you mean `here`?"),
        ("apology sick", "Did you mean `apologies`?"),
        ("motions", "Did you mean `polls`?"),
        ('declare "unclosed', "A quote is not closed"),
        ("vote three for", "The poll is a number, not 'three'. Say `vote 3 for`."),
        ("deputy bob", "Name the person with @ in front (on Slack or Teams, pick them from the @ menu). Say `deputy @bob`."),
        ("meeting schedule 2026-12-03", "At what time?"),
        ("quorum --now", "`quorum` has no option --now"),
        ("declare x --item", "--item needs a value"),
        ("members everyone", "I did not expect 'everyone' after `members`"),
        ("x" * 40_000, "a command can be at most 4,000"),
        ("declare \x00bad\x07", "control characters"),
        ("declare <!channel> look", "does not pass on @channel"),
        ("motion \"ping @here now\"", "does not pass on @channel"),
        ("help frobnicate", "There is no command 'frobnicate'"),
    ],
)
def test_bad_input_gets_a_short_clear_error(text: str, expected: str) -> None:
    with pytest.raises(UsageError) as caught:
        command = parse(text)
        if isinstance(command, Help):
            help_text(list(command.topic), dt.date(2026, 12, 1))
    assert expected in caught.value.message
    assert len(caught.value.message) < 400


def test_help_for_one_verb_shows_usage_and_example() -> None:
    text = help_text(["deputy"], dt.date(2026, 12, 1))
    assert "`deputy @person [--for @member]" in text and "e.g. `deputy @bob --meeting next`" in text


def test_every_verb_has_usage_and_summary() -> None:
    for verb in VERBS:
        assert verb.usage.startswith(verb.name) and verb.summary


@settings(max_examples=400)
@given(st.text(max_size=300))
def test_random_text_never_raises_anything_but_a_domain_error(text: str) -> None:
    try:
        parse(text)
    except DomainError as error:
        assert error.message


@settings(max_examples=300)
@given(st.lists(st.sampled_from([v.name for v in VERBS] + ["--item", "--for", "@bob", "<@U1>", '"', "3", "x",
                                                         "--meeting", "--closes", "-", "--"]), max_size=8))
def test_random_command_shaped_text_never_raises_anything_but_a_domain_error(words: list[str]) -> None:
    try:
        parse(" ".join(words))
    except DomainError as error:
        assert error.message


def test_quoted_text_that_starts_with_two_dashes_is_text_not_an_option() -> None:
    # Found by tests/slack/test_round_trip.py: `motion "--0"` was refused as an unknown option --0.
    assert parse('motion "--0"') == Motion(text=("--0",))
    assert parse("declare '--draft' --item 2") == Declare(description=("--draft",), item=2)
    with pytest.raises(UsageError, match="has no option --draft"):
        parse("declare x --draft")
    with pytest.raises(UsageError, match="I don't know '--x'"):
        parse('"--x"')
