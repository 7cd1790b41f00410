"""psycopg's cursor, with its result's column description built once per kind of result rather than per statement.

SQLAlchemy reads `cursor.description` after every statement that returns rows, and psycopg builds it anew each time:
a Python `Column` object per column, each looking up its type (about 7% of a vote's CPU on PostgreSQL, in
bench/vote_profile.py). The same statement text with the same column names and types always describes the same
columns, so the description is kept by those and shared; anything else (no rows, a statement text psycopg no longer
exposes) is described as psycopg describes it.
"""

from __future__ import annotations

from typing import Any

from psycopg import Column, Cursor

# {(statement text, column names, type oids, type modifiers): description}. Bounded: statements are the code's own,
# built once each, but a text made per call (a value spliced in) must not grow it without end.
KEPT = 2048
_described: dict[tuple[Any, ...], list[Column]] = {}


class DescribedCursor(Cursor[Any]):
    """A psycopg cursor whose `description` is shared between results of the same statement and columns."""

    @property
    def description(self) -> list[Column] | None:
        result, query = self.pgresult, getattr(self, "_last_query", None)
        if result is None or not result.nfields or not isinstance(query, str | bytes):
            return super().description
        each = range(result.nfields)
        key = (query, tuple(map(result.fname, each)), tuple(map(result.ftype, each)), tuple(map(result.fmod, each)))
        described = _described.get(key)
        if described is None:
            described = super().description or []
            if len(_described) >= KEPT:
                _described.clear()
            _described[key] = described
        return list(described)  # a list of its own: a caller may change it, as it may change psycopg's
