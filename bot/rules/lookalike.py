"""Whether pieces of text read the same to a person: a ballot's options must not. Pure: no I/O.

Text is compared as it shows: in one normal form (NFKC: a full-width `Ｙ` is `Y`), without the format characters
that do not show (a zero-width space, a soft hyphen, a direction mark, a word joiner), with its spaces as one, and
without case. The zero-width joiner and non-joiner are kept: in Persian, the Indic scripts and emoji they change
what shows, and tell words apart; so are the tag characters that name a flag (Scotland's and Wales' are one black
flag and tags).
A Cyrillic or Greek letter that shows as a Latin one (`А`, `В`, `Е`, `Ο`, `р`) is taken as that Latin letter: the
short table below holds the common ones of Unicode's confusables (UTS #39), not all of them; a library for the whole
list weighs more than the table it would replace here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

JOINERS = frozenset("\u200c\u200d") | frozenset(map(chr, range(0xE0020, 0xE0080)))


# Cyrillic, then Greek, letters, casefolded, and the Latin letter each shows as: a capital's lowercase maps as the
# capital shows (Cyrillic `Н` as `H`, so `н` to `h`), so that case never tells two words apart (`Нет`, `нет`). Greek
# `ν` follows its capital `Ν` (N), not the `v` it looks like in lowercase.
_SHOWN_AS_LATIN = str.maketrans(
    "авеѕіјкмнорстхуԁԛԝһӏ" "αβεζηικμνορτυχ",
    "abesijkmhopctxydqwhl" "abezhikmnoptyx",
)


def as_seen(text: str) -> str:
    """`text` as a reader tells it from other text."""
    normal = unicodedata.normalize("NFKC", text)
    shown = "".join(c for c in normal if c in JOINERS or unicodedata.category(c) != "Cf")
    return " ".join(shown.casefold().translate(_SHOWN_AS_LATIN).split())


def first_alike(texts: Sequence[str]) -> tuple[int, int] | None:
    """The numbers (from 1) of the first two of `texts` that read the same, or None when each reads differently."""
    seen: dict[str, int] = {}
    for number, text in enumerate(texts, start=1):
        earlier = seen.setdefault(as_seen(text), number)
        if earlier != number:
            return earlier, number
    return None


BUTTON_CHARS = 60  # of a button's label every platform shows whole (Slack shows 75; Teams, on a phone, fewer)


def button_labels(labels: Sequence[str]) -> list[str]:
    """Each of a ballot's options as its button shows it: where two read the same in their first BUTTON_CHARS
    characters, each of those is numbered (`2. That the group…`), so that no two of its buttons read the same."""
    heads = [as_seen(label[:BUTTON_CHARS]) for label in labels]
    return [f"{number}. {label}" if heads.count(head) > 1 else label
            for number, (label, head) in enumerate(zip(labels, heads, strict=True), start=1)]
