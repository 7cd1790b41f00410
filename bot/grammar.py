"""How a command describes itself to the grammar: each command is a frozen dataclass whose fields say which are
positional arguments and which are --options, of what kind; its verb, usage line, summary and example are declared
with it. The grammar's table of verbs (`bot.verbs`) is derived from these classes, so there is one source of truth."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from bot.terms_powers import Act

HANDLE = re.compile(r"^[\w.\-]{0,79}[\w\-]$")  # a handle typed as it is: `@bob`, `@bob.jones`; not `@J.R.`, whose
# stop would be read as the sentence's (bot.typed_words.HANDLE)
ROLE = "grammar"  # the key of a field's metadata: ("arg", Arg) or ("option", name, kind)


@dataclass(frozen=True)
class PersonRef:
    """A person named in a command: by platform id (`<@U123>`) or by handle (`@alice`)."""

    value: str
    by_id: bool
    name: str | None = None  # the display name a platform sends with a mention (`<@U123|bob>`), if any

    def __str__(self) -> str:
        return f"<@{self.value}>" if self.by_id else f"@{self.value}"

    def as_token(self) -> str:
        """The token that names this person again, display name and all: `<@U123|bob>`, `@alice`,
        `@"Bob Jones"`."""
        if self.by_id and self.name:
            return f"<@{self.value}|{self.name}>"
        return str(self) if self.by_id else mention(self.value)


def mention(name: str) -> str:
    """How a person called `name` is named in a command to copy, so that it reads back as them: `@bob`, and a
    name of several words or with other marks in quotes, `@"Bob Jones"` (`@Bob Jones` reads as `@Bob` and a
    stray word)."""
    if HANDLE.match(name):
        return f"@{name}"
    return '@"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class Arg:
    name: str
    kind: str = "text"  # text | person | int | word
    required: bool = True
    many: bool = False


@dataclass(frozen=True)
class Verb:
    name: str
    usage: str
    summary: str
    args: tuple[Arg, ...] = ()
    options: dict[str, str] = field(default_factory=dict)  # name -> kind (text | when | person | int | flag | occasion)
    example: str = ""  # {next_week} and {year_start} stand for dates valid on the day help is asked for
    act: Act | None = None  # the ToR power the command needs, where the ToR's powers decide who may use it
    act_words: str = ""  # what `help` says the power is for, where the act's own words would mislead


@dataclass(frozen=True, kw_only=True)
class Command:
    """A command a person gives the bot, typed, from a form or from a button. Each verb is a subclass; one that
    changes the record under a power of the ToR names it as `act`, which its use case checks and `help` explains."""

    verb: ClassVar[str] = ""
    spec: ClassVar[Verb]
    act: ClassVar[Act | None] = None
    act_words: ClassVar[str] = ""


def arg(kind: str = "text", *, required: bool = True, many: bool = False) -> Any:
    """A positional argument. A required one has no default; an optional one is None, or () when `many`."""
    metadata = {ROLE: ("arg", kind, required, many)}
    if required:
        return field(metadata=metadata)
    if many:
        return field(default=(), metadata=metadata)
    return field(default=None, metadata=metadata)


def option(kind: str = "text", name: str | None = None) -> Any:
    """A --option (`name` when the field's own name is a Python keyword, e.g. `for_` is --for). A flag is False when
    not given, any other option None."""
    return field(default=False if kind == "flag" else None, metadata={ROLE: ("option", kind, name)})


C = TypeVar("C", bound=type[Command])


def described(name: str, usage: str, summary: str, example: str = "") -> Callable[[C], C]:
    """Declare a command class's verb, usage line, summary and example; its arguments and options come from its
    fields. Put it above @dataclass."""

    def describe(cls: C) -> C:
        cls.verb = name
        cls.spec = Verb(name, usage, summary, tuple(args_of(cls)), dict(options_of(cls).values()), example,
                        cls.act, cls.act_words)
        return cls

    return describe


def args_of(cls: type[Command]) -> list[Arg]:
    found = []
    for each in dataclasses.fields(cls):
        role = each.metadata.get(ROLE)
        if role and role[0] == "arg":
            found.append(Arg(each.name, role[1], role[2], role[3]))
    return found


def options_of(cls: type[Command]) -> dict[str, tuple[str, str]]:
    """Field name -> (option name, kind)."""
    found = {}
    for each in dataclasses.fields(cls):
        role = each.metadata.get(ROLE)
        if role and role[0] == "option":
            found[each.name] = (role[2] or each.name, role[1])
    return found


def build(cls: type[Command], args: Mapping[str, Any], options: Mapping[str, Any]) -> Command:
    """The command of class `cls` from its arguments (by name) and options (by option name), already checked."""
    values: dict[str, Any] = {name: tuple(value) if isinstance(value, list) else value
                              for name, value in args.items() if value is not None}
    for field_name, (option_name, _kind) in options_of(cls).items():
        if options.get(option_name) is not None:
            values[field_name] = options[option_name]
    return cls(**values)


def as_words(command: Command) -> list[tuple[str, str, Any]]:
    """What `command` says, in grammar order: ("arg", name, value) and ("option", name, value), defaults left out."""
    said: list[tuple[str, str, Any]] = []
    for each in type(command).spec.args:
        value = getattr(command, each.name)
        if value is not None and value != ():
            said.append(("arg", each.name, value))
    for field_name, (option_name, _kind) in options_of(type(command)).items():
        value = getattr(command, field_name)
        if value is not None and value is not False:
            said.append(("option", option_name, value))
    return said
