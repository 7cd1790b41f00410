"""The command grammar shared by every platform: text in, a typed command (a frozen dataclass of bot.verbs) out,
the text that says a typed command again, and the help that describes them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from bot import trailing_options, usage, verb_words
from bot.date_words import date_run, joined_date_and_time, options_in_deadline, retyped, stray_refusal, stray_words
from bot.errors import UsageError
from bot.grammar import Command as Command
from bot.grammar import PersonRef as PersonRef
from bot.grammar import as_words, build
from bot.poll_wording import check_poll_words
from bot.rules.time_of_day import SENTENCE_END
from bot.typed_words import QUOTED_DASHES as QUOTED_DASHES
from bot.typed_words import QUOTED_NAME, person_ref
from bot.typed_words import SMART_QUOTES as SMART_QUOTES
from bot.typed_words import tokenize as tokenize
from bot.usage import example, missing, name_with_spaces, number_named, option_meant, say_instead, unmentioned
from bot.verb_words import SYNONYMS, VERB_WORDS
from bot.verbs import BY_NAME as BY_NAME
from bot.verbs import CLASS_OF, Help
from bot.verbs import VERBS as VERBS
from bot.verbs import Arg as Arg
from bot.verbs import Verb as Verb

MAX_COMMAND_CHARS = 4000
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
BROADCAST = re.compile(r"<!(channel|here|everyone|subteam\^[^>]*)[^>]*>|(?<![\w@])@(channel|here|everyone)\b", re.I)
# A sentence's stop after the last word (`here.`, `vote 1 For.`, `alternate @nadia.`) is not part of it.
STOP = SENTENCE_END


def check_text(text: str) -> str:
    """Refuse text no command should carry: too long, control characters, broadcast mentions."""
    if len(text) > MAX_COMMAND_CHARS:
        raise UsageError(f"That is {len(text):,} characters; a command can be at most {MAX_COMMAND_CHARS:,}. "
                         "Shorten it, or put long text in a document and link to it.")
    if CONTROL.search(text):
        raise UsageError("That text has control characters in it; type it again as plain text.")
    if BROADCAST.search(text):
        raise UsageError("govbot does not pass on @channel, @here or @everyone; leave it out and the "
                         "group channel still sees what is recorded.")
    return text


def parse(text: str, today: dt.date | None = None) -> Command:
    """Parse `text` (with or without a leading `gov`, `/gov` or `!gov`) into its typed command.

    Raises UsageError saying what was wrong with an example to copy (its dates after `today`, when given), or a
    hint for an unknown verb.
    """
    return parsed(text, today)


# The same words on the same day are the same command, a frozen value: a crowd sending `vote 1 for` parses it once.
# (A refusal is not kept: it is raised again each time.)
@lru_cache(maxsize=256)
def parsed(text: str, today: dt.date | None) -> Command:
    try:
        return read(tokenize(check_text(text)), text, today)
    except UsageError as refused:  # what it quotes of the command, as typed: `@"Bob Jones"` without its mark
        raise UsageError(str(refused).replace(QUOTED_NAME, "@"), missing=refused.missing) from None


def read(tokens: list[str], text: str, today: dt.date | None) -> Command:
    if tokens and tokens[0].casefold() in ("gov", "/gov", "!gov"):
        tokens = tokens[1:]
    if not tokens:
        return Help()
    words = [t.removeprefix(QUOTED_DASHES).casefold().rstrip(STOP) for t in tokens]
    words[0] = VERB_WORDS.get(words[0], words[0])
    tokens, words = verb_words.in_order(tokens, words)
    if meant := verb_words.meant(tokens, words):  # `casting vote for`: the one vote open is the one meant
        raise UsageError(meant, missing="poll" if words[0] == "casting" and not any(map(str.isdigit, words)) else None)
    verb = BY_NAME.get(" ".join(words[:2])) if len(words) > 1 else None
    taken = 2
    if verb is None:
        verb, taken = BY_NAME.get(words[0]), 1
    if verb is None:
        typed = [token.removeprefix(QUOTED_DASHES).rstrip(STOP) or token for token in tokens[:2]]  # `meeting.`
        raise UsageError(f"{verb_words.unknown(typed, words, BY_NAME)}Say `help` for the list of commands.",
                         missing="poll" if SYNONYMS.get(words[0], "").startswith("vote N") else None)
    command = bind(verb, trailing_options.dashed(verb, tokens[taken:]), today)
    if verb.name == "poll":
        check_poll_words(text.translate(SMART_QUOTES), frozenset(n for n, k in verb.options.items() if k != "flag"))
    return command


def suggest(word: str) -> str:
    return verb_words.suggest(word, BY_NAME)


def bind(verb: Verb, tokens: list[str], today: dt.date | None = None) -> Command:
    positional: list[str] = []
    options: dict[str, Any] = {}
    index, quoted_text, stray, deadlines, said = 0, False, "", [], []  # said: the options, as typed
    while index < len(tokens):
        token = tokens[index]
        if token.startswith(QUOTED_DASHES):
            positional.append(token.removeprefix(QUOTED_DASHES))
            quoted_text = True
        elif token.startswith("--") and len(token) > 2:
            name = token[2:].casefold().rstrip(STOP)  # `group end --motion 1 --confirm.`
            kind = verb.options.get(name)
            said += [f"--{name}"]
            if kind is None:
                raise UsageError(usage.no_option(verb, name, list(verb.options), today))
            if kind == "flag":
                options[name] = True
            else:
                if index + 1 >= len(tokens):
                    raise UsageError(f"--{name} needs a value after it. {say_instead(verb, today)}")
                index += 1  # a date's words after its option are one value (`--due 18 Dec`), not the motion's
                words = date_run(tokens, index) if kind == "when" else 1
                deadlines += [(f"--{name}", index, words)] if kind == "when" else []
                value = " ".join(tokens[index:index + words]).removeprefix(QUOTED_DASHES)
                if kind == "when" and not stray and (after := stray_words(tokens, index + words, QUOTED_DASHES)):
                    stray = stray_refusal(f"--{name}", value, after, today)
                options[name], index = coerce(verb, f"--{name}", kind, value, today), index + words - 1
                said += [retyped(token, QUOTED_DASHES) for token in tokens[index - words + 1:index + 1]]
        else:
            positional.append(token)
        index += 1
    if stray and quoted_text:  # `motion "Approve" --closes 18 Dec noon`: not 'Approve noon'
        raise UsageError(stray)
    positional = joined_date_and_time(positional, [arg.name for arg in verb.args])  # `10 Dec 2026 10:00`
    try:
        return build(CLASS_OF[verb.name], bind_positional(verb, positional, today, said), options)
    except UsageError as refused:
        retold = [options_in_deadline(name, tokens, at, words, today, QUOTED_DASHES)
                  for name, at, words in deadlines] if \
            refused.missing == "choices" else []
        raise UsageError(next(filter(None, retold), str(refused)), missing=refused.missing) from None


def bind_positional(verb: Verb, positional: list[str], today: dt.date | None = None,
                    said: Sequence[str] = ()) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for position, arg in enumerate(verb.args):
        if arg.many:
            rest = [t for t in positional[position:] if arg.kind != "person" or t.casefold() not in ("and", "&")]
            # `here for dan`: an option's name without its dashes, not a person named `for`
            if arg.kind == "person" and (meant := option_meant(verb.name, verb.options, positional[:position], rest)):
                raise UsageError(f"I did not expect '{' '.join(rest)[:60]}' after `{verb.name}`; {meant}")
            if arg.required and not rest:
                raise missing(verb, arg.name, today, values)
            values[arg.name] = [coerce(verb, arg.name, arg.kind, t, today) for t in rest]
            return values
        if position >= len(positional):
            if arg.required:
                raise missing(verb, arg.name, today, values)
            values[arg.name] = None
            continue
        if arg.kind == "int":  # `minutes approve meeting 1`
            number_named(verb.name, arg.name, positional, position, said)
        values[arg.name] = coerce(verb, arg.name, arg.kind, positional[position], today)
    if len(positional) > len(verb.args):
        given, more = positional[:len(verb.args)], positional[len(verb.args):]
        unexpected = f"I did not expect '{' '.join(more)[:60]}' after `{verb.name}`; "
        meant = option_meant(verb.name, verb.options, [*given, *said], more)  # `group end --motion 1 confirm`
        raise UsageError(name_with_spaces(verb.name, given, more, said) or unexpected + (
            meant or f"put text with spaces in quotes. {say_instead(verb, today)}"))
    return values


def coerce(verb: Verb, name: str, kind: str, token: str, today: dt.date | None = None) -> Any:
    label = name if name.startswith("--") else f"The {name.replace('_', ' ')}"
    if kind != "person":  # `@"Bob Jones"` where no person is named: the words as typed, but for the quotes
        token = token.replace(QUOTED_NAME, "@")
    if kind == "person":
        ref = person_ref(token)
        if ref is None:
            raise UsageError(unmentioned(verb, name, token, today) or f"{label} names a person with @ (the "
                             f"@-picker), not '{token[:40]}'. {say_instead(verb, today)}")
        return ref
    if kind == "int":
        digits = token.removeprefix("#").rstrip(STOP)
        # isdecimal, not isdigit: '²' is a digit that int() refuses (a failure, not a refusal, until it was this).
        if not digits.isdecimal() or len(digits) > 9:
            raise UsageError(f"{label} is a number, not '{token[:40]}'. {say_instead(verb, today)}",
                             missing=None if name.startswith("--") else name)  # `vote for`: the open ones
        return int(digits)
    if kind == "word":
        return token.casefold()
    if kind == "occasion":  # a deputy's --meeting: next, a meeting's number, or standing
        word = token.casefold().removeprefix("#").rstrip(STOP)
        if word in ("next", "standing"):
            return word
        if not word.isdecimal() or len(word) > 9:
            raise UsageError(f"{label} takes next, a meeting number, or standing. {say_instead(verb, today)}")
        return int(word)
    return token


def help_text(topic: list[str], today: dt.date, note: Callable[[Verb], str] = lambda verb: "",
              own_example: Callable[[Verb], str | None] = lambda verb: None) -> str:
    """The list of commands, or the usage and an example of one, its dates valid on `today` (the group's), with
    what the channel's group's ToR says of it (`note`, given the verb) and, where the verb's own example is one
    its ToR refuses, one it accepts (`own_example`)."""
    if topic:
        words = " ".join(topic).casefold().removeprefix("gov ").rstrip(STOP).split()  # `help apologies.`
        # the ToRs' own words run as `deputy` (PLPCP "alternate", CSCPWG "substitute"): their help is deputy's
        wanted = " ".join([VERB_WORDS.get(words[0], words[0]), *words[1:]]) if words else ""
        matches = [v for v in VERBS if v.name == wanted] or [v for v in VERBS if v.name.startswith(wanted)]
        if not matches:
            raise UsageError(f"There is no command '{wanted[:40]}'. {suggest(wanted)}Say `help` for the list.")
        lines = []
        for v in matches:
            lines.append(f"`{v.usage}` — {v.summary}")
            lines.append(f"  e.g. `{own_example(v) or example(v, today)}`")
            if said := note(v):
                lines.append(said)
        return "\n".join(lines)
    return "Commands (say `help <command>` for more):\n" + "\n".join(f"`{v.usage}` — {v.summary}" for v in VERBS)


def as_text(command: Command) -> str:
    """The text that, typed, gives `command` again: what the console shows for a button."""
    words = [command.verb]
    for role, name, value in as_words(command):
        if role == "option":
            words.append(f"--{name}")
            if value is True:
                continue
        values = value if isinstance(value, tuple) else (value,)
        words.extend(token(v) for v in values)
    return " ".join(words)


def token(value: object) -> str:
    """One value as a token the tokenizer reads back as it is: a person as their mention, text with spaces or
    quotes in double quotes."""
    if isinstance(value, PersonRef):
        return value.as_token()
    text = str(value)
    if text and not any(c.isspace() or c in "\"'\\#" for c in text) and not text.startswith("--") \
            and not text.endswith((".", "!")):  # in quotes: plainly the text's own stop, not the sentence's
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
