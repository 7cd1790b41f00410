"""Holes found by playing the attacker over real HTTP in round 15, against the app `govbot run` builds.

A replayed Slack request (the same signed bytes again, within Slack's five minutes) is dropped as a repeat and
logged. Its `X-Slack-Retry-Num` header is not covered by the signature, and the log line wrote it as sent: whoever
replays a request chose up to 400 characters of the log."""

from __future__ import annotations

import time

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.front_door import Served, row_counts
from tests.slack.idle import wait_until_idle
from tests.teams.conftest import SDK_WARNINGS
from tests.test_hostile_requests import Hostile, app, command, send, signed

__all__ = ["app"]

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

PLANTED = "vote-rigged-by-" + "x" * 80


def test_a_replay_with_a_retry_header_of_its_own_writing_leaves_the_header_out_of_the_log(
        app: Served, sessions: sessionmaker[Session]) -> None:
    genuine = signed(command("help"))
    assert send(app.url, genuine)[0] == 200
    wait_until_idle()
    before, logged = row_counts(sessions), len(app.logged())
    replay = Hostile(genuine.method, genuine.path, genuine.body, {**genuine.headers, "X-Slack-Retry-Num": PLANTED})
    assert send(app.url, replay)[0] == 200  # Slack is told it arrived; nothing runs twice
    deadline = time.monotonic() + 5
    while "ignored a repeated Slack delivery" not in app.logged()[logged:] and time.monotonic() < deadline:
        time.sleep(0.01)
    log = app.logged()[logged:]
    assert "ignored a repeated Slack delivery" in log, log
    assert "rigged" not in log and "xxxx" not in log, log
    assert row_counts(sessions) == before
