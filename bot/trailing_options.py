"""Options typed without their dashes after a command's words, as people type them: `agenda add "Budget" for
meeting 2`, `apologies "annual leave" for meeting 2`, `motion "Approve the plan" item 1`, `action "Send the plan"
owner @bob due friday`. They were taken as more of the words: the item added to the next meeting, the apologies
recorded for the wrong one, the owner lost. Read as the options they name, where that is plain: after words in
quotes, after `for`/`on`/`in` (`for meeting 2`), or naming a person with @ (`owner @bob`)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.date_words import date_run
from bot.grammar import Verb
from bot.typed_words import QUOTED_DASHES

# The commands whose last words are free text (a title, a reason, a motion) that such options could end; `declare`
# reads the item its words name itself (bot/services/interest_words.py: `declare interest in item 2` says no more).
WORDED = frozenset({"agenda add", "apologies", "minute", "resolved", "motion", "poll", "action"})
PREPOSITIONS = frozenset({"for", "on", "in", "at"})
KINDS = frozenset({"int", "person", "when"})  # a text option's value (`nature personal`) could be anyone's words


def dashed(verb: Verb, tokens: Sequence[str]) -> list[str]:
    """`tokens` (a command's words after its verb) with the options its words end by naming without their dashes
    given their dashes, in the order typed; as they came for any other command or words."""
    words, moved = list(tokens), list[str]()
    if verb.name not in WORDED:
        return words
    given = {t[2:].casefold() for t in words if t.startswith("--")}
    while (found := trailing(verb, words, given)) is not None:
        start, at = found
        name = words[at].casefold()
        moved = [f"--{name}", *words[at + 1:], *moved]
        given.add(name)
        words = words[:start]
    return words + moved


def trailing(verb: Verb, words: list[str], given: set[str]) -> tuple[int, int] | None:
    """(where the option's words start, with a preposition before its name; where its name is) for an option that
    ends `words`, or None."""
    for at in range(len(words) - 2, 0, -1):
        name, value = words[at].casefold(), words[at + 1:]
        kind = verb.options.get(name)
        if kind not in KINDS or name in given or name == "for" or not valid(kind, words, at + 1):
            continue
        start = at - 1 if name == "item" and words[at - 1].casefold() == "agenda" and at > 1 else at  # agenda item 2
        start = start - 1 if words[start - 1].casefold() in PREPOSITIONS and start > 1 else start
        quoted = any(w.startswith(QUOTED_DASHES) for w in words[:start])
        if quoted or words[start].casefold() in PREPOSITIONS or (kind == "person" and value[0].startswith(("@", "<@"))):
            return start, at
        return None
    return None


def valid(kind: str, words: list[str], start: int) -> bool:
    """Whether `words` from `start` to the end are one value of the option's `kind`, none of it quoted or dashed."""
    value = words[start:]
    if any(w.startswith((QUOTED_DASHES, "--")) for w in value):
        return False
    if kind == "int":
        return len(value) == 1 and value[0].removeprefix("#").isdecimal()
    if kind == "person":
        return len(value) == 1 and value[0].startswith(("@", "<@"))
    return date_run(words, start) == len(value)
