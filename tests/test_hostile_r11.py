"""Signed Slack requests that found new holes in round 11, over real HTTP to the app `govbot run` builds.

JSON may escape half of a UTF-16 surrogate pair (`"\\ud800"`): Python reads it into text that no database stores
and UTF-8 cannot encode, so a click by such a user id, or a command sent as JSON holding one, failed after the
ack (an ERROR, and 'something went wrong' for the presser). A click whose `channel` names no id, its channel given
by its container, failed the work after the ack. A form with no channel chosen was a 500, and a form whose channel
input was not a channel picker ran in the channel its text named, which the workspace check never read."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.front_door import Served, row_counts
from tests.slack.idle import wait_until_idle
from tests.teams.conftest import SDK_WARNINGS
from tests.test_hostile_requests import LOG_BYTES_PER_REFUSAL, Hostile, app, send, signed
from tests.test_hostile_signed import CHANNEL, CLICK, FORM

__all__ = ["app"]

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

LONE = "\ud800"  # half a surrogate pair: json.dumps writes it as the escape \ud800


def interaction(payload: dict[str, Any]) -> Hostile:
    return signed(urlencode({"payload": json.dumps(payload)}))


def schedule(channel: dict[str, Any]) -> dict[str, Any]:
    """The schedule form, submitted with `channel` as its channel input's state."""
    return {**FORM, "user": {"id": "UALICE"}, "view": {**FORM["view"], "callback_id": "gov_schedule", "state": {
        "values": {"channel": {"value": channel},
                   "date": {"value": {"type": "datepicker", "selected_date": "2026-12-10"}},
                   "time": {"value": {"type": "timepicker", "selected_time": "10:00"}}}}}}


def json_command(**fields: Any) -> Hostile:
    return signed(json.dumps({"command": "/gov", "text": "help", "team_id": "T0GOV", "user_id": "UBOB",
                              "channel_id": CHANNEL, "response_url": "http://127.0.0.1:9/response/1", **fields}),
                  content_type="application/json")


HALF_A_CHARACTER = {
    "a click by a user whose id is half a character": lambda: interaction({**CLICK, "user": {"id": "U" + LONE}}),
    "a click by a user whose name is half a character": lambda: interaction(
        {**CLICK, "user": {"id": "UBOB", "username": LONE}}),
    "a click whose value is half a character": lambda: interaction(
        {**CLICK, "actions": [{**CLICK["actions"][0], "value": "vote 1 " + LONE}]}),
    "a command in JSON from a channel whose id is half a character": lambda: json_command(channel_id="C" + LONE),
    "a form whose place is half a character": lambda: interaction(schedule(
        {"type": "conversations_select", "selected_conversation": CHANNEL, "x": LONE}) | {"user": {"id": LONE}}),
    "App Home opened with an event id that is half a character": lambda: signed(json.dumps(
        {"type": "event_callback", "team_id": "T0GOV", "event_id": LONE,
         "event": {"type": "app_home_opened", "user": "UBOB", "tab": "home"}}), content_type="application/json"),
}


@pytest.mark.parametrize("name", list(HALF_A_CHARACTER))
def test_half_a_character_is_refused_at_the_door(app: Served, sessions: sessionmaker[Session], name: str) -> None:
    before, logged = row_counts(sessions), len(app.logged())
    status, _, body = send(app.url, HALF_A_CHARACTER[name]())
    assert status == 400, (name, body[:300])
    wait_until_idle()
    log = app.logged()[logged:]
    assert "ERROR" not in log and "failed" not in log and "Traceback" not in log, log
    assert len(log.encode()) < LOG_BYTES_PER_REFUSAL, log
    assert row_counts(sessions) == before


def test_a_pair_of_halves_is_one_character_and_welcome(app: Served) -> None:
    """An emoji written as its escaped surrogate pair, as a JSON encoder may write it, is a character like any."""
    assert send(app.url, interaction({**CLICK, "user": {"id": "UBOB", "username": "bob \ud83d\ude00"}}))[0] == 200
    wait_until_idle()


@pytest.mark.parametrize("channel", [{"name": "cjcg"}, {"id": None, "name": "cjcg"}])
def test_a_click_whose_channel_is_named_by_its_container_is_answered(app: Served, channel: dict[str, Any]) -> None:
    logged = len(app.logged())
    status, _, body = send(app.url, interaction({**CLICK, "channel": channel}))
    assert status == 200, body[:300]
    wait_until_idle()
    log = app.logged()[logged:]
    assert "ERROR" not in log and "failed" not in log, log


NO_CHANNEL_CHOSEN = {
    "none chosen": {"type": "conversations_select", "selected_conversation": None},
    "an empty input": {},
    "an input of no type": {"type": None, "value": CHANNEL},
    "a text input naming the channel": {"type": "plain_text_input", "value": CHANNEL},
}


@pytest.mark.parametrize("name", list(NO_CHANNEL_CHOSEN))
def test_a_form_without_a_channel_chosen_says_so_beside_the_field(
        app: Served, sessions: sessionmaker[Session], name: str) -> None:
    """Slack's channel picker is the form's only channel: the workspace check reads it, so a channel written in
    any other input (which ran the form there, unchecked) is none chosen. Before, none chosen was a 500."""
    before, logged = row_counts(sessions), len(app.logged())
    status, _, body = send(app.url, interaction(schedule(NO_CHANNEL_CHOSEN[name])))
    assert status == 200, (name, body[:300])
    answer = json.loads(body)
    assert answer["response_action"] == "errors"
    assert "Pick the group's channel" in answer["errors"]["channel"]
    wait_until_idle()
    log = app.logged()[logged:]
    assert "ERROR" not in log and "failed" not in log, log
    assert row_counts(sessions) == before
