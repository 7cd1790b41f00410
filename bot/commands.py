"""The command grammar shared by every platform: text in, a typed command (a frozen dataclass of bot.verbs) out,
the text that says a typed command again, and the help that describes them."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from bot.date_words import date_run, joined_date_and_time, stray_refusal, stray_words
from bot.errors import UsageError
from bot.grammar import Command as Command
from bot.grammar import PersonRef as PersonRef
from bot.grammar import as_words, build
from bot.poll_wording import check_poll_words
from bot.typed_words import QUOTED_DASHES as QUOTED_DASHES
from bot.typed_words import SMART_QUOTES as SMART_QUOTES
from bot.typed_words import tokenize as tokenize
from bot.usage import example, missing, say_instead
from bot.verbs import BY_NAME as BY_NAME
from bot.verbs import CLASS_OF, Help
from bot.verbs import VERBS as VERBS
from bot.verbs import Arg as Arg
from bot.verbs import Verb as Verb

MAX_COMMAND_CHARS = 4000
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
BROADCAST = re.compile(r"<!(channel|here|everyone|subteam\^[^>]*)[^>]*>|(?<![\w@])@(channel|here|everyone)\b", re.I)
MENTION = re.compile(r"^<@([A-Za-z0-9:_.\-]{1,200})(?:\|([^>]*))?>$")
HANDLE = re.compile(r"^@([\w.\-]{1,80})$")


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


def person_ref(token: str) -> PersonRef | None:
    if match := MENTION.match(token):
        return PersonRef(match.group(1), by_id=True, name=(match.group(2) or "").strip()[:200] or None)
    if match := HANDLE.match(token):
        return PersonRef(match.group(1), by_id=False)
    return None


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
    tokens = tokenize(check_text(text))
    last = tokens[-1] if tokens else ""
    if len(last) > 1 and last.endswith((".", "!")) and not last.endswith(("..", "!!")) \
            and not last.startswith(QUOTED_DASHES):
        tokens[-1] = last[:-1]  # the stop ending a sentence (`meeting cancel 2.`, `here!`); quoted text keeps its own
    if tokens and tokens[0].casefold() in ("gov", "/gov", "!gov"):
        tokens = tokens[1:]
    if not tokens:
        return Help()
    words = [t.removeprefix(QUOTED_DASHES).casefold() for t in tokens]
    words[0] = VERB_WORDS.get(words[0], words[0])
    verb = BY_NAME.get(" ".join(words[:2])) if len(words) > 1 else None
    taken = 2
    if verb is None:
        verb, taken = BY_NAME.get(words[0]), 1
    if verb is None:
        unknown = tokens[0].removeprefix(QUOTED_DASHES)[:40]
        raise UsageError(f"I don't know '{unknown}'. {suggest(*words[:2])}Say `help` for the list of commands.",
                         missing="poll" if SYNONYMS.get(words[0], "").startswith("vote N") else None)
    command = bind(verb, tokens[taken:], today)
    if verb.name == "poll":
        check_poll_words(text.translate(SMART_QUOTES), frozenset(n for n, k in verb.options.items() if k != "flag"))
    return command


# The ToRs' own words for a deputy (PLPCP "alternate", CSCPWG "substitutes"): the same command, run as `deputy`.
VERB_WORDS = {"alternate": "deputy", "substitute": "deputy", "alternates": "deputies", "substitutes": "deputies"}

# Words people reach for that name another verb: suggested, never run in its place.
SYNONYMS = {"interest": "declare", "conflict": "declare", "coi": "declare",
            "present": "here", "attend": "here", "attending": "here", "apology": "apologies",
            "apologise": "apologies", "apologize": "apologies", "motions": "polls", "ballot": "vote",
            **{word: f"vote N {word}" for word in ("for", "against", "abstain", "yes", "no", "aye", "nay")}}


def suggest(word: str, then: str = "") -> str:
    """`Did you mean ...? ` for an unknown first word, or nothing: its synonym, the two words the other way round
    (`close meeting`: `meeting close`), or the verb it is nearest to."""
    names = sorted({v.name.split()[0] for v in VERBS})
    swapped = f"{then} {word}" if f"{then} {word}" in BY_NAME else None
    close = [SYNONYMS[word]] if word in SYNONYMS else [swapped] if swapped else \
        difflib.get_close_matches(word, names, n=1)
    return f"Did you mean `{close[0]}`? " if close else ""


def bind(verb: Verb, tokens: list[str], today: dt.date | None = None) -> Command:
    positional: list[str] = []
    options: dict[str, Any] = {}
    index, quoted_text, stray = 0, False, ""
    while index < len(tokens):
        token = tokens[index]
        if token.startswith(QUOTED_DASHES):
            positional.append(token.removeprefix(QUOTED_DASHES))
            quoted_text = True
        elif token.startswith("--") and len(token) > 2:
            name = token[2:].casefold()
            kind = verb.options.get(name)
            if kind is None:
                known = ", ".join(f"--{o}" for o in verb.options) or "none"
                raise UsageError(f"`{verb.name}` has no option --{name[:30]} (its options: {known}). "
                                 f"{say_instead(verb, today)}")
            if kind == "flag":
                options[name] = True
            else:
                if index + 1 >= len(tokens):
                    raise UsageError(f"--{name} needs a value after it. {say_instead(verb, today)}")
                index += 1  # a date's words after its option are one value (`--due 18 Dec`), not the motion's
                words = date_run(tokens, index) if kind == "when" else 1
                value = " ".join(tokens[index:index + words]).removeprefix(QUOTED_DASHES)
                if kind == "when" and not stray and (after := stray_words(tokens, index + words, QUOTED_DASHES)):
                    stray = stray_refusal(f"--{name}", value, after)
                options[name], index = coerce(verb, f"--{name}", kind, value, today), index + words - 1
        else:
            positional.append(token)
        index += 1
    if stray and quoted_text:  # `motion "Approve" --closes 18 Dec noon`: not 'Approve noon'
        raise UsageError(stray)
    positional = joined_date_and_time(positional, [arg.name for arg in verb.args])  # `10 Dec 2026 10:00`
    return build(CLASS_OF[verb.name], bind_positional(verb, positional, today), options)


def bind_positional(verb: Verb, positional: list[str], today: dt.date | None = None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for position, arg in enumerate(verb.args):
        if arg.many:
            rest = positional[position:]
            if arg.required and not rest:
                raise missing(verb, arg.name, today, values)
            values[arg.name] = [coerce(verb, arg.name, arg.kind, t, today) for t in rest]
            return values
        if position >= len(positional):
            if arg.required:
                raise missing(verb, arg.name, today, values)
            values[arg.name] = None
            continue
        values[arg.name] = coerce(verb, arg.name, arg.kind, positional[position], today)
    if len(positional) > len(verb.args):
        extra = " ".join(positional[len(verb.args):])[:60]
        raise UsageError(f"I did not expect '{extra}' after `{verb.name}`; put text with spaces in quotes. "
                         f"{say_instead(verb, today)}")
    return values


def coerce(verb: Verb, name: str, kind: str, token: str, today: dt.date | None = None) -> Any:
    label = name if name.startswith("--") else f"The {name.replace('_', ' ')}"
    if kind == "person":
        ref = person_ref(token)
        if ref is None:
            raise UsageError(f"{label} names a person with @ (the @-picker), not '{token[:40]}'. "
                             f"{say_instead(verb, today)}")
        return ref
    if kind == "int":
        digits = token.removeprefix("#")
        # isdecimal, not isdigit: '²' is a digit that int() refuses (a failure, not a refusal, until it was this).
        if not digits.isdecimal() or len(digits) > 9:
            raise UsageError(f"{label} is a number, not '{token[:40]}'. {say_instead(verb, today)}",
                             missing=None if name.startswith("--") else name)  # `vote for`: the open ones
        return int(digits)
    if kind == "word":
        return token.casefold()
    if kind == "occasion":  # a deputy's --meeting: next, a meeting's number, or standing
        word = token.casefold().removeprefix("#")
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
        words = " ".join(topic).casefold().removeprefix("gov ").split()
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
            and not text.endswith((".", "!")):  # a last word's full stop is read as the sentence's (parsed)
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
