"""A platform delivering one request several times (its retries, a replay) changes the record once."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import respond_once
from bot.db import unit_of_work
from bot.models import Ballot, PlatformDelivery
from bot.replies import Reply
from bot.services.context import Place, Speaker
from bot.services.deliveries import KEPT_FOR, PRUNE_ONE_IN, Delivery, claim
from tests.conftest import START, cjcg_in_room

ROOM = Place("console", "room")
LATER = START + dt.timedelta(minutes=1)


def thirty_deliveries(url: str) -> tuple[list[Reply | None], int, int]:
    """The same delivered vote thirty times at once: the replies, then how many ballots and claims exist."""
    engine, sessions = cjcg_in_room(url, ROOM)
    bob, alice = Speaker("console", "bob", "bob"), Speaker("console", "alice", "alice")
    respond_once(sessions, alice, ROOM, 'poll "Away day venue" "Leigh" "Shoebury" --closes "2026-12-31 17:00"', LATER, None)
    replies: list[Reply | None] = []
    delivery = Delivery("slack", "sig:v0=abc123")
    threads = [threading.Thread(target=lambda: replies.append(
        respond_once(sessions, bob, ROOM, "vote 1 Leigh", LATER, delivery))) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with sessions() as session:
        ballots = session.scalar(select(func.count()).select_from(Ballot)) or 0
        claims = session.scalar(select(func.count()).select_from(PlatformDelivery)) or 0
    engine.dispose()
    return replies, ballots, claims


def assert_handled_once(replies: list[Reply | None], ballots: int, claims: int) -> None:
    assert len(replies) == 30
    answered = [r for r in replies if r is not None]
    assert len(answered) == 1 and "is recorded: Leigh" in answered[0].text  # the repeats are silent
    assert (ballots, claims) == (1, 1)


def test_thirty_deliveries_of_one_vote_count_once_on_sqlite(tmp_path: Path) -> None:
    assert_handled_once(*thirty_deliveries(f"sqlite:///{tmp_path / 'd.db'}"))


@pytest.mark.postgres
def test_thirty_deliveries_of_one_vote_count_once_on_postgresql(postgres_schema_url: str) -> None:
    assert_handled_once(*thirty_deliveries(postgres_schema_url))


def test_a_refused_command_leaves_no_claim_so_its_repeat_is_refused_again(sessions: sessionmaker[Session]) -> None:
    speaker = Speaker("console", "zed", "zed")
    delivery = Delivery("slack", "sig:v0=refused")
    first = respond_once(sessions, speaker, ROOM, "vote 1 1", LATER, delivery)
    again = respond_once(sessions, speaker, ROOM, "vote 1 1", LATER, delivery)
    assert first is not None and first.error and again is not None and again.error and again.text == first.text
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(PlatformDelivery)) == 0


def test_keys_older_than_platforms_retry_are_cleared_out(sessions: sessionmaker[Session]) -> None:
    old = [Delivery("slack", f"sig:old-{n}") for n in range(5)]
    with unit_of_work(sessions) as session:
        assert all(claim(session, d, START) for d in old)
    later = START + KEPT_FOR + dt.timedelta(seconds=1)
    # Clearing out runs on about one claim in PRUNE_ONE_IN; enough new claims make sure it ran.
    with unit_of_work(sessions) as session:
        for n in range(PRUNE_ONE_IN * 8):
            claim(session, Delivery("slack", f"sig:new-{n}"), later)
    with sessions() as session:
        keys = set(session.scalars(select(PlatformDelivery.key)))
    assert not keys & {d.key for d in old} and len(keys) == PRUNE_ONE_IN * 8
    with unit_of_work(sessions) as session:
        assert not claim(session, Delivery("slack", "sig:new-0"), later)  # a recent key is still known
