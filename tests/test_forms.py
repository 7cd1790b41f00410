"""The forms every platform draws: what each submitted set of values becomes, and what a form refuses itself."""

from __future__ import annotations

from typing import Any

import pytest

from bot.commands import Command, parse
from bot.conversation import respond_command
from bot.forms import DECLARE, FLAGS, FORMS, POLL, SCHEDULE, FieldError, Form
from bot.services.context import Place, Speaker
from bot.services.interests import NATURES
from tests.conftest import Chat


def refused(form: Form, given: dict[str, Any]) -> FieldError:
    with pytest.raises(FieldError) as raised:
        form.command(given)
    return raised.value


@pytest.mark.parametrize(("form", "given", "typed"), [
    (DECLARE, {"description": "  My employer bids for this contract ", "nature": "pecuniary", "item": "2"},
     'declare "My employer bids for this contract" --nature pecuniary --item 2'),
    (DECLARE, {"description": "", "none": ["none"], "nature": None, "meeting": "", "item": None}, "declare none"),
    (DECLARE, {"description": "A trustee", "meeting": "#3"}, 'declare "A trustee" --meeting 3'),
    (DECLARE, {"description": "", "none": "none"}, "declare none"),
    (DECLARE, {"description": "A trustee", "none": "no"}, 'declare "A trustee"'),
    (SCHEDULE, {"date": "2026-12-03", "time": "10:00", "where": " Teams "},
     'meeting schedule 2026-12-03 10:00 --where "Teams"'),
    (SCHEDULE, {"date": "2026-12-03", "time": "10:00", "where": None}, "meeting schedule 2026-12-03 10:00"),
    (POLL, {"question": "Next venue?", "choices": "Barnet\n\n  Camden \n", "flags": ["multi", "secret"],
            "closes_on": "2026-12-04", "closes_at": "12:00"},
     'poll "Next venue?" Barnet Camden --closes "2026-12-04 12:00" --secret --multi'),
    (POLL, {"question": "Next venue?", "choices": "Barnet\nCamden", "closes_on": "2026-12-04"},
     'poll "Next venue?" Barnet Camden --closes 2026-12-04'),
])
def test_a_filled_in_form_is_the_command_typed_out(form: Form, given: dict[str, Any], typed: str) -> None:
    assert form.command(given) == parse(typed)


def test_each_form_runs_the_verb_it_is_named_by() -> None:
    assert FORMS == {"declare": DECLARE, "meeting schedule": SCHEDULE, "poll": POLL}
    assert isinstance(POLL.command({"question": "Q", "choices": "a\nb"}), Command)


def test_the_natures_offered_are_the_cores() -> None:
    assert tuple(option.value for option in DECLARE.field("nature").options) == NATURES


def test_flag_values_are_distinct_from_every_field_name() -> None:
    """Teams submits each flag under its own value: none may shadow another field's value."""
    for form in FORMS.values():
        names = {field.name for field in form.fields}
        for field in form.fields:
            if field.kind == FLAGS:
                assert all(o.value not in names - {field.name} for o in field.options), form.verb


def test_a_number_that_is_not_one_is_refused_naming_the_field() -> None:
    error = refused(DECLARE, {"description": "A trustee", "item": "two"})
    assert error.field == "item"
    assert error.message == "“Agenda item number” should be a whole number, e.g. 2, not 'two'."
    assert refused(DECLARE, {"description": "A trustee", "meeting": "1.5"}).field == "meeting"


@pytest.mark.parametrize("given", [2, "2", 2.0, "2.0", "#2", " 2.00 "])
def test_a_whole_number_is_taken_however_it_is_written(given: object) -> None:
    """Some Teams clients send an Input.Number as a JSON number, 2 or 2.0, where others send the text "2"."""
    assert DECLARE.command({"description": "A trustee", "item": given}) == parse('declare "A trustee" --item 2')


@pytest.mark.parametrize(("given", "shown"), [(2.5, "2.5"), ("2.5", "2.5"), ("two", "two"), ("²", "²"),
                                              ("2.0.0", "2.0.0"), (-2, "-2"), (True, "True"), (1e20, "1e+20")])
def test_a_number_that_is_not_whole_is_refused_as_it_was_given(given: object, shown: str) -> None:
    error = refused(DECLARE, {"description": "A trustee", "item": given})
    assert (error.field, error.message) == ("item", f"“Agenda item number” should be a whole number, e.g. 2, "
                                                    f"not '{shown}'.")


def test_a_required_field_left_empty_says_what_would_work() -> None:
    error = refused(SCHEDULE, {"date": "2026-12-03", "time": " "})
    assert (error.field, error.message) == ("time", "Please fill in “Start time”: pick a time, e.g. 10:00.")
    assert refused(SCHEDULE, {"time": "10:00"}).message == "Please fill in “Date”: pick a day, e.g. 2026-12-03."
    assert refused(POLL, {"question": "", "choices": "a\nb"}).field == "question"


def test_a_declaration_is_an_interest_or_none_but_not_both() -> None:
    neither = refused(DECLARE, {"description": "", "none": []})
    assert neither.field == "description" and "tick “I have no interests to declare”" in neither.message
    both = refused(DECLARE, {"description": "A trustee", "none": ["none"]})
    assert both.field == "description" and "clear one of them" in both.message


def test_a_closing_time_needs_its_day() -> None:
    error = refused(POLL, {"question": "Q", "choices": "a\nb", "closes_at": "12:00"})
    assert error.field == "closes_on" and "pick the day the poll closes" in error.message


def test_what_the_form_leaves_to_the_core_is_refused_there_as_if_typed(chat: Chat) -> None:
    chat.load("cjcg")
    one_option = POLL.command({"question": "Next venue?", "choices": "Barnet"})
    typed = chat.refused("alice", 'poll "Next venue?" Barnet')
    by_form = respond_command(chat.sessions, Speaker("console", "alice", "alice"), Place("console", chat.channel),
                              one_option, chat.now)
    assert by_form.error and by_form.text == typed.text
