"""The forms every platform offers (declare an interest, schedule a meeting, create a poll): their fields, and the
typed command a filled-in form stands for.

A platform draws each field its own way (a Slack datepicker, a Teams Input.Date) and hands back each value by the
field's name. What the command then asks is checked by the core exactly as if it had been typed, so a form only
refuses what is about the form itself: a number that is not one, a field left empty, two fields that disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.commands import BROADCAST, CONTROL, Command
from bot.errors import UsageError
from bot.services.interests import NATURES
from bot.verbs import Declare, MeetingSchedule, Poll

# Kinds of field: each platform has an input for each.
TEXT, MULTILINE, DATE, TIME, NUMBER, CHOICE, FLAGS = "text", "multiline", "date", "time", "number", "choice", "flags"
# What would work, for a field of each kind left empty or filled in wrongly.
ADVICE = {TEXT: "write it in", MULTILINE: "write it in", DATE: "pick a day, e.g. 2026-12-03",
          TIME: "pick a time, e.g. 10:00", NUMBER: "give a whole number, e.g. 2", CHOICE: "pick one",
          FLAGS: "tick one"}
MAX_NUMBER_DIGITS = 9  # as a typed number: longer is no meeting or item anyone holds


@dataclass(frozen=True)
class Option:
    """One of a choice's or flags field's options: the value submitted, and what a person reads."""

    value: str
    label: str


@dataclass(frozen=True)
class Field:
    """One input of a form; its value comes back under `name`. A flags field's options are ticked one by one."""

    name: str
    label: str
    kind: str = TEXT
    optional: bool = False
    hint: str = ""
    options: tuple[Option, ...] = ()
    max_length: int | None = None

    def missing(self) -> str:
        """What to say when the field is required and left empty."""
        return f"Please fill in “{self.label}”: {ADVICE[self.kind]}."


class FieldError(UsageError):
    """A value a form cannot take; `field` names the input, so a platform can show the message beside it."""

    def __init__(self, field: Field, message: str) -> None:
        super().__init__(message)
        self.field = field.name


class Values:
    """The values a person submitted, read field by field as each field's kind says."""

    def __init__(self, form: Form, given: Mapping[str, Any]) -> None:
        self.form, self.given = form, given

    def text(self, name: str) -> str:
        """The field's text, trimmed; "" for an optional field left empty. Raises FieldError for a required one."""
        field = self.form.field(name)
        value = self.given.get(name)
        text = "" if value is None else str(value).strip()
        if not text and not field.optional:
            raise FieldError(field, field.missing())
        # As typed text is checked (commands.check_text): a control character kept in the record made every later
        # Word or PDF copy of the minutes fail, and a direction override shows the text other than it reads.
        if CONTROL.search(text):
            raise FieldError(field, f"“{field.label}” has control characters in it; type it again as plain text.")
        if BROADCAST.search(text):
            raise FieldError(field, f"govbot does not pass on @channel, @here or @everyone; leave it out of "
                                    f"“{field.label}”.")
        return text

    def lines(self, name: str) -> list[str]:
        """The field's non-empty lines, each trimmed."""
        return [line.strip() for line in self.text(name).splitlines() if line.strip()]

    def number(self, name: str) -> int | None:
        """The field's whole number, or None when left empty: 2, "2", "#2", and 2.0 or "2.0" (some Teams clients
        send an Input.Number as a JSON number with a fraction). Raises FieldError for anything else, 2.5 or "two"."""
        text = self.text(name).removeprefix("#")
        if not text:
            return None
        whole, _, fraction = text.partition(".")
        # isdecimal, not isdigit: "²" is a digit that int() refuses.
        if not whole.isdecimal() or len(whole) > MAX_NUMBER_DIGITS or fraction.strip("0"):
            field = self.form.field(name)
            raise FieldError(field, f"“{field.label}” should be a whole number, e.g. 2, not '{text[:40]}'.")
        return int(whole)

    def flags(self, name: str) -> set[str]:
        """The values of the options ticked in the field."""
        given = self.given.get(name) or ()
        ticked = {given} if isinstance(given, str) else set(given)  # one value, or a list of them
        return {option.value for option in self.form.field(name).options if option.value in ticked}


@dataclass(frozen=True)
class Form:
    """A form: what it is called, its fields in order, and how its values become the command `verb`."""

    verb: str
    title: str
    submit: str
    fields: tuple[Field, ...]
    build: Callable[[Values], Command]

    def field(self, name: str) -> Field:
        return next(field for field in self.fields if field.name == name)

    def command(self, given: Mapping[str, Any]) -> Command:
        """The command `given` stands for: each field's value by name (text, or for a flags field the values ticked;
        None or empty when left blank). Raises FieldError, naming the field and what would work, for a value the
        form cannot take; everything else is the core's to check."""
        return self.build(Values(self, given))


def _declaration(values: Values) -> Command:
    none = "none" in values.flags("none")
    description = values.text("description")
    if none and description:
        raise FieldError(values.form.field("description"), "You ticked “I have no interests to declare” and also "
                         "described an interest; clear one of them.")
    if not none and not description:
        raise FieldError(values.form.field("description"), "Please describe the interest, or tick “I have no "
                         "interests to declare”.")
    return Declare(description=("none" if none else description,), nature=values.text("nature") or None,
                   meeting=values.number("meeting"), item=values.number("item"))


def _meeting(values: Values) -> Command:
    return MeetingSchedule(date=values.text("date"), time=values.text("time"), where=values.text("where") or None)


def _poll(values: Values) -> Command:
    flags = values.flags("flags")
    day, time = values.text("closes_on"), values.text("closes_at")
    if time and not day:
        raise FieldError(values.form.field("closes_on"), "Please pick the day the poll closes as well as the time, "
                         "or clear “Closes at” to leave the poll open until the chair closes it.")
    return Poll(question=values.text("question"), choices=tuple(values.lines("choices")),
                closes=f"{day} {time}".strip() if day else None, secret="secret" in flags, multi="multi" in flags)


DECLARE = Form("declare", "Declare an interest", "Declare", (
    Field("description", "The interest", MULTILINE, optional=True, max_length=2000,
          hint="e.g. My sister manages a provider bidding under item 2"),
    Field("none", "No interests", FLAGS, optional=True,
          options=(Option("none", "I have no interests to declare"),)),
    Field("nature", "Nature", CHOICE, optional=True, options=tuple(Option(n, n.capitalize()) for n in NATURES)),
    Field("meeting", "Meeting number", NUMBER, optional=True, hint="Leave empty for the open or next meeting."),
    Field("item", "Agenda item number", NUMBER, optional=True),
), _declaration)

SCHEDULE = Form("meeting schedule", "Schedule a meeting", "Schedule", (
    Field("date", "Date", DATE),
    Field("time", "Start time", TIME, hint="In the group's time zone."),
    Field("where", "Where", optional=True, max_length=500, hint="A room, or a link to the call."),
), _meeting)

POLL = Form("poll", "Create a poll", "Open poll", (
    Field("question", "Question", max_length=2000),
    Field("choices", "Options, one per line", MULTILINE, hint="Between 2 and 10 options."),
    Field("flags", "Ballot", FLAGS, optional=True, options=(
        Option("secret", "Secret ballot"), Option("multi", "Members may pick several options"))),
    Field("closes_on", "Closes on", DATE, optional=True, hint="Leave empty to keep the poll open until it is closed."),
    Field("closes_at", "Closes at", TIME, optional=True, hint="In the group's time zone; 17:00 if left empty."),
), _poll)

FORMS = {form.verb: form for form in (DECLARE, SCHEDULE, POLL)}
