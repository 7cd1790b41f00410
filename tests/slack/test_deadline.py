"""Slack waits three seconds for an ack. A private answer rides in the ack; a slow one follows it."""

from __future__ import annotations

import json
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import Engine

from handlers.slack.app import WORKERS
from tests.slack.conftest import Sent, Workspace, shown


def test_a_private_answer_comes_back_in_the_ack_itself(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    sent = workspace.command("bob", "members")
    said = json.loads(sent.body)
    assert sent.status == 200 and said["response_type"] == "ephemeral"
    assert "13 of 18 seats filled" in said["text"] and said["blocks"]
    assert workspace.fake.of("response_url") == []  # one round trip: nothing else was sent for it


def test_a_command_slower_than_slacks_deadline_is_acked_in_time_and_answered_after(
        workspace: Workspace, engine: Engine) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.card_noted(workspace.say("alice", 'poll "Where shall we meet in spring?" "Civic Centre" "Online" --closes "2026-12-31 17:00"'))
    # Another process (a migration, a second replica) holds the database's write lock for a while.
    other = sqlite3.connect(str(engine.url.database), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        sent = workspace.command("bob", "vote 1 1")
        acked_after = time.monotonic() - started
    finally:
        time.sleep(0.5)
        other.execute("ROLLBACK")
        other.close()
    assert sent.status == 200 and sent.body == "" and acked_after < 3  # Slack hears back in time
    answer = workspace.reply_to(sent)
    assert answer.method == "response_url" and answer.params["response_type"] == "ephemeral"
    assert "Your vote on poll 1 is recorded: Civic Centre." in shown(answer)
    card = workspace.fake.wait_for(lambda: workspace.fake.of("chat.update"))[-1]
    assert "*Civic Centre*\n1 of 1 voted (100%)" in shown(card)


def test_more_commands_than_workers_while_the_record_is_locked_are_all_acked_in_time(
        workspace: Workspace, engine: Engine) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    other = sqlite3.connect(str(engine.url.database), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        # More requests than the server's threads: those queued for a thread count their wait against Slack's
        # three seconds too, so they are acked at once when their turn comes late.
        with ThreadPoolExecutor(WORKERS + 8) as pool:
            timed = list(pool.map(lambda _: timed_command(workspace, "bob", "members"), range(WORKERS + 8)))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert all(sent.status == 200 for sent, _ in timed)
    assert max(seconds for _, seconds in timed) < 3
    for sent, _ in timed:  # every one is answered, in the ack or after it
        assert "13 of 18 seats filled" in shown(workspace.reply_to(sent))


def timed_command(workspace: Workspace, user: str, text: str) -> tuple[Sent, float]:
    started = time.monotonic()
    sent = workspace.command(user, text)
    return sent, time.monotonic() - started
