"""What people type at the end of a sentence, and the advice a refusal gives, read as they meant it: a date
followed by a full stop, the example for ending a group, a poll's options typed after its deadline."""

from __future__ import annotations

import pytest

from tests.conftest import Chat


@pytest.mark.parametrize("mark", [".", ",", ";", "!"])
def test_a_deadline_ending_a_sentence_is_read_as_the_deadline(chat: Chat, mark: str) -> None:
    """`--closes 18 Dec 4pm.` was refused: '4pm.' was not read as a time, so it was 'not part of a date'."""
    chat.load("cjcg")
    said = chat.ok("alice", f'motion "Approve the budget" --closes 18 Dec 4pm{mark}').as_text()
    assert "Closes: Fri 18 Dec 2026, 16:00 GMT" in said, said
    said = chat.ok("alice", f'poll "Which evening suits?" "Mon" "Wed" --closes 2026-12-19{mark}').as_text()
    assert "Closes: Sat 19 Dec 2026, 17:00 GMT" in said, said
    said = chat.ok("alice", f'action "Write the report" --owner @bob --due 18 Dec{mark}').as_text()
    assert "18 Dec" in said and f"Dec{mark}" not in said, said


def test_other_dates_ending_a_sentence_are_read_as_without_the_mark(chat: Chat) -> None:
    chat.load("cjcg")
    said = chat.ok("sam", "meeting schedule 2026-12-17 10:00.").as_text()
    assert "When: Thu 17 Dec 2026, 10:00 GMT" in said, said
    assert chat.ok("bob", "interests --since 2026-04-01.").as_text() == \
        chat.ok("bob", "interests --since 2026-04-01").as_text()


def test_the_example_for_ending_a_group_names_no_other_groups_body(chat: Chat) -> None:
    """CJCG's ToR is silent on ending early, and the refusal's example named "Leaders' Committee", which is
    not CJCG's (nor any seed group's) body."""
    chat.load("cjcg")
    said = chat.refused("alice", "group end").as_text()
    assert "Leaders" not in said, said
    assert '`group end --agreed "reference"`' in said, said


def test_options_typed_after_a_deadline_are_advised_in_a_command_that_works(chat: Chat) -> None:
    """`poll "Which evening suits?" --closes Friday Mon Wed`: the weekdays were read as more of the deadline,
    and the reply asked "What are the options?" with an example about venues. It now says what it read and
    gives the poll with its options quoted, which is accepted as given."""
    chat.load("cjcg")
    said = chat.refused("alice", 'poll "Which evening suits?" --closes 18 Dec Mon Wed').as_text()
    assert "'18 Dec Mon Wed' after --closes" in said and "Barnet" not in said, said
    fixed = said.split("`")[1]
    assert fixed == 'poll "Which evening suits?" "Mon" "Wed" --closes 18 Dec', said
    assert "Poll 1 is open" in chat.ok("alice", fixed).as_text()
    said = chat.refused("alice", 'poll "Which evening suits?" --closes Friday Mon Wed').as_text()
    fixed = said.split("`")[1]
    assert fixed == 'poll "Which evening suits?" "Mon" "Wed" --closes Friday', said
    assert "Poll 2 is open" in chat.ok("alice", fixed).as_text()
