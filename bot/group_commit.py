"""Group commit for SQLite's single writer: the commands queued behind it are committed together.

SQLite writes one transaction at a time and syncs its log at every commit, so fifty votes in flight used to mean
fifty transactions and fifty fsyncs, one after another. Here one thread writes: it takes every command waiting
(up to MOST), runs them in arrival order in one transaction, each in a SAVEPOINT of its own so that a refusal or a
failure rolls back only that command, and commits once. No one hears how their command went until the batch is
committed: a reply saying "recorded" is never given for a change a crash could still lose. Should the commit itself
fail, each command of the batch runs again alone, so one bad command never costs the others theirs.

The composition root starts a writer for a SQLite record (`start`); `bot.conversation.transact` then hands every
command's unit of work to it. Without one (PostgreSQL, tests), each command commits on its own as before.
"""

from __future__ import annotations

import logging
import queue
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot import audit

logger = logging.getLogger(__name__)

T = TypeVar("T")
MOST = 64  # commands in one batch at most: a reply waits for its whole batch
ATTEMPTS = 3  # a command whose write raced another's (two deliveries of one click) runs again, then sees it

_writers: weakref.WeakKeyDictionary[sessionmaker[Session], GroupCommit] = weakref.WeakKeyDictionary()


@dataclass
class Queued:
    """One command's unit of work waiting for the writer, and where its outcome goes once committed."""

    verb: str
    work: Callable[[Session], Any]
    outcome: Future[Any] = field(default_factory=Future)
    result: Any = None
    error: BaseException | None = None


class GroupCommit:
    """The one thread that writes to a SQLite record, committing what queued behind it in batches."""

    def __init__(self, sessions: sessionmaker[Session], most: int = MOST) -> None:
        self.sessions = sessions
        self.most = most
        self.waiting: queue.SimpleQueue[Queued | None] = queue.SimpleQueue()
        # Held while a batch runs: this process's other writes (a card's timestamp, say) go in between batches.
        self.turn = threading.Lock()
        self.batches = 0  # committed so far (what the tests and the bench look at)
        self.current: Session | None = None  # the batch's session while one runs
        self.door, self.open = threading.Lock(), True
        self.thread = threading.Thread(target=self._serve, name="group-commit", daemon=True)
        self.thread.start()

    def run(self, verb: str, work: Callable[[Session], T]) -> T:
        """Run `work(session)` in the next batch and return what it returned once the batch is committed; raise
        what it raised (its changes then rolled back, and nobody else's)."""
        item = Queued(verb, work)
        if threading.current_thread() is self.thread and self.current is not None:  # inside a batch already
            return work(self.current)
        with self.door:
            queued = self.open
            if queued:
                self.waiting.put(item)
        if not queued:  # the writer has stopped: a batch of its own, here
            with self.turn:
                self._commit_or_split([item])
        return item.outcome.result()  # type: ignore[no-any-return]

    def close(self) -> None:
        """Commit everything already queued, then stop the thread (later commands each commit on their own)."""
        with self.door:
            self.open = False
            self.waiting.put(None)
        self.thread.join()

    def _serve(self) -> None:
        while (first := self.waiting.get()) is not None:
            batch, stopping = self._gather(first)
            with self.turn:
                self._commit_or_split(batch)
            if stopping:
                return

    def _gather(self, first: Queued) -> tuple[list[Queued], bool]:
        batch = [first]
        while len(batch) < self.most:
            try:
                item = self.waiting.get_nowait()
            except queue.Empty:
                break
            if item is None:
                return batch, True
            batch.append(item)
        return batch, False

    def _commit_or_split(self, batch: list[Queued]) -> None:
        try:
            self._commit(batch)
        except Exception as error:
            if len(batch) == 1:
                batch[0].result, batch[0].error = None, error
            else:
                logger.warning("a batch of %d commands failed to commit (%s); running each alone", len(batch),
                               type(error).__name__)
                for item in batch:
                    self._commit_or_split([item])
                return
        for item in batch:  # only now, committed: the replies may go
            if item.error is not None:
                item.outcome.set_exception(item.error)
            else:
                item.outcome.set_result(item.result)
        self.batches += 1

    def _commit(self, batch: list[Queued]) -> None:
        try:
            with self.sessions() as session, session.begin():
                self.current = session
                for item in batch:
                    item.result, item.error = None, None
                    self._one(session, item)
        finally:
            self.current = None

    @staticmethod
    def _one(session: Session, item: Queued) -> None:
        """Run one command in its own savepoint, closed as a commit would close it (its audit seal written)."""
        for attempt in range(ATTEMPTS):
            savepoint = session.begin_nested()
            try:
                item.result = item.work(session)
                audit.close_unit(session)
                savepoint.commit()
                return
            except (IntegrityError, OperationalError) as error:
                savepoint.rollback()
                audit.forget_unit(session)
                if attempt == ATTEMPTS - 1:
                    item.error = error
            except Exception as error:  # DomainError (a refusal) or a failure: only this command is undone
                savepoint.rollback()
                audit.forget_unit(session)
                item.error = error
                return


def start(sessions: sessionmaker[Session], most: int = MOST) -> GroupCommit:
    """Start the writer for `sessions` (a SQLite record); from now on every command's work goes through it."""
    writer = GroupCommit(sessions, most)
    _writers[sessions] = writer
    return writer


def stop(sessions: sessionmaker[Session]) -> None:
    """Commit what is queued and stop the writer of `sessions`, if it has one."""
    writer = _writers.pop(sessions, None)
    if writer is not None:
        writer.close()


def writer_for(sessions: sessionmaker[Session]) -> GroupCommit | None:
    return _writers.get(sessions)

