"""`govbot run` on a SQLite record, as a small install runs it: the group-commit writer is on (serve.py starts it
for SQLite), signed Slack commands and clicks arrive over HTTP at once, and each is recorded and answered.

The bench once reported this path as hung (its warm-up poll never posted); the cause was the bench's poll,
refused for want of a deadline, not the writer. This test keeps the real server's path honest."""

from __future__ import annotations

import secrets
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.db import make_engine, session_factory
from tests.conftest import Clock, migrated
from tests.deploy.processes import Running, clean_env, free_port, govbot_run
from tests.deploy.test_replicas import VOTERS, clicked, one_ballot_each_for_online, post, typed
from tests.slack.conftest import Workspace, buttons, shown
from tests.slack.fake_slack import fake_slack


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[tuple[Workspace, Running]]:
    url = f"sqlite:///{tmp_path / 'govbot.db'}"
    migrated(url)  # a copy of a record migrated once, as `govbot db upgrade` leaves it
    engine = make_engine(url)
    secret = secrets.token_hex(16)
    with fake_slack() as slack:
        env = clean_env(DATABASE_URL=url, MIGRATE_ON_START="false", SLACK_API_URL=slack.url,
                        SLACK_BOT_TOKEN="xoxb-" + secrets.token_hex(8), SLACK_SIGNING_SECRET=secret)
        with govbot_run([sys.executable, "-m", "govbot.cli", "run"], env, tmp_path, free_port()) as server:
            yield Workspace(server.base, secret, slack, session_factory(engine), Clock(), lambda: None), server
    engine.dispose()


def test_a_sqlite_server_posts_the_poll_card_and_records_every_vote_sent_at_once(
        sqlite_server: tuple[Workspace, Running]) -> None:
    workspace, server = sqlite_server
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    card = workspace.say("alice", 'poll "Where shall we meet in spring?" "Civic Centre" "Online" --closes "2030-01-10 17:00"')
    assert card.method == "chat.postMessage" and "Poll 1 is open" in shown(card)
    workspace.card_noted(card)
    online, ts = buttons(card)["Online"], card.answer["ts"]

    def vote(name: str) -> list[int]:  # a typed vote, then a click changing it, delivered twice (a Slack retry)
        click = clicked(workspace, name, online, ts)
        return [post(server, typed(workspace, name, 'vote 1 "Civic Centre"')), post(server, click),
                post(server, click)]

    with ThreadPoolExecutor(len(VOTERS)) as pool:  # twelve voters at once, queued behind the one writer
        statuses = list(pool.map(vote, VOTERS))
    assert statuses == [[200, 200, 200]] * len(VOTERS)
    fake = workspace.fake
    fake.wait_for(lambda: len([c for c in fake.of("response_url") if "Online" in str(c.params.get("text"))])
                  == len(VOTERS), 30)  # each click answered once: the retry was recognised
    code, _, err = server.stop()  # SIGTERM: what is queued behind the writer is committed first
    assert code == 0, err[-2000:]

    one_ballot_each_for_online(workspace, fake, ts)
