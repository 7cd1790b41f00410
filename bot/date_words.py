"""A date typed without quotes (`--due 18 Dec`, `meeting schedule 10 Dec 2026 10:00`): which words make it up, so
they are read as one date and none of them is taken into the text of a motion or an action."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot.errors import UsageError
from bot.rules.calendar import deadline, looks_like_time
from bot.rules.date_hints import unknown_date
from bot.typed_words import STOPS

MONTH = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?" \
        r"|nov(?:ember)?|dec(?:ember)?"
WEEKDAY = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
# One word of a date or a deadline: a day or year (18, 18th, 2026), a numeric date (2026-12-18, 18/12/2026), a month
# or weekday by name, or what may follow a time (am, pm, the zone's name).
DATE_WORD = re.compile(rf"^(?:\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,4}}[-/.]\d{{1,2}}(?:[-/.]\d{{1,4}})?|{MONTH}|{WEEKDAY}"
                       rf"|am|pm|gmt|bst|utc){STOPS}?$", re.IGNORECASE)  # and a sentence's stop
LONGEST = 7  # `Thursday 10 December 2026 at 10:00 GMT`; a date is never longer
JOINING = ("at", "on")  # read as part of a date only before one of its words: `18 Dec at 12:00`, `on Fri 18 Dec`
# Words no date reads, but a date's all the same (`next Thursday`): joined to it, so its refusal names the whole.
RELATIVE = ("next", "this", "coming")


def is_date_word(word: str) -> bool:
    return bool(DATE_WORD.match(word)) or looks_like_time(word)


def date_run(tokens: Sequence[str], start: int) -> int:
    """How many tokens from `start` make up one date (or date and time), at least one: the first is the option's
    value however it reads; those after it that read as a date's words follow it, up to LONGEST in all."""
    end = start + 1
    while end < len(tokens) and end - start < LONGEST and (is_date_word(tokens[end]) or (
            tokens[end].casefold() in JOINING and end + 1 < len(tokens) and is_date_word(tokens[end + 1]))):
        end += 1
    return end - start


def stray_words(tokens: Sequence[str], end: int, quoted: str) -> str:
    """The unquoted words from `end` (just after a date) up to the next option or quoted word (`quoted` marks one):
    where the command's text is in quotes, they belong to neither."""
    words = []
    for token in tokens[end:]:
        if token.startswith((quoted, "--")):
            break
        words.append(token)
    return " ".join(words)


def stray_refusal(option: str, date: str, stray: str, today: dt.date | None = None) -> str:
    """The refusal for `stray` words after a date in quotes' company; where the date's own words read as no date on
    `today` (`--closes in 3 days`), that it is no date, rather than a command to copy that is refused in its turn."""
    if today is not None:
        try:
            deadline(date, today, ZoneInfo("UTC"))
        except UsageError:
            return unknown_date(f"{date} {stray}"[:60], today)
    return (f"'{stray[:60]}' follows {option} {date} but is not part of a date, and the text is in quotes, so I have "
            f"not added it to the text. Give the date alone after {option} (`{option} {date}`), and put any more "
            "text inside the quotes.")


def joined_date_and_time(positional: list[str], names: list[str]) -> list[str]:
    """`10 Dec 2026 10:00` (or `10:00 10 Dec 2026`, `on 10 December at 10am`) as the two words a verb whose arguments
    are `names` = [date, time] (`meeting schedule`) takes, the date's words joined; a date in words with no time
    (`10 Dec`) as the date alone, so the time is asked for; anything else as it came, read (or refused) as typed."""
    if names[-2:] != ["date", "time"]:
        return positional
    if len(names) > 2:  # `meeting move 2 15 Jan 10:00`: the meeting's number first, then its date and time
        lead = len(names) - 2
        return positional[:lead] + joined_date_and_time(positional[lead:], names[lead:])
    positional = [word for word in positional if word.casefold() not in JOINING]
    at = next((i for i, word in enumerate(positional) if looks_like_time(word)), None)
    if at is None and len(positional) > 1 and all(DATE_WORD.match(word) or word.casefold() in RELATIVE
                                                  for word in positional) and \
            any(word.isalpha() for word in positional):
        return [" ".join(positional)]
    if len(positional) <= 2:
        return positional
    if at == 0:
        words = date_run(positional, 1) if is_date_word(positional[1]) else 1
        return [positional[0], " ".join(positional[1:1 + words]), *positional[1 + words:]]
    if at is not None and at > 0:  # the words before the time are its date, read (or refused, naming them) as one
        return [" ".join(positional[:at]), *positional[at:]]
    return positional


def options_in_deadline(option: str, tokens: Sequence[str], at: int, words: int, today: dt.date | None,
                        quoted: str) -> str | None:
    """Where a poll's unquoted options after its deadline were read as more of it (`--closes 18 Dec Mon Wed`,
    the `words` tokens from `at`): what was read, and the poll retold with its options quoted before the deadline
    (the longest start of those words that reads as a deadline, leaving two options); None where none does."""
    run = [token.removeprefix(quoted) for token in tokens[at:at + words]]
    for cut in range(len(run) - 2, 0, -1):
        try:
            deadline(" ".join(run[:cut]), today or dt.date(2000, 1, 1), ZoneInfo("UTC"))
        except UsageError:
            continue
        others = [retyped(token, quoted) for token in [*tokens[:at - 1], *tokens[at + words:]]]
        poll = " ".join(["poll", *others, *(retyped(quoted + word, quoted) for word in run[cut:]), option,
                         *run[:cut]])
        return (f"I read all of '{' '.join(run)}' after {option} as its date, which left the poll no options. "
                f"Put each option in quotes before {option}: `{poll}`.")
    return None


def retyped(token: str, quoted: str) -> str:
    """A token as typed again: one that was quoted in double quotes."""
    if not token.startswith(quoted):
        return token
    return '"' + token.removeprefix(quoted).replace("\\", "\\\\").replace('"', '\\"') + '"'
