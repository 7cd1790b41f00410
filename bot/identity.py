"""Who is speaking and where, as a platform identifies them: the speaker and the place. Plain values, no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass

NAME_CHARS = 200  # the widest name the record keeps (Person.display_name, ChannelBinding.channel_name)
# What a name from a platform may not carry into the record and the cards: control characters (a NUL cannot be
# stored in PostgreSQL), the marks that reorder text shown after them (U+202E makes "gnp.exe" read "exe.png"),
# and invisible characters that make one name look like another ("al\u200bice"). The zero-width joiner and
# non-joiner stay: emoji and Persian names need them.
UNSHOWN = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def shown_name(name: str) -> str:
    """A platform's name for a person or a channel as the record keeps it: what cannot be shown taken out
    (a line break becomes a space), runs of spaces made one, and at most NAME_CHARS characters."""
    if not UNSHOWN.search(name) and len(name) <= NAME_CHARS and name == name.strip():
        return name  # the usual name, untouched and unsplit: this runs for every command
    return " ".join(UNSHOWN.sub(lambda m: " " if m.group() in "\n\r\t" else "", name).split())[:NAME_CHARS]


@dataclass(frozen=True)
class Speaker:
    """A person as a platform identifies them."""

    platform: str
    user_id: str
    display_name: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "display_name", shown_name(self.display_name) or self.user_id)


@dataclass(frozen=True)
class Audience:
    """Who can read a channel besides those invited to it, as its platform says: anyone in the organisation (or
    the whole team), and people of another organisation."""

    public: bool
    shared: bool

    @property
    def open(self) -> bool:
        return self.public or self.shared


@dataclass(frozen=True)
class Place:
    """A channel as a platform identifies it."""

    platform: str
    channel_id: str
    channel_name: str | None = None
    said_in_public: bool = False  # others in the channel can read what this person typed
    direct: bool = False  # a one-to-one chat with the bot: commands are about the person's own groups
    audience: Audience | None = None  # who can read the channel, where the platform says so with the message

    def __post_init__(self) -> None:
        if self.channel_name is not None:
            object.__setattr__(self, "channel_name", shown_name(self.channel_name) or None)
