"""A poll typed without quotes is refused when its question's end is a guess: `poll Where next? Hall Online`."""

from __future__ import annotations

import shlex

from bot.errors import UsageError

QUOTES = ('"', "'")


def typed_words(text: str) -> list[tuple[str, bool]]:
    """The words of a command as typed, each with whether it was in quotes (quotes already made plain)."""
    lexer = shlex.shlex(text.replace("\n", " "), posix=False, punctuation_chars=False)
    lexer.whitespace_split = True
    lexer.commenters = ""
    try:
        tokens = list(lexer)
    except ValueError:  # an unclosed quote: the grammar has already said so
        return []
    return [(token[1:-1], True) if len(token) > 1 and token[0] in QUOTES and token[-1] == token[0]
            else (token, False) for token in tokens]


def check_poll_words(text: str, value_options: frozenset[str]) -> None:
    """Refuse a poll whose question was typed without quotes unless it is one word ending in "?" and no later
    unquoted word ends in "?" too. The refusal gives the quoted form to copy."""
    words = typed_words(text)
    start = next((i + 1 for i, (word, _) in enumerate(words) if word.casefold() == "poll"), len(words))
    given, options, index = [], [], start
    while index < len(words):
        word, quoted = words[index]
        if not quoted and word.startswith("--"):
            takes_value = word[2:].casefold() in value_options and index + 1 < len(words)
            typed = words[index:index + (2 if takes_value else 1)]
            options.append(" ".join(f'"{w}"' if " " in w else w for w, _ in typed))
            index += 2 if takes_value else 1
            continue
        given.append((word, quoted))
        index += 1
    if not given or given[0][1]:
        return
    ends = [i for i, (word, quoted) in enumerate(given) if not quoted and word.endswith("?")]
    if ends == [0]:
        return
    split = ends[0] + 1 if ends else 1
    question = " ".join(word for word, _ in given[:split])
    form = " ".join([f'poll "{question}"', *(f'"{word}"' for word, _ in given[split:]), *options])
    raise UsageError(f"Put the question and each option in quotes, so the record shows exactly what was asked: "
                     f"`{form}`. An option of more than one word goes in one pair of quotes: \"Town Hall\".")
