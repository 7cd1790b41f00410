"""Each platform delivery changes the record once: a retry or replay of one already handled is recognised here.

A delivery's key is claimed inside the transaction of the command it carries, so the claim and the change it
guards commit together or not at all: one write per command, and a refused command leaves no claim behind (a
replay of it is refused again and changes nothing).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.models import PlatformDelivery

# Platforms stop retrying within minutes (Slack refuses requests older than five), so older keys can go.
KEPT_FOR = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class Delivery:
    """What makes one platform delivery the same one again (an event id, a request signature)."""

    platform: str
    key: str


def claim(session: Session, delivery: Delivery, now: dt.datetime) -> bool:
    """Claim `delivery` in this transaction; False when it was already handled. Two replicas claiming at once
    both insert and one fails on the unique key at commit, so it retries and then sees the other's claim."""
    seen = session.scalar(select(PlatformDelivery.id).where(PlatformDelivery.platform == delivery.platform,
                                                           PlatformDelivery.key == delivery.key))
    if seen is not None:
        return False
    session.execute(delete(PlatformDelivery).where(PlatformDelivery.platform == delivery.platform,
                                                   PlatformDelivery.received_at < now - KEPT_FOR))
    session.add(PlatformDelivery(platform=delivery.platform, key=delivery.key, received_at=now))
    return True
