"""A second read of what landed on 7 Dec afternoon (seedsU1, seedsU2, leftovers13, attacks14): a ballot's options
that differ only in capitals of a Cyrillic or Greek word read the same again."""

from __future__ import annotations

from tests.conftest import Chat


def test_options_of_a_cyrillic_ballot_that_differ_only_in_capitals_are_refused(chat: Chat) -> None:
    """A ballot whose two options differ only in capitals was refused ('differ only in capitals'), the members'
    votes otherwise split between two buttons that say the same. Mapping Cyrillic and Greek capitals to the Latin
    letters they show as (`Н` as `H`) made 'Нет' and 'нет' two different options, as 'Ναι' and 'ναι' were: each
    letter of a word now reads the same in either case."""
    chat.load("lciib")
    for options in ('"Да" "Нет" "нет"', '"Ναι" "ναι"', '"Кот" "кот"'):
        said = chat.refused("alice", f'poll "Вопрос" {options} --closes "2026-12-08 17:00"').text
        assert "differ only in capitals" in said, said
    chat.ok("alice", 'poll "Вопрос" "Да" "Нет" --closes "2026-12-08 17:00"')  # an all-Cyrillic ballot still runs
    # a Cyrillic А beside a Latin A still reads the same
    chat.refused("alice", 'poll "Approve?" "Approve" "Аpprove" --closes "2026-12-08 17:00"')
