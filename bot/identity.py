"""Who is speaking and where, as a platform identifies them: the speaker and the place. Plain values, no I/O."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Speaker:
    """A person as a platform identifies them."""

    platform: str
    user_id: str
    display_name: str


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
