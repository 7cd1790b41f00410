"""A group's audit chain on PostgreSQL: its lock taken and its head read in one round trip.

Two replicas must not both append at one place in a group's chain, so an append takes the chain's advisory lock
and then reads the head. Sent one after the other, that is two round trips with the lock held across the second
(and, on a busy server, the wait for Python's lock after each). Sent together in psycopg's pipeline mode, the
server still runs them in order, each its own statement: the read waits for the lock and then takes its own
snapshot (READ COMMITTED), so it sees the append of whoever held the lock before. One round trip, no function in
the database. Not imported on SQLite; psycopg itself is reached through the connection.

A command whose own write can take the lock (a vote's ballot: `head_after`) sends that write and the read of the head
together instead: one statement and one round trip fewer again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.sql import ClauseElement

from bot import driver_sql

LOCK = "SELECT pg_advisory_xact_lock(4242, %s)"  # the key audit.CHAIN_LOCK takes: either may be used on a chain
HEAD_OF_GROUP = ("SELECT hash, seq FROM audit_events WHERE group_id = %s AND seq IS NOT NULL "
                 "ORDER BY seq DESC LIMIT 1")


def locked_head(connection: Connection, chain: int, group_id: int) -> tuple[str, int] | None:
    """Take the chain lock `chain` (held to the end of the transaction) and read the head of `group_id`'s chain
    after it: its hash and place, or None when the group has no event with a place yet."""
    driver: Any = connection.connection.driver_connection
    lock, head = driver.cursor(), driver.cursor()
    _counted(connection, lock, LOCK, (chain,))
    _counted(connection, head, HEAD_OF_GROUP, (group_id,))
    try:
        with driver.pipeline():
            lock.execute(LOCK, (chain,))
            head.execute(HEAD_OF_GROUP, (group_id,))
        found = head.fetchone()
    except connection.dialect.loaded_dbapi.Error as error:
        # As SQLAlchemy's own execution raises it (a lock timeout or deadlock: OperationalError, which a command
        # retries), the connection invalidated if it was lost.
        connection._handle_dbapi_exception(error, HEAD_OF_GROUP, (group_id,), head, None)
    finally:
        lock.close()
        head.close()
    return None if found is None else (str(found[0]), int(found[1]))


def head_after(connection: Connection, statement: ClauseElement, params: Mapping[str, Any],
               group_id: int) -> tuple[Sequence[Any], tuple[str, int] | None]:
    """Run `statement`, which takes the lock of `group_id`'s chain itself (held to the end of the transaction), and
    read the head of that chain after it, in one round trip: `statement`'s rows (as bot.driver_sql.rows gives them)
    and the head, as `locked_head` gives it."""
    plain, values = driver_sql.bound(connection, statement, params)
    assert plain is not None, "a statement the driver runs as written"
    driver: Any = connection.connection.driver_connection
    first, head = driver.cursor(), driver.cursor()
    _counted(connection, first, plain.sql, values)
    _counted(connection, head, HEAD_OF_GROUP, (group_id,))
    try:
        with driver.pipeline():
            first.execute(plain.sql, values)
            head.execute(HEAD_OF_GROUP, (group_id,))
        written, found = driver_sql.shaped(connection, plain, first), head.fetchone()
    except connection.dialect.loaded_dbapi.Error as error:
        connection._handle_dbapi_exception(error, plain.sql, values, first, None)
        raise  # not reached: SQLAlchemy raises its own
    finally:
        first.close()
        head.close()
    return written, None if found is None else (str(found[0]), int(found[1]))


def _counted(connection: Connection, cursor: Any, statement: str, parameters: tuple[Any, ...]) -> None:
    """Tell SQLAlchemy's statement listeners, as its own execution would: the benches count statements there."""
    if connection._has_events or connection.engine._has_events:
        connection.dispatch.before_cursor_execute(connection, cursor, statement, parameters, None, False)
