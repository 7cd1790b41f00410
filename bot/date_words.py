"""A date typed without quotes (`--due 18 Dec`, `meeting schedule 10 Dec 2026 10:00`): which words make it up, so
they are read as one date and none of them is taken into the text of a motion or an action."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.rules.calendar import looks_like_time

MONTH = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?" \
        r"|nov(?:ember)?|dec(?:ember)?"
WEEKDAY = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
# One word of a date or a deadline: a day or year (18, 18th, 2026), a numeric date (2026-12-18, 18/12/2026), a month
# or weekday by name, or what may follow a time (am, pm, the zone's name).
DATE_WORD = re.compile(rf"^(?:\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,4}}[-/.]\d{{1,2}}(?:[-/.]\d{{1,4}})?|{MONTH}|{WEEKDAY}"
                       r"|am|pm|gmt|bst|utc),?$", re.IGNORECASE)
LONGEST = 7  # `Thursday 10 December 2026 at 10:00 GMT`; a date is never longer
JOINING = ("at", "on")  # read as part of a date only before one of its words: `18 Dec at 12:00`, `on Fri 18 Dec`


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


def stray_refusal(option: str, date: str, stray: str) -> str:
    return (f"'{stray[:60]}' follows {option} {date} but is not part of a date, and the text is in quotes, so I have "
            f"not added it to the text. Give the date alone after {option} (`{option} {date}`), and put any more "
            "text inside the quotes.")


def joined_date_and_time(positional: list[str], names: list[str]) -> list[str]:
    """`10 Dec 2026 10:00` (or `10:00 10 Dec 2026`, `10 December at 10am`, `on Thursday 17 December at 2pm`) as the
    two words a verb whose arguments are `names` = [date, time] (`meeting schedule`) takes: the words before the
    time joined as its date (read, or refused naming them, as one), 'at' and 'on' left out; a time typed first is
    followed by its date's words. Anything else as it came, read (or refused) as typed."""
    if names != ["date", "time"] or len(positional) <= 2:
        return positional
    words = [word for word in positional if word.casefold() not in JOINING]
    at = next((i for i, word in enumerate(words) if looks_like_time(word)), None)
    if at == 0 and len(words) > 1:
        run = date_run(words, 1) if is_date_word(words[1]) else 1
        return [words[0], " ".join(words[1:1 + run]), *words[1 + run:]]
    if at is not None and at > 0:
        return [" ".join(words[:at]), *words[at:]]
    return positional
