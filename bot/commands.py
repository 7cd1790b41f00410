"""The command grammar shared by every platform: text in, a typed `Command` out, and the help that describes it."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import shlex
from dataclasses import dataclass, field
from typing import Any

from bot.errors import UsageError
from bot.poll_wording import check_poll_words
from bot.usage import example, question, say_instead

MAX_COMMAND_CHARS = 4000
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
BROADCAST = re.compile(r"<!(channel|here|everyone|subteam\^[^>]*)[^>]*>|(?<![\w@])@(channel|here|everyone)\b", re.I)
MENTION = re.compile(r"^<@([A-Za-z0-9:_.\-]+)(?:\|([^>]*))?>$")
HANDLE = re.compile(r"^@([\w.\-]{1,80})$")
SMART_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'"})


@dataclass(frozen=True)
class PersonRef:
    """A person named in a command: by platform id (`<@U123>`) or by handle (`@alice`)."""

    value: str
    by_id: bool
    name: str | None = None  # the display name a platform sends with a mention (`<@U123|bob>`), if any

    def __str__(self) -> str:
        return f"<@{self.value}>" if self.by_id else f"@{self.value}"


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
    options: dict[str, str] = field(default_factory=dict)  # name -> kind (text | person | int | flag)
    example: str = ""  # {next_week} and {year_start} stand for dates valid on the day help is asked for


@dataclass(frozen=True)
class Command:
    verb: str
    args: dict[str, Any]
    options: dict[str, Any]


VERBS: tuple[Verb, ...] = (
    Verb("help", "help [verb]", "what you can ask, or how to use one verb", (Arg("topic", required=False, many=True),)),
    Verb("group info", "group info", "the group, its purpose and the rules in force, each with its ToR clause"),
    Verb("terms", "terms", "the rules in force, each citing its ToR clause"),
    Verb("group bind", "group bind <short-name>", "bind this channel to a group (its chair or secretariat)",
         (Arg("short_name", "word"),), example="group bind cjcg"),
    Verb("group end", 'group end [--motion N] [--agreed "reference"]', "end the group before its end date, on the "
         "agreement its ToR asks for (e.g. motion N carried by all members)", (), {"motion": "int", "agreed": "text"}),
    Verb("members", "members", "seats, holders and when their terms end"),
    Verb("member add", 'member add @person --seat "title" [--role chair|vice_chair|co_chair|member|secretariat|...] '
         '[--agreed "reference"] [--also "capacity"]', "put a person in a seat, or record what else they are "
         "(whoever the ToR's powers name; `terms` lists them)", (Arg("person", "person"),),
         {"seat": "text", "role": "text", "from": "text", "agreed": "text", "also": "text"},
         'member add @alice --seat "Chair"'),
    Verb("member remove", "member remove @person", "end a person's seat (whoever the ToR's powers name)",
         (Arg("person", "person"),)),
    Verb("chair", "chair @person [--poll N]", "make a member the chair, for the term the ToR sets; where the ToR "
         "elects the chair, record the election held in poll N", (Arg("person", "person"),), {"poll": "int"}),
    Verb("deputy", "deputy @person [--for @member] [--meeting next|N|standing]",
         "name a deputy to attend (and, where the ToR allows, vote) in your place", (Arg("person", "person"),),
         {"for": "person", "meeting": "text"}, "deputy @bob --meeting next"),
    Verb("deputy revoke", "deputy revoke @person [--for @member]", "withdraw a deputy nomination",
         (Arg("person", "person"),), {"for": "person"}),
    Verb("deputies", "deputies", "deputy nominations in force"),
    Verb("declare", 'declare "interest" [--meeting N] [--item N] [--nature "kind"] | declare none',
         "declare an interest (or none) for the current or next meeting", (Arg("description", many=True),),
         {"item": "int", "nature": "text", "meeting": "int"}, 'declare "My employer bids for this contract" --item 2'),
    Verb("interests", "interests [--meeting N] [--person @p] [--since DATE]", "the register of interests",
         options={"meeting": "int", "person": "person", "since": "text"}, example="interests --person @bob --since "
         "{year_start}"),
    Verb("meeting schedule", 'meeting schedule <date> <time> [--where "place"] [--chair @p] [--minutes @p] '
         "[--first|--second]", "schedule a meeting (chair or secretariat)", (Arg("date"), Arg("time")),
         {"where": "text", "chair": "person", "minutes": "person", "first": "flag", "second": "flag"},
         'meeting schedule {next_week} 10:00 --where "Teams"'),
    Verb("meetings", "meetings", "upcoming and recent meetings"),
    Verb("meeting open", "meeting open [N] [--confirm]", "open the next meeting: roll call, interests prompt and "
         "quorum; --confirm opens it hours before its time", (Arg("meeting", "int", required=False),),
         {"confirm": "flag"}),
    Verb("meeting close", "meeting close", "close the open meeting; members not recorded are marked absent"),
    Verb("meeting cancel", "meeting cancel N", "cancel a scheduled meeting", (Arg("meeting", "int"),)),
    Verb("agenda add", 'agenda add "title" [--meeting N]', "add an item to the next meeting's agenda",
         (Arg("title", many=True),), {"meeting": "int"}),
    Verb("agenda", "agenda [N]", "the agenda of the next (or given) meeting",
         (Arg("meeting", "int", required=False),)),
    Verb("here", "here [--for @member]", "record that you are present (or attending as a deputy)",
         options={"for": "person"}),
    Verb("apologies", "apologies [reason]", "send apologies for the open or next meeting",
         (Arg("reason", required=False, many=True),), {"meeting": "int"}),
    Verb("attendance", "attendance", "who is present, deputised, absent or sent apologies at the open meeting"),
    Verb("attendance register", "attendance register",
         "each member's attendance at every meeting held, with runs of absences flagged"),
    Verb("meeting minutes", "meeting minutes [N]", "the minutes of a meeting: a draft from the record, or the "
         "approved text", (Arg("meeting", "int", required=False),)),
    Verb("minutes", "minutes [N]", "the minutes of a meeting, with the link to the group's page and the downloads",
         (Arg("meeting", "int", required=False),)),
    Verb("page", "page", "your link to the group's web page: meetings, minutes, registers, actions and attendance"),
    Verb("minutes approve", "minutes approve [N]", "approve a closed meeting's minutes (whoever the ToR names); "
         "they are posted and the meeting's record is locked", (Arg("meeting", "int", required=False),)),
    Verb("minute", 'minute "text" --item N [--meeting N]', "minute the discussion of an agenda item (minute-taker "
         "or chair)", (Arg("text", many=True),), {"item": "int", "meeting": "int"},
         'minute "The group noted the quarterly report" --item 1'),
    Verb("resolved", 'resolved "text" --item N [--meeting N]', "record what was resolved on an agenda item "
         "(minute-taker or chair)", (Arg("text", many=True),), {"item": "int", "meeting": "int"},
         'resolved "RESOLVED that the plan be adopted" --item 1'),
    Verb("quorum", "quorum", "is the meeting quorate, under the ToR's rule"),
    Verb("motion", 'motion "text" [--item N] [--closes "date time"]', "propose a motion (the chair opens the vote)",
         (Arg("text", many=True),), {"item": "int", "closes": "text"}, 'motion "Approve the joint action plan"'),
    Verb("motion table", "motion table N", "table a proposed motion (steering group members)", (Arg("poll", "int"),)),
    Verb("motion vote", 'motion vote N [--closes "date time"]', "open the vote on a motion (the chair); between "
         "meetings, give the deadline", (Arg("poll", "int"),), {"closes": "text"}),
    Verb("poll", 'poll "question" "option" "option" ... [--closes "date time"] [--secret] [--multi]',
         "ask the group a question with your own options", (Arg("question"), Arg("choices", many=True)),
         {"closes": "text", "secret": "flag", "multi": "flag"}, 'poll "Next venue?" "Barnet" "Camden"'),
    Verb("polls", "polls", "open polls and motions"),
    Verb("vote", "vote N <choice> [--for @member]", "vote in poll or motion N (for / against / abstain, or an option)",
         (Arg("poll", "int"), Arg("choice", many=True)), {"for": "person"}, "vote 3 for"),
    Verb("poll close", "poll close N [--casting for|against]", "close a vote and record the outcome (the chair)",
         (Arg("poll", "int"),), {"casting": "text"}),
    Verb("results", "results N", "the tally and outcome of poll or motion N", (Arg("poll", "int"),)),
    Verb("action", 'action "text" [--owner @p] [--due DATE] [--item N]',
         "record an action agreed at the meeting (chair, secretariat or minute-taker)", (Arg("text", many=True),),
         {"owner": "person", "due": "text", "item": "int"}, 'action "Circulate the revised plan" --owner @bob '
         "--due {next_week}"),
    Verb("action done", "action done N", "mark action N done (its owner, the chair or the secretariat)",
         (Arg("action", "int"),)),
    Verb("actions", "actions", "the open actions, with owners and due dates"),
    Verb("review", "review", "when the ToR is next due for review"),
    Verb("review done", "review done [note]", "record that the ToR review was done",
         (Arg("note", required=False, many=True),)),
    Verb("report done", "report done [note]", "record that the report to the parent body was made",
         (Arg("note", required=False, many=True),)),
)
BY_NAME = {verb.name: verb for verb in VERBS}


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


def tokenize(text: str) -> list[str]:
    lexer = shlex.shlex(text.translate(SMART_QUOTES).replace("\n", " "), posix=True, punctuation_chars=False)
    lexer.whitespace_split = True
    lexer.commenters = ""
    try:
        return list(lexer)
    except ValueError:
        raise UsageError('A quote is not closed. Put text with spaces in matching quotes: '
                         'declare "My interest".') from None


def person_ref(token: str) -> PersonRef | None:
    if match := MENTION.match(token):
        return PersonRef(match.group(1), by_id=True, name=(match.group(2) or "").strip()[:200] or None)
    if match := HANDLE.match(token):
        return PersonRef(match.group(1), by_id=False)
    return None


def parse(text: str, today: dt.date | None = None) -> Command:
    """Parse `text` (with or without a leading `gov`, `/gov` or `!gov`) into a Command.

    Raises UsageError saying what was wrong with an example to copy (its dates after `today`, when given), or a
    hint for an unknown verb.
    """
    tokens = tokenize(check_text(text))
    if tokens and tokens[0].casefold() in ("gov", "/gov", "!gov"):
        tokens = tokens[1:]
    if not tokens:
        return Command("help", {"topic": []}, {})
    words = [t.casefold() for t in tokens]
    verb = BY_NAME.get(" ".join(words[:2])) if len(words) > 1 else None
    taken = 2
    if verb is None:
        verb, taken = BY_NAME.get(words[0]), 1
    if verb is None:
        raise UsageError(f"I don't know '{tokens[0][:40]}'. {suggest(words[0])}Say `help` for the list of commands.")
    command = bind(verb, tokens[taken:], today)
    if verb.name == "poll":
        check_poll_words(text.translate(SMART_QUOTES), frozenset(n for n, k in verb.options.items() if k != "flag"))
    return command


def suggest(word: str) -> str:

    names = sorted({v.name.split()[0] for v in VERBS})
    close = difflib.get_close_matches(word, names, n=1)
    return f"Did you mean `{close[0]}`? " if close else ""


def bind(verb: Verb, tokens: list[str], today: dt.date | None = None) -> Command:
    positional: list[str] = []
    options: dict[str, Any] = {}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.startswith("--") and len(token) > 2:
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
                index += 1
                options[name] = coerce(verb, f"--{name}", kind, tokens[index], today)
        else:
            positional.append(token)
        index += 1
    return Command(verb.name, bind_positional(verb, positional, today), options)


def missing(verb: Verb, arg: Arg, today: dt.date | None) -> UsageError:
    """The refusal for a command that left out `arg`: the question it leaves open and a command to copy."""
    return UsageError(f"{question(arg.name)}. {say_instead(verb, today)}", missing=arg.name)


def bind_positional(verb: Verb, positional: list[str], today: dt.date | None = None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for position, arg in enumerate(verb.args):
        if arg.many:
            rest = positional[position:]
            if arg.required and not rest:
                raise missing(verb, arg, today)
            values[arg.name] = [coerce(verb, arg.name, arg.kind, t, today) for t in rest]
            return values
        if position >= len(positional):
            if arg.required:
                raise missing(verb, arg, today)
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
        if not digits.isdigit() or len(digits) > 9:
            raise UsageError(f"{label} is a number, not '{token[:40]}'. {say_instead(verb, today)}")
        return int(digits)
    if kind == "word":
        return token.casefold()
    return token


def help_text(topic: list[str], today: dt.date) -> str:
    """The list of commands, or the usage and an example of one, its dates valid on `today` (the group's)."""
    if topic:
        wanted = " ".join(topic).casefold().removeprefix("gov ").strip()
        matches = [v for v in VERBS if v.name == wanted] or [v for v in VERBS if v.name.startswith(wanted)]
        if not matches:
            raise UsageError(f"There is no command '{wanted[:40]}'. {suggest(wanted)}Say `help` for the list.")
        lines = []
        for v in matches:
            lines.append(f"`{v.usage}` — {v.summary}")
            lines.append(f"  e.g. `{example(v, today)}`")
        return "\n".join(lines)
    return "Commands (say `help <command>` for more):\n" + "\n".join(f"`{v.usage}` — {v.summary}" for v in VERBS)
