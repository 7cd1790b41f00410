"""psycopg's cursor, with its result's column description built once per kind of result rather than per statement.

SQLAlchemy reads `cursor.description` after every statement that returns rows, and psycopg builds it anew each time:
a Python `Column` object per column, each looking up its type (about 7% of a vote's CPU on PostgreSQL, in
bench/vote_profile.py). A description is only each column's name, type and type modifier, read from the result, so
results with the same ones share one; a result without columns is described as psycopg describes it.
"""

from __future__ import annotations

from typing import Any

from psycopg import Column, Cursor
from psycopg.errors import error_from_result
from psycopg.pq import ExecStatus, TransactionStatus

# {(column names, type oids, type modifiers): description}. Bounded: statements are the code's own, built once each,
# but one made per call (a column named after a value) must not grow it without end.
KEPT = 2048
_described: dict[tuple[tuple[Any, ...], ...], list[Column]] = {}


class DescribedCursor(Cursor[Any]):
    """A psycopg cursor whose `description` is shared between results with the same columns."""

    @property
    def description(self) -> list[Column] | None:
        result = self.pgresult
        if result is None or not result.nfields:
            return super().description
        each = range(result.nfields)
        key = (tuple(map(result.fname, each)), tuple(map(result.ftype, each)), tuple(map(result.fmod, each)))
        described = _described.get(key)
        if described is None:
            described = super().description or []
            if len(_described) >= KEPT:
                _described.clear()
            _described[key] = described
        return list(described)  # a list of its own: a caller may change it, as it may change psycopg's


def rollback_keeping_prepared(dbapi_connection: Any) -> None:
    """ROLLBACK, keeping the connection's prepared statements. psycopg's own rollback() forgets every statement it
    prepared on the connection and deallocates them (one more round trip), in case the transaction dropped or
    re-created what they read; govbot changes no schema but in migrations. Every read-only session ends in a
    rollback, so a server's connections lost their prepared statements every few votes: 9 of a vote's 13
    statements were parsed and planned anew, and about one a vote prepared again with a round trip of its own.
    A prepared statement outlives the transaction it was prepared in, so PostgreSQL keeps them all."""
    pgconn = dbapi_connection.pgconn
    if pgconn.transaction_status == TransactionStatus.IDLE:
        return  # as psycopg: nothing to roll back, nothing sent
    if pgconn.transaction_status == TransactionStatus.INERROR:
        # A failed statement may have been one psycopg counted as prepared and the server never prepared (a pipeline
        # aborted at a statement's sixth use: bot.pg_chain's lock timing out): psycopg's own rollback forgets them all
        # and the connection prepares afresh. Rare, so the round trip it costs is too.
        dbapi_connection.rollback()
        return
    with dbapi_connection.lock:
        result = pgconn.exec_(b"ROLLBACK")
    if result.status != ExecStatus.COMMAND_OK:
        raise error_from_result(result, encoding=pgconn._encoding)
