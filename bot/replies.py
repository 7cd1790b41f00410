"""The neutral reply every platform renders its own way: text, fields and buttons."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.commands import Command, as_text
from bot.payloads import encode
from bot.refs import RecordRef


def shortened(text: str, limit: int) -> str:
    """`text` within `limit` characters, ending in an ellipsis where it was cut, so a reader never takes the stub of
    a long question for the whole of it. Every place that shows record text cut (a reply, a button, a card) uses it."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * 2 // 3 else cut).rstrip(" ,;:") + "…"  # at a word where one ends near


@dataclass(frozen=True)
class Button:
    """A choice offered to the reader; pressing it runs `command` as that person."""

    label: str
    command: Command
    style: str = "default"  # default | primary | danger

    @property
    def payload(self) -> str:
        """What the button carries on a platform: its command as compact JSON (bot.payloads), read back on a press."""
        return encode(self.command)


@dataclass(frozen=True)
class Aside:
    """A message beside a reply, for one person alone: `to`, their account on the reply's platform (said in their
    direct chat with the bot), or None for the speaker, privately where they spoke."""

    reply: Reply
    to: str | None = None


@dataclass(frozen=True)
class Reply:
    """What the bot says back.

    `private` replies concern only the speaker (Slack shows them ephemeral); the rest are for the channel.
    `subject` names the record the message shows (a `PollRef`) so a platform can update it in place;
    `changes` names other records whose cards the command changed (the meeting, after a roll call), to refresh;
    `cards` are those records' public cards as the channel sees them, read in the command's own transaction (a
    vote's receipt is private, and carries the poll's refreshed card for the platform to put in place);
    `cards_pending` are records whose cards the command changed but did not compose, because the platform said a
    refresh of each is already under way (that refresh reads the card again once it is done, after this commit);
    `asides` are messages for single people the command gave rise to (a chair warned about the channel);
    `version` is the place in the group's audit chain of the latest change a card shows (composed in a command's
    transaction, or read), so a platform never puts a card back over one showing a later change;
    `audience_wanted` asks a platform that did not say who can read the channel (`Place.audience`) to find out and
    hand it to `conversation.exposure` (after a channel is bound);
    `accounts` are platform account ids the reply shows as names, for people the record knows by their account
    alone (who never spoke to govbot): a platform that can show a person by their account does so;
    `quoted` are texts members typed that the reply shows again (a poll's question and options, a meeting's place and
    agenda): a word in them that looks like an account is their words, never govbot naming that person;
    `unshared` marks a private reply the rest of the channel must not read (draft minutes, before their approval):
    a platform that cannot show one person a message in a channel gives it in their 1:1 chat instead.
    """

    text: str
    title: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    buttons: tuple[Button, ...] = ()
    private: bool = False
    error: bool = False
    subject: RecordRef | None = None
    notices: tuple[str, ...] = field(default=())
    changes: tuple[RecordRef, ...] = field(default=())
    cards: tuple[Reply, ...] = field(default=())
    cards_pending: tuple[RecordRef, ...] = field(default=())
    link: tuple[str, str] | None = None  # (label, address): a button that opens a web page
    asides: tuple[Aside, ...] = field(default=())
    audience_wanted: bool = False
    version: int | None = None
    accounts: tuple[str, ...] = field(default=())
    unshared: bool = False
    quoted: tuple[str, ...] = field(default=())

    def as_text(self) -> str:
        """Plain text for the console and for logs of what was said."""
        lines = [f"*{self.title}*"] if self.title else []
        lines.append(self.text)
        lines.extend(f"  {label}: {value}" for label, value in self.fields)
        if self.buttons:
            lines.append("  " + "  ".join(f"[{b.label}: {as_text(b.command)}]" for b in self.buttons))
        lines.extend(self.notices)
        if self.link:
            lines.append(f"{self.link[0]}: {self.link[1]}")
        return "\n".join(lines)


def refusal(message: str) -> Reply:
    return Reply(text=message, private=True, error=True)
