"""The connection a session's transaction runs on, found once a transaction rather than once a statement.

The plain statements a vote sends without the ORM's path (the delivery claim, the ballot, the audit chain, the pace
count) each asked the session for its connection: on PostgreSQL about 25 Python calls each time, for the same
connection every time. It is kept on the session for the transaction it was found in: a savepoint begun after is
another transaction, whose first ask must go through the session (that is what emits its SAVEPOINT).
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.orm import Session

KEPT = "connections.kept"


def connection_of(session: Session) -> Connection:
    """`session.connection()`, beginning the session's transaction if need be."""
    current = session._transaction  # the innermost: a savepoint's own, while one is open
    kept = session.info.get(KEPT)
    if current is not None and kept is not None and kept[0] is current and not kept[1].closed:
        return kept[1]  # type: ignore[no-any-return]
    found = session.connection()
    session.info[KEPT] = (session._transaction, found)
    return found
