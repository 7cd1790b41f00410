"""Two replicas of govbot's Slack server on one database: a card one replica put in place is never put back by the
other holding a card composed before it (each process knew only its own changes' order)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, session_factory
from bot.settings import Settings
from tests.conftest import Clock, migrated
from tests.slack.conftest import Workspace, buttons, serving, shown
from tests.slack.fake_slack import FakeSlack
from tests.slack.idle import busy
from tests.slack.test_votes_during_refresh import slow_vote_then_a_later_one


@pytest.fixture
def replica_b(fake: FakeSlack, slack_settings: Settings, sessions: sessionmaker[Session],
              clock: Clock) -> Iterator[Workspace]:
    """A second server, with its own engine on the same database, as a second `govbot run` behind the balancer."""
    engine = make_engine(str(sessions.kw["bind"].url))
    try:
        with serving(slack_settings, session_factory(engine), clock, fake) as running:
            yield running
    finally:
        engine.dispose()


def slow_vote_on_a_later_vote_on_b(workspace: Workspace, replica_b: Workspace) -> list[str]:
    """bob votes on replica A, his receipt slow to reach Slack; carol votes after him on replica B, whose refresh
    shows both votes; then bob's receipt goes through, and A refreshes the card. What each card update showed."""
    return slow_vote_then_a_later_one(workspace, replica_b)


def test_a_slow_vote_on_one_replica_does_not_put_back_the_card_a_later_vote_on_another_replaced(
        workspace: Workspace, replica_b: Workspace) -> None:
    """A's refresh, which follows bob's receipt, held the card as it stood after bob's vote alone and put it back:
    A had seen no later change of that card. The card now keeps the change it shows, for every replica."""
    updates = slow_vote_on_a_later_vote_on_b(workspace, replica_b)
    assert "*Voted*\n2" in updates[-1], updates


@pytest.mark.postgres
def test_the_same_on_postgresql_where_replicas_take_turns_in_a_channel(
        postgres_schema_url: str, fake: FakeSlack, slack_settings: Settings, clock: Clock) -> None:
    migrated(postgres_schema_url)
    engines = [make_engine(postgres_schema_url) for _ in range(2)]
    try:
        with serving(slack_settings, session_factory(engines[0]), clock, fake) as a, \
                serving(slack_settings, session_factory(engines[1]), clock, fake) as b:
            updates = slow_vote_on_a_later_vote_on_b(a, b)
    finally:
        for engine in engines:
            engine.dispose()
    assert "*Voted*\n2" in updates[-1], updates


def test_a_slow_vote_on_one_replica_does_not_reopen_the_card_a_close_on_another_put_in_place(
        workspace: Workspace, replica_b: Workspace) -> None:
    """bob votes on replica A, his receipt slow to reach Slack; alice closes the poll on replica B, whose answer
    puts the closed card in place. A's refresh then put back the open card, buttons and all."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    card = workspace.say("alice", 'poll "Where shall we meet in spring?" "Civic Centre" "Online" --closes "2026-12-31 17:00"')
    workspace.card_noted(card)
    slow = workspace.fake.held["response_url"] = threading.Event()
    assert workspace.click("bob", buttons(card)["Online"], card.answer["ts"]).status == 200
    workspace.fake.wait_for(lambda: workspace.fake.holding)
    del workspace.fake.held["response_url"]
    closed = replica_b.say("alice", "poll close 1")
    assert closed.method == "chat.update" and "[Online]" not in shown(closed), shown(closed)
    workspace.fake.wait_for(lambda: len(busy()) == 1)
    slow.set()
    workspace.finish()
    replica_b.finish()
    updates = [shown(u) for u in workspace.fake.of("chat.update")]
    assert "[Online]" not in updates[-1], updates
