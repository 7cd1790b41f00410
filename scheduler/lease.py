"""A delivery batch's turns with the database after it claimed its messages: each message sent is marked in the
transaction that renews the lease on the next one, so a batch makes one transaction a message rather than two.

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

from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.replies import Reply
from scheduler import outbox
from scheduler.outbox import Claimed


class Lease:
    def __init__(self, sessions: sessionmaker[Session], clock: Callable[[], dt.datetime]) -> None:
        self.sessions, self.clock = sessions, clock
        self.unmarked: tuple[int, dt.datetime, Reply] | None = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A short transaction that first marks the message last sent."""
        with unit_of_work(self.sessions) as session:
            if self.unmarked is not None:
                outbox.mark_sent(session, *self.unmarked)
            yield session
        self.unmarked = None

    def held(self, message: Claimed) -> bool:
        """Renew this process's lease on the message just before sending it: False when it is no longer ours."""
        with self.transaction() as session:
            return outbox.renew(session, message.id, message.claimed_until, self.clock()) is not None

    def sent(self, message_id: int, now: dt.datetime, reply: Reply) -> None:
        """The message went out: marked in the batch's next transaction (keeping the words as sent)."""
        self.unmarked = (message_id, now, reply)

    def settle(self) -> None:
        """Mark the message last sent now, before the batch does anything else or ends."""
        if self.unmarked is not None:
            with self.transaction():
                pass
