"""A delivery batch's turns with the database after it claimed its messages: each message sent is marked in the
transaction that renews the lease on the next one, so a batch makes one transaction a message rather than two (on
PostgreSQL one statement, committed on its own).

Just before each send the message's lease is renewed from the clock for a full LEASE (sends can wait on a platform's
Retry-After, so a batch may outlast its leases), and a message another replica has claimed meanwhile, or that was
set aside (its channel refused), is left alone. The message sent before it is marked sent in that same short
transaction, straight after its send, or in a transaction of its own when the batch does anything else first or
ends: a crash loses at most the message in hand, as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, bindparam, update
from sqlalchemy.orm import Session, sessionmaker

from bot.models import OutboxMessage
from bot.replies import Reply
from scheduler import outbox
from scheduler.outbox import Claimed

RENEW = update(OutboxMessage).where(OutboxMessage.id == bindparam("renew_id"), OutboxMessage.status == "queued",
                                   OutboxMessage.claimed_until == bindparam("held")) \
    .values(claimed_until=bindparam("until")).returning(OutboxMessage.id)
RENEW_AND_MARK = RENEW.add_cte(outbox.SENT.cte("sent"))  # PostgreSQL runs a data-modifying WITH in the statement


class Lease:
    def __init__(self, sessions: sessionmaker[Session], clock: Callable[[], dt.datetime]) -> None:
        with sessions() as session:
            bind = session.get_bind()
        # Its statements go straight to the engine: they touch no object, and a session's unit of work and an ORM
        # UPDATE cost several times the statement itself, once a message.
        self.engine = bind if isinstance(bind, Engine) else bind.engine
        # On PostgreSQL the renewal and the mark are one statement, committed on its own (one round trip, not four
        # with BEGIN and COMMIT); SQLite takes them in a short transaction.
        self.autocommit = self.engine.execution_options(isolation_level="AUTOCOMMIT") \
            if self.engine.dialect.name == "postgresql" else None
        self.clock = clock
        self.unmarked: tuple[int, dt.datetime, Reply] | None = None

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A short transaction that first marks the message last sent."""
        with self.engine.begin() as connection:
            if self.unmarked is not None:
                outbox.mark_sent(connection, *self.unmarked)
            yield connection
        self.unmarked = None

    def held(self, message: Claimed) -> bool:
        """Renew this process's lease on the message just before sending it: False when it is no longer ours."""
        params = {"renew_id": message.id, "held": message.claimed_until, "until": self.clock() + outbox.LEASE}
        if self.autocommit is None:  # SQLite: RENEW (built once) in a short transaction that marks the last sent
            with self.transaction() as connection:
                return connection.execute(RENEW, params).first() is not None
        statement = RENEW
        if self.unmarked is not None:
            statement = RENEW_AND_MARK
            params |= outbox.sent_values(*self.unmarked)
        with self.autocommit.connect() as connection:
            held = connection.execute(statement, params).first() is not None
        self.unmarked = None
        return held

    def sent(self, message_id: int, now: dt.datetime, reply: Reply) -> None:
        """The message went out: marked in the batch's next transaction (keeping the words as sent)."""
        self.unmarked = (message_id, now, reply)

    def settle(self) -> None:
        """Mark the message last sent now, before the batch does anything else or ends."""
        if self.unmarked is not None:
            with self.transaction():
                pass
