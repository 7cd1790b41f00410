"""`govbot run` on a SQLite record, as a small install runs it: Slack and Teams served on one port, the group-commit
writer on (serve.py starts it for SQLite), signed Slack commands and clicks arriving over HTTP at once, each recorded
and answered, JSON logs naming each request, and a clean stop at SIGTERM.

The bench once reported this path as hung (its warm-up poll never posted); the cause was the bench's poll,
refused for want of a deadline, not the writer. This test keeps the real server's path honest. It is also the one
`govbot run` process of what tests/test_cli.py (serving both platforms on one port) and tests/deploy/
test_operations.py (JSON logs, SIGTERM) check of a server: each started one of its own (~1.5 s of CPU apiece)."""

from __future__ import annotations

import json
import secrets
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.db import make_engine, session_factory
from tests.conftest import Clock, migrated
from tests.deploy.processes import Running, clean_env, free_port, get, govbot_run
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
        env = clean_env(DATABASE_URL=url, MIGRATE_ON_START="false", SLACK_API_URL=slack.url, LOG_FORMAT="json",
                        SLACK_BOT_TOKEN="xoxb-" + secrets.token_hex(8), SLACK_SIGNING_SECRET=secret,
                        TEAMS_ANONYMOUS="true")
        with govbot_run([sys.executable, "-m", "govbot.cli", "run"], env, tmp_path, free_port()) as server:
            yield Workspace(server.base, secret, slack, session_factory(engine), Clock(), lambda: None), server
    engine.dispose()


def status(url: str, body: bytes) -> int:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_a_sqlite_server_serves_both_platforms_records_every_vote_sent_at_once_logs_json_and_stops_cleanly(
        sqlite_server: tuple[Workspace, Running]) -> None:
    workspace, server = sqlite_server
    assert status(server.base + "/slack/events", b"token=forged&command=/gov&text=help") == 401  # unsigned: refused
    assert status(server.base + "/api/messages", b"{}") == 400  # Teams is mounted on the same port
    get(server.base + "/calendar/cjcg.ics?token=very-secret", {"X-Request-Id": "req-42"})  # no such group yet
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
    code, out, err = server.stop()  # SIGTERM: what is queued behind the writer is committed first
    assert code == 0, err[-2000:]
    one_ballot_each_for_online(workspace, fake, ts)

    assert "govbot is serving Slack and Microsoft Teams (anonymous, local testing only) on port" in out, out + err
    assert "Traceback" not in err, err[-2000:]
    lines = [json.loads(line) for line in err.splitlines() if line.strip()]  # every line is JSON
    access = [line for line in lines if line["request_id"] == "req-42"]  # every line has one
    assert access and access[0]["logger"] == "aiohttp.access" and "/calendar/cjcg.ics 404" in access[0]["message"]
    assert "very-secret" not in err
    said = [line["message"] for line in lines]
    assert any(m.startswith("stopping: no new requests") for m in said)
    assert any(m.startswith("stopped: in-flight work finished") for m in said)
    assert not any("Running job" in m for m in said)  # APScheduler's per-run INFO lines are off
