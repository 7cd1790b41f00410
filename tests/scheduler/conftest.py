"""Scheduler fixtures: a notifier that records what it is asked to send, and a clock the test moves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import OutboxMessage
from bot.ports import DeliveryFailed, Destination
from bot.replies import Reply
from scheduler.runner import Tick, tick


@dataclass
class Sent:
    at: dt.datetime
    destination: Destination
    reply: Reply


@dataclass
class RecordingNotifier:
    """A console notifier that keeps what it sends; `failures` makes the next sends raise, one each."""

    platform: str = "console"
    now: dt.datetime = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    sent: list[Sent] = field(default_factory=list)
    failures: list[DeliveryFailed] = field(default_factory=list)
    tried: list[tuple[dt.datetime, str | None]] = field(default_factory=list)

    def send(self, destination: Destination, reply: Reply) -> None:
        self.tried.append((self.now, reply.title))
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(Sent(self.now, destination, reply))


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier()


def run(sessions: sessionmaker[Session], notifier: RecordingNotifier, moments: Iterable[dt.datetime]) -> list[Tick]:
    """One scheduler pass at each moment, in order."""
    ticks = []
    for moment in moments:
        notifier.now = moment
        ticks.append(tick(sessions, {"console": notifier}, moment))
    return ticks


def outbox(sessions: sessionmaker[Session]) -> list[OutboxMessage]:
    with sessions() as session:
        return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def hours(start: dt.datetime, end: dt.datetime, step: dt.timedelta = dt.timedelta(hours=1)) -> list[dt.datetime]:
    moments, moment = [], start
    while moment <= end:
        moments.append(moment)
        moment += step
    return moments
