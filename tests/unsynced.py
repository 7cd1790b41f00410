"""SQLite in the tests skips fsync (PRAGMA synchronous=OFF): a commit still reaches the operating system, so a
killed process loses nothing, which is all a test can observe; only a power cut could tell the difference. Each
fsync costs ~7 ms on the CI disk, and the suite commits tens of thousands of times."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event


def _unsynced(dbapi_connection: Any, _record: Any) -> None:
    if type(dbapi_connection).__module__ == "sqlite3":
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.close()


def install() -> None:
    """Every SQLite engine this process makes from now on skips fsync."""
    if not event.contains(Engine, "connect", _unsynced):
        event.listen(Engine, "connect", _unsynced)
