"""Two `govbot run` replicas on one PostgreSQL database behind one Slack app, as compose.yaml runs them: signed
commands and clicks go to both in turn, at once, and the record is the same as from one process."""

from __future__ import annotations

import json
import secrets
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from bot.db import make_engine, session_factory, upgrade
from bot.models import AuditEvent, Ballot, Poll, PollOption
from tests.conftest import Clock
from tests.deploy.processes import Running, clean_env, free_ports, govbot_runs
from tests.slack.conftest import Workspace, buttons, shown
from tests.slack.fake_slack import TEAM, fake_slack

VOTERS = ["alice", "bob", "carol", "dan", "erin", "frank", "grace", "harry", "ivy", "jack", "kate", "liam"]
Signed = tuple[str, dict[str, str]]


@pytest.fixture
def replicas(tmp_path: Path, postgres_schema_url: str) -> Iterator[tuple[Workspace, list[Running]]]:
    upgrade(postgres_schema_url)  # compose.yaml's migrate service
    engine = make_engine(postgres_schema_url)
    secret = secrets.token_hex(16)
    with fake_slack() as slack, ExitStack() as stack:
        env = clean_env(DATABASE_URL=postgres_schema_url, MIGRATE_ON_START="false", SLACK_API_URL=slack.url,
                        SLACK_BOT_TOKEN="xoxb-" + secrets.token_hex(8), SLACK_SIGNING_SECRET=secret)
        running = stack.enter_context(govbot_runs([sys.executable, "-m", "govbot.cli", "run"], env, tmp_path,
                                                  free_ports(2)))
        yield Workspace(running[0].base, secret, slack, session_factory(engine), Clock(), lambda: None), running
    engine.dispose()


def typed(workspace: Workspace, name: str, text: str) -> Signed:
    body, _ = workspace.command_body(name, text)
    return body, workspace.headers(body)


def clicked(workspace: Workspace, name: str, value: str, ts: str) -> Signed:
    n = next(workspace.counter)
    payload = {"team": {"id": TEAM}, "api_app_id": "A0GOV", "trigger_id": f"{n}.trigger",
               "response_url": workspace.fake.url.removesuffix("api/") + f"response/{n}",
               **workspace.click_body(name, value, ts)}
    body = urlencode({"payload": json.dumps(payload)})
    return body, workspace.headers(body)


def post(replica: Running, signed: Signed) -> int:
    body, headers = signed
    request = urllib.request.Request(replica.base + "/slack/events", data=body.encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def one_ballot_each_for_online(workspace: Workspace, fake: Any, ts: str) -> list[Any]:
    """The record after every voter's typed vote and doubled click: one poll, one ballot each (all for Online),
    one recorded change each; returns the poll card's refreshes, the last of which shows every vote."""
    with workspace.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Poll)) == 1
        online_position = session.scalar(select(PollOption.position).where(PollOption.label == "Online"))
        choices = session.scalars(select(Ballot.choices)).all()
        changes = session.scalar(select(func.count()).select_from(AuditEvent)
                                 .where(AuditEvent.action == "ballot.changed"))
    assert len(choices) == len(VOTERS) and all(c == [online_position] for c in choices)  # one ballot each
    assert changes == len(VOTERS)  # each change recorded once, though its click came twice
    updates = [c for c in fake.of("chat.update") if c.params["ts"] == ts]
    assert updates and "*Voted*\n12" in shown(updates[-1])  # the last refresh shows every vote
    return updates


def test_two_replicas_keep_one_record_one_ballot_each_and_one_card_pace(
        replicas: tuple[Workspace, list[Running]]) -> None:
    workspace, (first, second) = replicas
    workspace.load("cjcg")
    workspace.url = first.base
    workspace.say("alice", "group bind cjcg")
    workspace.url = second.base
    card = workspace.say("alice", 'poll "Where shall we meet in spring?" "Civic Centre" "Online" --closes "2030-01-10 17:00"')
    assert card.method == "chat.postMessage" and "Poll 1 is open" in shown(card)
    workspace.card_noted(card)
    online, ts = buttons(card)["Online"], card.answer["ts"]

    def vote(i: int, name: str) -> list[int]:
        """Type a vote to one replica, then change it with a click on the card sent to the other, and that click
        delivered again to the first (a Slack retry landing elsewhere)."""
        one, other = (first, second) if i % 2 else (second, first)
        click = clicked(workspace, name, online, ts)
        return [post(one, typed(workspace, name, 'vote 1 "Civic Centre"')), post(other, click), post(one, click)]

    with ThreadPoolExecutor(len(VOTERS)) as pool:  # twelve voters at once
        statuses = list(pool.map(vote, range(len(VOTERS)), VOTERS))
    assert statuses == [[200, 200, 200]] * len(VOTERS)
    fake = workspace.fake
    fake.wait_for(lambda: len([c for c in fake.of("response_url") if "Online" in str(c.params.get("text"))])
                  == len(VOTERS))  # each click answered once: the retry was recognised, on either replica
    results = [replica.stop() for replica in (first, second)]  # SIGTERM: accepted work finishes first
    assert [code for code, _, _ in results] == [0, 0], [err[-2000:] for _, _, err in results]

    updates = one_ballot_each_for_online(workspace, fake, ts)
    gaps = [later.at - earlier.at for earlier, later in zip(updates, updates[1:], strict=False)]
    assert all(gap >= 0.9 for gap in gaps), gaps  # one pace for the channel across both replicas
