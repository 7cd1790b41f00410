"""A post the platform would not take waits in the outbox with its prepared reply and channel, on SQLite and
PostgreSQL, and the delivery job sends it once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.db import unit_of_work
from bot.ports import Destination
from bot.replies import Reply
from bot.services.channel_posts import postpone_post
from bot.services.context import Place
from scheduler.delivery import deliver
from tests.conftest import START, cjcg_in_room

ROOM = Place("console", "room")
CARD = Reply("Meeting 1 scheduled for Thu 10 Dec 2026, 10:00 GMT.", title="Meeting 1",
             fields=(("Where", "Civic Centre"),), notices=("Agenda items: `agenda add`.",))


class Channel:
    """A notifier that records what it was given to post."""

    platform = "console"

    def __init__(self) -> None:
        self.posts: list[tuple[Destination, Reply]] = []

    def send(self, destination: Destination, reply: Reply) -> None:
        self.posts.append((destination, reply))


def posted_once_later(url: str) -> None:
    engine, sessions = cjcg_in_room(url, ROOM)
    try:
        with unit_of_work(sessions) as session:
            assert postpone_post(session, ROOM, CARD, START)
            assert postpone_post(session, ROOM, CARD, START)  # the same post again: queued once
            assert not postpone_post(session, Place("console", "unbound"), CARD, START)
        channel = Channel()
        for minutes in (0, 5):
            deliver(sessions, {"console": channel}, START + dt.timedelta(minutes=minutes))
        [(where, reply)] = channel.posts
        assert where.channel_id == "room"
        assert reply == CARD  # as it would have been posted at once: fields, notices (and buttons) kept
    finally:
        engine.dispose()


def test_a_postponed_post_is_sent_once_on_sqlite(tmp_path: Path) -> None:
    posted_once_later(f"sqlite:///{tmp_path / 'p.db'}")


@pytest.mark.postgres
def test_a_postponed_post_is_sent_once_on_postgresql(postgres_schema_url: str) -> None:
    posted_once_later(postgres_schema_url)
