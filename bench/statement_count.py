"""Counting the SQL statements a process sends without changing what each costs.

A `before_cursor_execute` listener counts them on any database, but any listener of a connection event sends every
statement through SQLAlchemy's event dispatch (59 Python calls a statement become 90), which `govbot run` never
pays: on SQLite the count is SQLite's own (its trace callback, one call a statement), so the bench measures the
server as it runs. SQLite's count also takes in COMMIT, which the listener never saw: one a batch.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event


def count_statements(sent: list[int], sqlite: bool) -> None:
    """Add one to `sent[0]` for each statement every engine created from now on sends (`sqlite`: all are SQLite's)."""
    if sqlite:

        def traced(_statement: str) -> None:
            sent[0] += 1

        @event.listens_for(Engine, "connect")  # the pool's event: no connection event, no dispatch a statement
        def _traced(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.set_trace_callback(traced)

        return

    @event.listens_for(Engine, "before_cursor_execute")
    def _counted(*_: Any) -> None:
        sent[0] += 1
