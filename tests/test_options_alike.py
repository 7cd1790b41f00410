"""A poll's options must look different, not only be different. Options differing only in characters that do not
show (a zero-width space, a soft hyphen, a direction mark) or in a character's width ("Ｙes") were taken as different:
the ballot showed two options, and two buttons, reading the same, and the votes of those who meant one were split
between them. Refused on every platform (Slack and Teams over real HTTP), saying which options look the same."""

from __future__ import annotations

import pytest

from tests.platform_chats import Speaking

ALIKE = [
    ("Barnet", "Bar\u200bnet"),  # a zero-width space
    ("Barnet", "Bar\u00adnet"),  # a soft hyphen
    ("Barnet", "\u200eBarnet"),  # a left-to-right mark
    ("Barnet", "Ｂarnet"),  # a full-width letter
    ("Barnet", "Barnet\u2060"),  # a word joiner
]


@pytest.mark.parametrize(("one", "other"), ALIKE, ids=["zero-width space", "soft hyphen", "direction mark",
                                                        "full-width", "word joiner"])
def test_options_that_look_the_same_are_refused(platform_chat: Speaking, one: str, other: str) -> None:
    chat = platform_chat
    chat.load("cjcg")
    said = chat.refused("alice", f'poll "Where shall we meet?" "{one}" "{other}" "Online" --closes "2026-12-08 17:00"').text
    assert "options 1 and 2 differ only in capitals, width, characters that do not show" in said, said


LOOKALIKE_LETTERS = [
    ("Approve", "\u0410pprove"),  # a Cyrillic capital A
    ("Barnet", "\u0412arnet"),  # a Cyrillic capital VE, which shows as B
    ("Camden", "Camd\u0435n"),  # a Cyrillic small IE
    ("Online", "\u039fnline"),  # a Greek capital OMICRON
    ("Top", "\u0422\u043e\u0440"),  # all three Cyrillic
]


@pytest.mark.parametrize(("one", "other"), LOOKALIKE_LETTERS,
                         ids=["cyrillic A", "cyrillic VE", "cyrillic ie", "greek omicron", "all cyrillic"])
def test_options_with_lookalike_letters_from_another_alphabet_are_refused(platform_chat: Speaking, one: str,
                                                                          other: str) -> None:
    chat = platform_chat
    chat.load("cjcg")
    said = chat.refused("alice", f'poll "Shall we?" "{one}" "{other}" --closes "2026-12-08 17:00"').text
    assert "options 1 and 2 differ only in" in said and "letters from another alphabet" in said, said


def test_options_in_cyrillic_and_greek_that_differ_are_still_different(platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("alice", 'poll "\u0413\u0434\u0435?" "\u0414\u0430" "\u041d\u0435\u0442" "\u0412\u043e\u0437\u0434\u0435\u0440\u0436\u0430\u043b\u0441\u044f" '
                     '--closes "2026-12-08 17:00"')  # Да, Нет, Воздержался
    chat.ok("alice", 'poll "\u03a0\u03bf\u03cd;" "\u039d\u03b1\u03b9" "\u038c\u03c7\u03b9" --closes "2026-12-08 17:00"')  # Ναι, Όχι


def test_options_in_scripts_that_join_with_invisible_characters_are_still_different(platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("alice", 'poll "Which flag?" "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F" '
                     '"\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F" --closes "2026-12-08 17:00"')
    chat.ok("alice", 'poll "Which name?" "می\u200cخواهم" "میخواهم" --closes "2026-12-08 17:00"')  # Persian: the joiner tells two words apart
