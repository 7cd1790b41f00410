"""Whether a motion's words end the group: CSCPWG Operation, "The group may cease prior to this ... by agreement of
all members". Read by `group end --motion N` (bot/services/ending.py) and by what a carried motion says comes next
(bot/records/group_end.py)."""

from __future__ import annotations

import datetime as dt
import re

from bot.errors import UsageError
from bot.rules.calendar import parse_date

# A motion's words that speak of the group ending: "That the working group ceases now", "Cease the working group
# early", "That the board be dissolved", "the winding up of the group". An ending word about something else ("That
# the group closes the gap", "That the board closes 2 sites", "end child poverty") does not: the word must take the
# group (named as such, or by its name) as its subject, with nothing after it but when, or as its object.
KIND = r"(?:(?:working|steering|task[- ]and[- ]finish|joint|sub-?)\s*)?(?:group|board|committee)"
NAMED = r"(?:(?:the|this)\s+(?:" + KIND + r"|{names})|{names})"
GROUP = NAMED + r"(?![\w'’-])"  # the group itself, not "the group's bank account"
ENDED_WORDS = r"(?:ceas\w*|ends?|ended|closes?|closed|dissolv\w*|disband\w*|stands?\s+down|conclude[sd]?" \
    r"|winds?\s+up|wound\s+up|finish(?:es|ed)?)"
# What may follow "the group ceases" and leave it the group's end: the sentence's end, or when or how it ends.
WHEN = r"(?=\s*(?:$|[.,;:!?)]|(?:now|early|immediately|forthwith|today|with|on|from|at|as|by|once|when|after|before" \
    r"|and|prior|upon|effective|in|its\s+work|to\s+(?:operate|exist|meet|function)|operating|meeting)\b))"
ENDING_PHRASES = (
    # the group ceases now; the board be dissolved; the group's work is concluded; the group is to be wound up
    NAMED + r"(?:['’]s\s+work)?(?![\w'’-])\s+(?:now\s+|formally\s+|hereby\s+)?(?:(?:is|be|shall|will|should|to)\s+)*"
    + ENDED_WORDS + WHEN,
    r"\b(?:ceas\w*|end|ending|close|closing|dissolv\w*|disband\w*|wind(?:ing)?\s+up|conclud\w*)\s+" + GROUP,
    r"\b(?:dissolution|winding[- ]up|closure|end|ending)\s+of\s+" + GROUP,
)


def speaks_of_ending(question: str, name: str, short_name: str) -> bool:
    """Whether a motion's words end the group (`name`, `short_name`, or "the group", "the board" and the like)."""
    names = "|".join(re.escape(n) for n in (name, short_name))
    return any(re.search(phrase.format(names=names), question, re.IGNORECASE) for phrase in ENDING_PHRASES)


# A day a motion to cease names: "ceases on 31 March 2023", "with effect from 2023-03-31", "on 31/3/2023".
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DAY_WORDS = re.compile(r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH
                       + r"(?:,?\s+\d{4})?|" + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b", re.IGNORECASE)


def ending_day(question: str, name: str, short_name: str, since: dt.date) -> dt.date | None:
    """The day after `since` on which a motion's words have the group cease ("That the group ceases on 31 March
    2023"), or None where they name none to come: a motion that the group cease now, or on a day gone, ends it when
    its end is recorded. The first day written after the words that end it counts, else the first in the motion."""
    names = "|".join(re.escape(n) for n in (name, short_name))
    found = [m for phrase in ENDING_PHRASES if (m := re.search(phrase.format(names=names), question, re.IGNORECASE))]
    if not found:
        return None
    after = min(m.end() for m in found)
    days = sorted(DAY_WORDS.finditer(question), key=lambda m: (m.start() < after, m.start()))
    if not days:
        return None
    try:
        day = parse_date(days[0].group(0).replace(",", " "), since)
    except UsageError:
        return None
    return day if day > since else None
