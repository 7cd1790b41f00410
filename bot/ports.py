"""The ports the core offers the outside: where notifications go and how they are sent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from bot.replies import Reply


@dataclass(frozen=True)
class Destination:
    """Where a platform should post: a bound channel, or a direct message to one of its users."""

    platform: str
    channel_id: str | None = None
    user_id: str | None = None
    conversation: dict[str, Any] | None = None  # what the platform stored to post there later (Teams)


@dataclass(frozen=True)
class Posted:
    """The message a notifier posted, as the platform names it (Slack's `ts`, Teams' activity id), and the thread
    it is in where the platform needs one: so a record's card sent from the outbox is updated in place later."""

    message: str
    conversation: str | None = None


class DeliveryFailed(Exception):
    """A notifier could not deliver. `retry_after` (seconds) when the platform said when to try again;
    `permanent` when trying again cannot help (channel archived, bot removed)."""

    def __init__(self, reason: str, *, retry_after: float | None = None, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.permanent = permanent


class Notifier(Protocol):
    """Sends a reply to a destination on one platform; returns the message posted where the platform says (None
    where it does not). Raises DeliveryFailed."""

    platform: str

    def send(self, destination: Destination, reply: Reply) -> Posted | None: ...


@runtime_checkable
class UpdatesCards(Protocol):
    """A notifier that can also put a reply in place of a message it posted before: so a record's earlier card (a
    poll its deadline closed) shows what the new post says, not buttons that no longer work. Raises
    DeliveryFailed."""

    def update(self, destination: Destination, posted: Posted, reply: Reply) -> None: ...
