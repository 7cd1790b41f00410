"""Words typed in realistic LCIIB meetings for a command govbot has under another name: each refusal now names the
command that does what was meant (suggested, never run)."""

from __future__ import annotations

import pytest

from tests.conftest import Chat


@pytest.mark.parametrize(("who", "text", "expected"), [
    # `here --for` records the speaker as a deputy for that member, so it is not offered for someone else's presence.
    ("sam", "present harry", "Each member records their own presence: harry says `here`."),
    ("sam", "schedule a meeting on 14 jan at 10am", "Did you mean `meeting schedule 14 jan 10am`?"),
    ("sam", "schedule a meeting", "Did you mean `meeting schedule <date> <time>`?"),
    ("alice", "aob", 'Did you mean `agenda add "AOB: the subject"`?'),
    ("dan", "done 1", "Did you mean `action 1 done`?"),
    ("sam", "minutes correct item 1: the board agreed the programme",
     'minute the item again (it replaces its note): `minute "the board agreed the programme" --item 1 --meeting N`'),
])
def test_a_command_typed_in_other_words_is_answered_with_the_command_meant(
        chat: Chat, who: str, text: str, expected: str) -> None:
    """Before: "I don't know 'present'. Did you mean `here`?", "Did you mean `meeting`?", "I don't know 'aob'.",
    "I don't know 'done'.", "The meeting is a number, not 'correct'. Say `minutes`."."""
    chat.load("lciib")
    said = chat.refused(who, text).as_text()
    assert expected in said, said


def test_present_alone_still_suggests_here(chat: Chat) -> None:
    chat.load("lciib")
    said = chat.refused("sam", "present").as_text()
    assert "Did you mean `here`?" in said, said
