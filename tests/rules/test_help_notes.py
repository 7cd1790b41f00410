"""`help <command>` adds what the group's ToR says of that command: the table naming each command's act must name
commands that exist, or a renamed command would silently lose its group's clause."""

from __future__ import annotations

from bot.rules.help_notes import VERB_ACTS, VERB_WORDS
from bot.verbs import BY_NAME


def test_every_command_given_a_power_in_help_is_a_command() -> None:
    assert sorted(set(VERB_ACTS) - set(BY_NAME)) == []
    assert sorted(set(VERB_WORDS) - set(VERB_ACTS)) == []
