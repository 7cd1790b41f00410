"""Counting the SQL statements a process sends without changing what each costs.

A `before_cursor_execute` listener would count them on any database, but any listener of a connection event sends
every statement through SQLAlchemy's event dispatch (59 Python calls a statement become 90), which `govbot run` never
pays: on PostgreSQL a vote made 2,754 Python calls counted that way against 2,401 uncounted (bench/vote_profile.py),
so the bench's servers were slower than a deployed one, one replica and two alike. The count is taken below
SQLAlchemy instead, one call a statement: on SQLite by SQLite's trace callback (which also takes in COMMIT, one a
batch), on PostgreSQL by psycopg's cursor (the cursor every govbot connection makes, bot.pg_cursor), which also sees
the audit chain's pipelined lock and head (bot.pg_chain); neither counts BEGIN or COMMIT there.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event


def count_statements(sent: list[int], sqlite: bool) -> None:
    """Add one to `sent[0]` for each statement every engine created from now on sends (`sqlite`: all are SQLite's;
    otherwise PostgreSQL through psycopg, as `govbot run` connects)."""
    if sqlite:

        def traced(_statement: str) -> None:
            sent[0] += 1

        @event.listens_for(Engine, "connect")  # the pool's event: no connection event, no dispatch a statement
        def _traced(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.set_trace_callback(traced)

        return

    from bot.pg_cursor import DescribedCursor

    execute, executemany = DescribedCursor.execute, DescribedCursor.executemany

    def counted(self: DescribedCursor, *args: Any, **kwargs: Any) -> Any:
        sent[0] += 1
        return execute(self, *args, **kwargs)

    def counted_many(self: DescribedCursor, *args: Any, **kwargs: Any) -> Any:
        sent[0] += 1
        return executemany(self, *args, **kwargs)

    DescribedCursor.execute = counted  # type: ignore[method-assign]
    DescribedCursor.executemany = counted_many  # type: ignore[method-assign]
