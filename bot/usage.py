"""How a refused command is put right: the question it leaves open, and an example to copy for every verb."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Protocol

from bot.errors import UsageError
from bot.grammar import mention
from bot.rules.calendar import example_day, parse_date
from bot.rules.time_of_day import SENTENCE_END
from bot.typed_words import HANDLE, QUOTED_NAME


class Described(Protocol):
    """A verb as the grammar describes it: its name, its usage line and, perhaps, a hand-written example."""

    @property
    def name(self) -> str: ...
    @property
    def usage(self) -> str: ...
    @property
    def example(self) -> str: ...


QUESTIONS = {
    "poll": "Which poll or motion? Give its number",
    "meeting": "Which meeting? Give its number",
    "action": "Which action? Give its number",
    "person": "Who? Name them with @",
    "short_name": "Which group? Give its short name",
    "date": "On what date?",
    "time": "At what time?",
    "question": "What is the question? Put it in quotes",
    "choices": "What are the options? Put each in quotes",
    "choice": "Which way do you vote? Say for, against or abstain, or an option's number",
    "text": "What should it say? Put the text in quotes",
    "title": "What is the item called? Put it in quotes",
    "description": "What is the interest? Put it in quotes, or say `declare none`",
}

# What a usage line's placeholders become in an example: a quoted word becomes a sample text of its kind.
SAMPLE_TEXTS = {"title": "Budget update", "interest": "My employer bids for this contract", "text": "Approve the plan",
                "question": "Next venue?", "option": "Barnet", "place": "Civic Centre"}
PLACEHOLDERS = ((re.compile(r"@(person|member|p)\b"), "@bob"), (re.compile(r"<date>"), "{next_week}"),
                (re.compile(r"<time>"), "10:00"), (re.compile(r"<short-name>"), "cjcg"),
                (re.compile(r"<choice>"), "for"), (re.compile(r"<verb>|<command>"), "meeting"),
                (re.compile(r"\bN\b"), "1"), (re.compile(r"\.\.\."), ""))
OPTIONAL = re.compile(r"\[[^\[\]]*\]")
QUOTED = re.compile(r'"([^"]*)"')


def question(name: str) -> str:
    """What to ask a person who left out the argument `name`, ending as a sentence ends."""
    asked = QUESTIONS.get(name, f"What is the {name.replace('_', ' ')}?")
    return asked if asked.endswith("?") else f"{asked}."


def example(verb: Described, today: dt.date | None) -> str | None:
    """A command to copy that the grammar accepts: the verb's own example, or one made from its usage line.
    Dates in it are a week after `today` (the group's); None when it needs a date and `today` is unknown."""
    text = verb.example or from_usage(verb.usage)
    if "{" in text and today is None:
        return None
    if today is not None:
        text = text.replace("{next_week}", example_day(today).isoformat())
        text = text.replace("{year_start}", f"{today.year}-01-01")
    return text


def from_usage(usage: str) -> str:
    """`poll close N [--casting for|against]` -> `poll close 1`: optional parts dropped, placeholders filled."""
    text = usage.split(" | ")[0]
    while OPTIONAL.search(text):
        text = OPTIONAL.sub("", text)
    text = QUOTED.sub(lambda match: f'"{SAMPLE_TEXTS.get(match.group(1), "Some text")}"', text)
    for pattern, value in PLACEHOLDERS:
        text = pattern.sub(value, text)
    return " ".join(text.split())


# Options people reach for that a verb has none of, with what to do instead of its example (which would do at once
# what they meant for later: `chair @bob` names bob now, ending the chair's term today).
NO_SUCH_OPTION = {
    ("chair", "from"): "a chair named takes the chair at once, ending the term of the chair before them, so a "
                       "successor is named on the day they take over, not before; the secretariat is told on the last "
                       "day of the chair's term. To renew the chair's own term, name them again (`chair @alice`).",
    ("agenda", "meeting"): "say `agenda N` for meeting N's agenda (`agenda` alone shows the next meeting's).",
    ("chair", "meeting"): "the chair of one meeting is named with `meeting chair @person --meeting N`; `chair @person` "
                          "names the group's chair, where the ToR has one named.",
}


def no_option(verb: Described, name: str, options: Sequence[str], today: dt.date | None) -> str:
    """The refusal of `--name`, an option `verb` does not have (its `options`): what to do instead."""
    known = ", ".join(f"--{o}" for o in options) or "none"
    instead = NO_SUCH_OPTION.get((verb.name, name)) or say_instead(verb, today)
    return f"`{verb.name}` has no option --{name[:30]} (its options: {known}). {instead[0].upper()}{instead[1:]}"


def say_instead(verb: Described, today: dt.date | None) -> str:
    """`Say `poll close 1`.`, or the usage line when no example can be made."""
    shown = example(verb, today)
    return f"Say `{shown}`." if shown else f"Usage: `{verb.usage}`."


def missing(verb: Described, name: str, today: dt.date | None, given: dict[str, object] | None = None) -> UsageError:
    """The refusal for a command that left out its argument `name`: the question it leaves open and a command to
    copy; `missing` names it, so the conversation can list the ones that would do."""
    return UsageError(f"{question(name)} {say_for(verb, name, today, given)}", missing=name)


def say_for(verb: Described, name: str, today: dt.date | None, given: dict[str, object] | None = None) -> str:
    """`say_instead`, its poll the one `given` (`vote 1` -> `vote 1 for`, not `vote 3 for` with motion 3 unknown)."""
    said = say_instead(verb, today)
    day = (given or {}).get("date")
    if name == "time" and isinstance(day, str) and today is not None:  # `meeting schedule 10 Dec`: that date, to copy
        typed = parse_date(day, today)  # or its refusal, naming it (`next Thursday`)
        said = said.replace(example_day(today).isoformat(), typed.isoformat()) if typed >= today else said
    poll = (given or {}).get("poll", (given or {}).get("meeting"))  # `meeting move 2`: meeting 2's, to copy
    if "N" in verb.usage.split()[:3] and name not in ("poll", "meeting") and isinstance(poll, int):
        said = FIRST_NUMBER.sub(str(poll), said, count=1)
    return said


FIRST_NUMBER = re.compile(r"(?<= )\d+\b")


def option_meant(verb_name: str, options: dict[str, str], given: list[str], extra: list[str]) -> str | None:
    """For words after a command's arguments that begin with one of its options' names without the dashes (`here for
    dan`, `meeting open 1 confirm`), the command meant, to copy (`here --for @dan`); None when they do not."""
    if len(extra) > 2 and extra[0].casefold() in ("for", "on", "in") and options.get(extra[1].casefold()) not in (
            None, "flag"):  # `deputy @yan for meeting 2`: the meeting's option, not --for
        extra = extra[1:]
    word = extra[0].casefold().rstrip(SENTENCE_END) if extra else ""  # `poll close 1 early.`
    kind = options.get(word) if word else None
    if kind is None or (kind == "flag") != (len(extra) == 1):
        return None
    value = extra[1:]
    if kind == "person" and (meeting := meeting_meant(options, value)):  # `deputy @vera for the next meeting`
        word, value = "meeting", [meeting]
    elif kind == "person" and not value[0].startswith(("@", "<@")):
        value = [f"@{value[0]}", *value[1:]]
    meant = " ".join([verb_name, *given, f"--{word}", *value])
    return f"options start with two dashes. Say `{meant}`."


def meeting_meant(options: dict[str, str], words: list[str]) -> str | None:
    """`the next meeting`, `next meeting`, `meeting 2` after an option naming a person (`for`): the meeting meant,
    for a command with a --meeting option, as it would be written there (`next`, `2`); None for anything else."""
    said = [w.casefold().rstrip(SENTENCE_END) for w in words]
    rest = [w for w in said if w not in ("the", "meeting")]
    if "meeting" not in options or "meeting" not in said or len(rest) != 1:
        return None
    number = rest[0].removeprefix("#")
    return "next" if number == "next" else number if number.isdecimal() and len(number) < 10 else None


def name_with_spaces(verb_name: str, given: list[str], more: list[str], said: Sequence[str] = ()) -> str | None:
    """For a person's name typed with a space after its @ (`member add @Zara Khan`), how to name them: from the @
    menu, or in quotes (`@"Zara Khan"`), in the command as typed with its options `said`; None for any other words."""
    if not given or not given[-1].startswith("@") or not more[0][:1].isupper():
        return None
    name = f"{given[-1].removeprefix('@')} {more[0]}"[:80]
    meant = " ".join([verb_name, *given[:-1], mention(name), *said])
    return (f"I did not expect '{more[0][:40]}' after `{' '.join([verb_name, *given])[:60]}`: a person is named by "
            f"one @mention. Pick {name} from the @ menu (Slack, Teams), or put the whole name in quotes after the @: "
            f"`{meant}`.")


def unmentioned(verb: Described, name: str, token: str, today: dt.date | None) -> str | None:
    """For a name typed without its @ (`alternate nadia`), or after an @ with marks no handle has (`@O'Brien`), how
    to name them; None for anything else."""
    menu = "(on Slack or Teams, pick them from the @ menu)"
    if token[1:] and token[0] == "@" and not token.startswith(QUOTED_NAME):
        named = f"{name} {mention(token[1:])}" if name.startswith("--") else f"{verb.name} {mention(token[1:])}"
        return f"A name with spaces or marks goes in quotes after the @: `{named}` {menu}."
    if not HANDLE.match(f"@{token}"):
        return None
    if name.startswith("--"):
        return f"{name} takes a person with @ in front: `{name} @{token}` {menu}. {say_instead(verb, today)}"
    return f"Name the person with @ in front {menu}. Say `{verb.name} @{token}`."


def number_named(verb_name: str, name: str, positional: Sequence[str], at: int, said: Sequence[str]) -> None:
    """Refuse, with the command that works, a number given after its own name where the grammar takes the number
    alone (`minutes approve meeting 1` -> `minutes approve 1`); return where the words at `at` are not that."""
    word = positional[at].casefold().rstrip(SENTENCE_END)
    number = positional[at + 1].removeprefix("#").rstrip(SENTENCE_END) if at + 1 < len(positional) else ""
    if word not in (name, "motion" if name == "poll" else name) or not number.isdecimal():
        return
    meant = " ".join([verb_name, *positional[:at], *positional[at + 1:], *said])
    raise UsageError(f"Give the {name}'s number alone, without the word '{positional[at][:20]}': say `{meant}`.")
