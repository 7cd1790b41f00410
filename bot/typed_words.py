"""The words of a typed command: quoted text as one word, which words were quoted, and a word naming a person."""

from __future__ import annotations

import io
import re
import shlex

from bot.errors import UsageError
from bot.grammar import PersonRef
from bot.rules.time_of_day import SENTENCE_END

SMART_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'"})
# Marks a quoted word, so that it stays text: shlex drops the quotes that would have told it apart. One starting with
# "--" (`motion "--0"`) is not read as an option, and a poll's option ("Mon", "10:00") after its `--closes Friday` is
# not read as more of the deadline. A control character never typed (bot.commands.check_text).
QUOTED_DASHES = "\x00"
SPACE = " \t\r\n"  # shlex's whitespace
# An apostrophe within a word (`can't`, `Children's`) opens no quote: `apologies I can't make it` was refused as a
# quote not closed. It stands in as a character never typed (check_text) while shlex reads the words.
APOSTROPHE = re.compile(r"(?<=[^\W_])'(?=[^\W_])")
KEPT_APOSTROPHE = "\x01"
# Slack writes a person picked from its @ menu with their display name, which may hold spaces (`<@U1|Dan J.>`): the
# mention is one word, so its spaces and quotes stand in as characters never typed while shlex reads the words.
ACCOUNT_ID = r"[A-Za-z0-9:_.\-]{1,200}"  # a platform's id of an account in its mention markup (`U1`, `29:1a-b`)
NAMED_MENTION = re.compile(rf"<@{ACCOUNT_ID}\|[^<>]{{0,200}}>")
IN_A_NAME = str.maketrans({" ": "\x02", '"': "\x03", "'": "\x04"})
NAME_AGAIN = str.maketrans({"\x02": " ", "\x03": '"', "\x04": "'"})
# A person's mention or handle; a sentence's stop after it (`alternate @nadia.`) is not part of it.
STOPS = f"[{re.escape(SENTENCE_END)}]"
MENTION = re.compile(rf"^<@({ACCOUNT_ID})(?:\|([^>]*))?>{STOPS}*$")
HANDLE = re.compile(rf"^@([\w.\-]{{1,80}}?){STOPS}*$")
QUOTED_NAME = f"@{QUOTED_DASHES}"  # how `tokenize` marks a name quoted after an @
# The mark that parts a command's leading words from what follows (`apologies - on leave`, `interest in item 2: bids`).
SEPARATORS = " ,.:;-\u2013\u2014"


def after_separator(text: str) -> str:
    """`text` without the separating mark it begins with (`- on leave` is `on leave`), trimmed."""
    return text.strip().lstrip(SEPARATORS).strip()


def tokenize(text: str) -> list[str]:
    """Words, with quoted text as one word; a word that was quoted keeps QUOTED_DASHES in front, and a name
    quoted after an @ (`@"Bob Jones"`) has it after the @. A lone apostrophe that closes no quote (`members' views`)
    is read as typed."""
    source = APOSTROPHE.sub(KEPT_APOSTROPHE, text.translate(SMART_QUOTES).replace("\n", " "))
    source = NAMED_MENTION.sub(lambda m: m.group().translate(IN_A_NAME), source)
    try:
        return words(source, "\"'")
    except ValueError:
        pass
    try:
        return words(source, '"')
    except ValueError:
        raise UsageError('A quote is not closed. Put text with spaces in matching quotes: '
                         'declare "My interest".') from None


def words(source: str, quotes: str) -> list[str]:
    stream = io.StringIO(source)
    lexer = shlex.shlex(stream, posix=True, punctuation_chars=False)
    lexer.whitespace_split = True
    lexer.commenters = ""
    lexer.quotes = quotes
    tokens: list[str] = []
    while True:
        at = stream.tell()  # where the next word starts, after the white space shlex skips
        while at < len(source) and source[at] in SPACE:
            at += 1
        token = lexer.get_token()
        if token is None:
            return tokens
        token = token.replace(KEPT_APOSTROPHE, "'").translate(NAME_AGAIN)
        if source[at] in quotes:
            token = f"{QUOTED_DASHES}{token}"
        elif source[at] == "@" and source[at + 1:at + 2] in tuple(quotes):  # `@"Bob Jones"`: a name, marked as one
            token = f"@{QUOTED_DASHES}{token[1:]}"
        tokens.append(token)


def person_ref(token: str) -> PersonRef | None:
    """The person a word names: a platform's mention (`<@U123|bob>`), a handle (`@bob`), or a name quoted after
    an @ (`@"Bob Jones"`); None for any other word."""
    if match := MENTION.match(token):
        return PersonRef(match.group(1), by_id=True, name=(match.group(2) or "").strip()[:200] or None)
    if match := HANDLE.match(token):
        return PersonRef(match.group(1), by_id=False)
    if token.startswith(QUOTED_NAME) and (name := " ".join(token.removeprefix(QUOTED_NAME).split())[:200]):
        return PersonRef(name, by_id=False)  # `@"Bob Jones"`
    return None
