"""Hostile requests over real HTTP that SQLite keeps quiet about and PostgreSQL does not (round 11): a NUL in a
group's name in a page or calendar address, or in a Slack event's id, reached the database, which refuses NUL and
text longer than its columns. The address was a 500 incident; the event failed the work after the ack (an ERROR).
Each is now refused before any query, on both records: no such page or calendar (404), and a bare 400 for the
event."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.front_door import Served, row_counts
from tests.slack.idle import wait_until_idle
from tests.slack.test_hostile_bodies import engine
from tests.teams.conftest import SDK_WARNINGS
from tests.test_hostile_requests import Hostile, app, send, signed

__all__ = ["app", "engine"]  # fixtures: the record on SQLite and on PostgreSQL

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


@pytest.mark.parametrize("path", ["/groups/%00/", "/groups/cjcg%00/", "/groups/cjcg%00/meetings/1/minutes.md",
                                  "/calendar/%00.ics?token=x", "/calendar/cjcg%00.ics?token=x",
                                  "/groups/" + "c" * 300 + "/", "/calendar/" + "c" * 300 + ".ics?token=x"])
def test_an_address_naming_no_group_a_name_can_have_is_no_page(app: Served, path: str) -> None:
    logged = len(app.logged())
    status, _, body = send(app.url, Hostile("GET", path))
    assert status == 404, body[:300]
    assert b"Traceback" not in body
    log = app.logged()[logged:]
    assert "incident" not in log and "ERROR" not in log, log


EVENT = {"type": "event_callback", "team_id": "T0GOV", "event": {"type": "app_home_opened", "user": "UBOB",
                                                                   "tab": "home"}}


@pytest.mark.parametrize("event_id", ["Ev\x001", "Ev" + "1" * 300, "Ev\x1b[31m"])
def test_an_event_whose_id_slack_would_never_give_is_a_bare_400(
        app: Served, sessions: sessionmaker[Session], event_id: str) -> None:
    before, logged = row_counts(sessions), len(app.logged())
    status, _, body = send(app.url, signed(json.dumps({**EVENT, "event_id": event_id}),
                                           content_type="application/json"))
    assert status == 400, body[:300]
    wait_until_idle()
    log = app.logged()[logged:]
    assert "ERROR" not in log and "failed" not in log, log
    assert row_counts(sessions) == before


def test_an_event_slack_gives_is_still_taken(app: Served) -> None:
    assert send(app.url, signed(json.dumps({**EVENT, "event_id": "Ev0ABC123"}),
                                content_type="application/json"))[0] == 200
    wait_until_idle()
