"""A second read of what landed on 7 Dec afternoon (seedsU1, seedsU2, leftovers13, attacks14): a ballot's options
that differ only in capitals of a Cyrillic or Greek word read the same again."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat

LONG = ("That the group recommends to the Board a national fostering recruitment campaign, funded from the "
        "reserve")


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


def test_a_long_motion_between_meetings_is_given_its_whole_text_to_copy_with_a_deadline(chat: Chat) -> None:
    """CSCPWG Operation, "Work will also be carried out via email in between meetings": bob, the chair, moving a
    recommendation of more than 80 characters between meetings without a deadline was told to say
    `motion "..." --closes "2023-03-08 17:00"`, which, copied, moves a motion reading '...'. The command carries the
    motion's whole text, as the refusal of a deadline does (45be005)."""
    from tests.test_seeds_t2 import cscpwg_chair_elected_with_a_substitute
    cscpwg_chair_elected_with_a_substitute(chat)
    chat.ok("bob", "meeting close")
    chat.now = dt.datetime(2023, 3, 1, 9, 0, tzinfo=dt.UTC)
    said = chat.refused("bob", f'motion "{LONG}"').text
    assert f'`motion "{LONG}" --closes "2023-03-08 17:00"`' in said, said
    chat.ok("bob", f'motion "{LONG}" --closes "2023-03-08 17:00"')
    assert LONG in chat.ok("bob", "polls").as_text()


def test_a_renewal_recorded_too_early_says_the_last_half_is_the_usual_practice(chat: Chat) -> None:
    """CJCG 6.2 says only "for an initial term of 12 months": nothing of when a renewal is agreed. bob's renewal a week
    after his naming was refused saying it 'is recorded in the last half of the term, from 1 Jun 2027: the ToR sets
    only an initial term of 12 months (ToR 6.2)', as if 6.2 set the window. The window is govbot's practice, so that
    one agreement adds one term, and is called that."""
    chat.load("cjcg")
    chat.ok("sam", 'chair @bob --agreed "meeting 2, minute 4"')
    chat.advance(days=7)
    said = chat.refused("sam", 'chair @bob --agreed "meeting 2, minute 5"').text
    assert said == ("bob's term as chair runs until 30 Nov 2027; nothing is changed. A renewal follows on from the "
                    "end of the term, so it is recorded in the last half of the term, from 1 Jun 2027, the usual "
                    "practice, so that one agreement adds one term; the ToR sets only an initial term of 12 months "
                    "(ToR 6.2)."), said
