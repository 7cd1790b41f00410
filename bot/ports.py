"""The ports the core offers the outside: where notifications go and how they are sent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from bot.replies import Reply


@dataclass(frozen=True)
class Destination:
    """Where a platform should post: a bound channel, or a direct message to one of its users."""

    platform: str
    channel_id: str | None = None
    user_id: str | None = None
    conversation: dict[str, Any] | None = None  # what the platform stored to post there later (Teams)


class DeliveryFailed(Exception):
    """A notifier could not deliver. `retry_after` (seconds) when the platform said when to try again;
    `permanent` when trying again cannot help (channel archived, bot removed)."""

    def __init__(self, reason: str, *, retry_after: float | None = None, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.permanent = permanent


class Notifier(Protocol):
    """Sends a reply to a destination on one platform. Raises DeliveryFailed."""

    platform: str

    def send(self, destination: Destination, reply: Reply) -> None: ...
