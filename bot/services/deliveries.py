"""Each platform delivery changes the record once: a retry or replay of one already handled is recognised here.

A delivery's key is claimed inside the transaction of the command it carries, so the claim and the change it
guards commit together or not at all: one write per command, and a refused command leaves no claim behind (a
replay of it is refused again and changes nothing).
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot import driver_sql
from bot.connections import connection_of
from bot.models import PlatformDelivery

# Platforms stop retrying within minutes (Slack refuses requests older than five), so older keys can go.
KEPT_FOR = dt.timedelta(minutes=10)
PRUNE_ONE_IN = 32  # claims, on average, between two clear-outs of old keys


@dataclass(frozen=True)
class Delivery:
    """What makes one platform delivery the same one again (an event id, a request signature)."""

    platform: str
    key: str


# The table, not the mapped class: a statement on the class takes the ORM's bulk path, several times slower.
DELIVERIES = cast(Table, PlatformDelivery.__table__)


def claiming(dialect: Any) -> Any:
    """The claim as one statement: an insert that does nothing on a key already claimed, returning the new id."""
    return (dialect.insert(DELIVERIES)
            .values(platform=bindparam("platform"), key=bindparam("key"), received_at=bindparam("now"))
            .on_conflict_do_nothing(index_elements=["platform", "key"])
            .returning(DELIVERIES.c.id))


# Built once: every command a platform delivers runs them, and building a statement costs more than running it.
CLAIM = {"postgresql": claiming(postgresql), "sqlite": claiming(sqlite)}
CLEAR_OUT = delete(DELIVERIES).where(DELIVERIES.c.platform == bindparam("platform"),
                                     DELIVERIES.c.received_at < bindparam("before"))


def claim(session: Session, delivery: Delivery, now: dt.datetime) -> bool:
    """Claim `delivery` in this transaction; False when it was already handled. A replica claiming the same key
    at the same moment waits for the other's transaction, then sees its claim."""
    # On the session's connection: these rows are no record the ORM holds, and the ORM's path for a statement
    # cost as much Python again as the statement itself.
    connection = connection_of(session)
    if zlib.crc32(delivery.key.encode()) % PRUNE_ONE_IN == 0:
        connection.execute(CLEAR_OUT, {"platform": delivery.platform, "before": now - KEPT_FOR})
    claimed = driver_sql.rows(connection, CLAIM.get(connection.dialect.name, CLAIM["sqlite"]),
                              {"platform": delivery.platform, "key": delivery.key, "now": now})
    return bool(claimed)
