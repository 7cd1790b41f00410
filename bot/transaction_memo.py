"""What a command remembers on its session for one transaction (`session.info[key]`): forgotten when the transaction
ends, and when it or a savepoint in it rolls back, since what was read may then be undone."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction


def forgotten_with_transaction(key: str) -> None:
    """Have every session forget `session.info[key]` as the module docstring says."""

    @event.listens_for(Session, "after_soft_rollback")  # a savepoint's too
    def _rolled_back(session: Session, _previous: SessionTransaction) -> None:
        session.info.pop(key, None)

    @event.listens_for(Session, "after_transaction_end")
    def _ended(session: Session, transaction: SessionTransaction) -> None:
        if transaction.parent is None:  # the transaction itself, not a savepoint or a flush within it
            session.info.pop(key, None)
