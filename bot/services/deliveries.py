"""Each platform delivery changes the record once: a retry or replay of one already handled is recognised here.

A delivery's key is claimed inside the transaction of the command it carries, so the claim and the change it
guards commit together or not at all: one write per command, and a refused command leaves no claim behind (a
replay of it is refused again and changes nothing).
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.models import PlatformDelivery

# Platforms stop retrying within minutes (Slack refuses requests older than five), so older keys can go.
KEPT_FOR = dt.timedelta(minutes=10)
PRUNE_ONE_IN = 32  # claims, on average, between two clear-outs of old keys


@dataclass(frozen=True)
class Delivery:
    """What makes one platform delivery the same one again (an event id, a request signature)."""

    platform: str
    key: str


def claim(session: Session, delivery: Delivery, now: dt.datetime) -> bool:
    """Claim `delivery` in this transaction; False when it was already handled. One statement: an insert that
    does nothing on a key already claimed (a replica claiming the same key at the same moment waits for the
    other's transaction, then sees its claim)."""
    if zlib.crc32(delivery.key.encode()) % PRUNE_ONE_IN == 0:
        session.execute(delete(PlatformDelivery).where(PlatformDelivery.platform == delivery.platform,
                                                       PlatformDelivery.received_at < now - KEPT_FOR))
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    inserted = session.scalar(dialect.insert(PlatformDelivery)
                              .values(platform=delivery.platform, key=delivery.key, received_at=now)
                              .on_conflict_do_nothing(index_elements=["platform", "key"])
                              .returning(PlatformDelivery.id))
    return inserted is not None
