"""What a button carries: its typed command as compact JSON with a kind tag and a version, read back into the same
typed command when pressed. Cards posted before buttons carried JSON hold the command's text; that is still read,
as typed text is, so old buttons keep working.

A payload comes back from a platform, so it is checked as strictly as typed text: the kind must be a verb the
grammar knows, each value of the kind its field takes and passing the same checks; anything else is refused
politely, never run and never a traceback."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from bot.commands import Command, as_text, check_text, coerce, parse
from bot.errors import UsageError
from bot.grammar import PersonRef, as_words, build
from bot.verbs import CLASS_OF

VERSION = 1


@dataclass(frozen=True)
class Pressed:
    """What a pressed button carried, not yet read: `decode` reads it."""

    payload: str


MAX_PAYLOAD_CHARS = 8000  # twice the longest command: a payload longer is no button's
UNREADABLE = ("That button could not be read: the card may be out of date, or its button was altered, so nothing "
              "was done. Type the command instead (say `help` for the list).")


def encode(command: Command) -> str:
    """`command` as a button's payload: `{"kind":"vote","v":1,"poll":3,"choice":["for"]}`."""
    data: dict[str, Any] = {"kind": command.verb, "v": VERSION}
    for _role, name, value in as_words(command):
        data[name] = [plain(v) for v in value] if isinstance(value, tuple) else plain(value)
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def plain(value: object) -> object:
    """A value as JSON holds it: a person as their mention, everything else as it is."""
    return value.as_token() if isinstance(value, PersonRef) else value


def decode(payload: str, today: dt.date | None = None) -> Command:
    """The typed command a pressed button carries: JSON from `encode`, or the text an older card carries.
    Raises UsageError, politely saying what to do instead, for a payload that cannot be read."""
    if not payload.lstrip().startswith(("{", "[")):  # no verb begins so: JSON, or what is left of it
        return parse(payload, today)  # a card posted before buttons carried typed commands
    if len(payload) > MAX_PAYLOAD_CHARS:
        raise UsageError(UNREADABLE)
    try:
        data = json.loads(payload)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than any command
        raise UsageError(UNREADABLE) from None
    # The kind is looked up by its word: a list or an object (unhashable) failed the lookup, and the command.
    if not isinstance(data, dict) or data.get("v") != VERSION or not isinstance(data.get("kind"), str) \
            or data["kind"] not in CLASS_OF:
        raise UsageError(UNREADABLE)
    try:
        return typed(data, today)
    except UsageError:
        raise UsageError(UNREADABLE) from None


def typed(data: dict[str, Any], today: dt.date | None) -> Command:
    """The command `data` describes, each value checked as the grammar checks a typed one."""
    cls = CLASS_OF[data["kind"]]
    verb = cls.spec
    known = {"kind", "v", *(a.name for a in verb.args), *verb.options}
    if set(data) - known:
        raise UsageError(UNREADABLE)
    args = {a.name: value(verb.name, a.name, a.kind, data[a.name], a.many, today) for a in verb.args if a.name in data}
    options = {name: value(verb.name, f"--{name}", kind, data[name], False, today)
               for name, kind in verb.options.items() if name in data}
    try:
        command = build(cls, args, options)
    except TypeError:  # a required argument left out
        raise UsageError(UNREADABLE) from None
    if command.verb == "poll":
        parse(as_text(command), today)  # a poll's wording is checked on its whole text, as when typed
    return command


def value(verb_name: str, name: str, kind: str, given: object, many: bool, today: dt.date | None) -> Any:
    """One JSON value, checked as the grammar checks the token that would say it."""
    if many:
        if not isinstance(given, list) or not given:
            raise UsageError(UNREADABLE)
        return [value(verb_name, name, kind, each, False, today) for each in given]
    if kind == "flag":
        if given is not True:
            raise UsageError(UNREADABLE)
        return True
    if kind == "occasion" and isinstance(given, int) and not isinstance(given, bool):
        given = str(given)  # a deputy's --meeting: a meeting's number, or next or standing
    if kind == "int" and (isinstance(given, bool) or not isinstance(given, int)):
        raise UsageError(UNREADABLE)
    if kind != "int" and not isinstance(given, str):
        raise UsageError(UNREADABLE)
    return coerce(CLASS_OF[verb_name].spec, name, kind, check_text(str(given)), today)
