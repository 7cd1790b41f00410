"""Requests Slack signed (or a holder of the signing secret forged) whose parts are missing or of the wrong type,
over real HTTP to the running app: each is refused with a bare 400 before any listener runs, so none is a 500,
none leaves a traceback in the log (not even from the work that would have followed the ack) and none changes a
row. Found by playing the attacker against `govbot run`; the unsigned and malformed-envelope cases are in
test_hostile_requests."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.front_door import Served, row_counts
from tests.slack.idle import wait_until_idle
from tests.teams.conftest import SDK_WARNINGS
from tests.test_hostile_requests import LOG_BYTES_PER_REFUSAL, Hostile, app, send, signed

__all__ = ["app"]

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

CHANNEL = "CCJCG0001"
BUTTON = {"type": "button", "action_id": "gov_button_0", "block_id": "b1", "value": "help", "action_ts": "1.0"}
CLICK: dict[str, Any] = {"type": "block_actions", "team": {"id": "T0GOV"}, "user": {"id": "UBOB", "username": "bob"},
                         "container": {"type": "message", "message_ts": "1.1", "channel_id": CHANNEL},
                         "channel": {"id": CHANNEL, "name": "cjcg"}, "actions": [BUTTON],
                         "response_url": "http://127.0.0.1:9/response/1", "trigger_id": "1.trigger"}
FORM: dict[str, Any] = {"type": "view_submission", "team": {"id": "T0GOV"}, "user": {"id": "UBOB"},
                        "view": {"type": "modal", "callback_id": "gov_poll", "state": {"values": {
                            "channel": {"value": {"type": "conversations_select",
                                                  "selected_conversation": CHANNEL}}}}}}


def command(**fields: str) -> Hostile:
    return signed(urlencode({"command": "/gov", "text": "help", "team_id": "T0GOV", **fields}))


def interaction(payload: dict[str, Any]) -> Hostile:
    return signed(urlencode({"payload": json.dumps(payload)}))


def event(inner: dict[str, Any]) -> Hostile:
    return signed(json.dumps({"type": "event_callback", "team_id": "T0GOV", "event": inner, "event_id": "Ev1",
                              "event_time": int(time.time())}), content_type="application/json")


def without(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in keys}


SIGNED_BUT_INCOMPLETE: dict[str, Callable[[], Hostile]] = {
    "a command without a user": lambda: command(channel_id=CHANNEL),
    "a command without a channel": lambda: command(user_id="UBOB"),
    "a command with an empty user": lambda: command(user_id="", channel_id=CHANNEL),
    "a click without a user": lambda: interaction(without(CLICK, "user")),
    "a click by a user without an id": lambda: interaction({**CLICK, "user": {"name": "bob"}}),
    "a click by a user whose id is a number": lambda: interaction({**CLICK, "user": {"id": 5}}),
    "a click without actions": lambda: interaction({**CLICK, "actions": []}),
    "a click whose action is not an object": lambda: interaction({**CLICK, "actions": ["x"]}),
    "a click whose action has no id": lambda: interaction({**CLICK, "actions": [without(BUTTON, "action_id")]}),
    "a click in no channel": lambda: interaction(without(CLICK, "channel", "container")),
    "a click in a channel without an id": lambda: interaction({**CLICK, "channel": {"name": "x"}, "container": {}}),
    "a form without its view": lambda: interaction(without(FORM, "view")),
    "a form without its state": lambda: interaction({**FORM, "view": without(FORM["view"], "state")}),
    "a form whose state is not an object": lambda: interaction({**FORM, "view": {**FORM["view"], "state": "x"}}),
    "a form whose field holds no value": lambda: interaction(
        {**FORM, "view": {**FORM["view"], "state": {"values": {"channel": {"other": 1}}}}}),
    "a form without its channel": lambda: interaction(
        {**FORM, "view": {**FORM["view"], "state": {"values": {}}}}),
    "a form for a channel whose id is longer than Slack gives": lambda: interaction(
        {**FORM, "view": {**FORM["view"], "state": {"values": {"channel": {"value": {
            "type": "conversations_select", "selected_conversation": "C" + "X" * 300}}}}}}),
    "a form without a view type": lambda: interaction({**FORM, "view": without(FORM["view"], "type")}),
    "a form by nobody": lambda: interaction(without(FORM, "user")),
    "App Home opened by nobody": lambda: event({"type": "app_home_opened", "tab": "home"}),
    "tokens revoked that are not lists": lambda: event({"type": "tokens_revoked", "tokens": "all"}),
    "tokens revoked that are not an object": lambda: event({"type": "tokens_revoked", "tokens": ["all"]}),
    # Slack sends a command as a form, so every field is text; Bolt also reads one sent as JSON, where it need not be.
    "a command in JSON whose text is a number": lambda: json_command(text=5),
    "a command in JSON whose user name is an object": lambda: json_command(user_name={"x": 1}),
    "a command in JSON whose workspace is a list": lambda: json_command(team_id=["T0GOV"]),
    "a click whose response_url is a number": lambda: interaction({**CLICK, "response_url": 5}),
    "a click whose response_url is an object": lambda: interaction({**CLICK, "response_url": {"url": "x"}}),
    # The place keeps the channel's name, and the card refresh looks up the clicked message by its ts: a name or ts
    # that was not text failed the work after the ack (an ERROR line, and no answer for the presser).
    "a click in a channel whose name is a number": lambda: interaction({**CLICK, "channel": {"id": CHANNEL, "name": 5}}),
    "a click in a channel whose name is an object": lambda: interaction(
        {**CLICK, "channel": {"id": CHANNEL, "name": {"x": 1}}}),
    "a click on a message whose ts is an object": lambda: interaction(
        {**CLICK, "container": {**CLICK["container"], "message_ts": {"ts": "1.1"}}}),
    "a click on a message whose ts is a number": lambda: interaction(
        {**CLICK, "container": {**CLICK["container"], "message_ts": 1.1}}),
    "a click on a message whose ts is longer than any Slack gives": lambda: interaction(
        {**CLICK, "container": {**CLICK["container"], "message_ts": "1." + "1" * 300}}),
    # Slack always names the workspace a request came from: one naming none passed the check that it came from the
    # workspace govbot serves (nothing to compare), and acted in whatever channel it named.
    "a command naming no workspace": lambda: signed(urlencode({"command": "/gov", "text": "help", "user_id": "UBOB",
                                                               "channel_id": CHANNEL})),
    "a click naming no workspace": lambda: interaction(without(CLICK, "team")),
    "a form naming no workspace": lambda: interaction(without(FORM, "team")),
    "a click whose workspace is a number": lambda: interaction({**CLICK, "team": {"id": 5}}),
    # Workflow Builder's steps from apps (retired by Slack; govbot never offered one): Bolt reads the step before
    # any listener, and failed on one without it.
    "a workflow step edit without its step": lambda: interaction(
        {"type": "workflow_step_edit", "team": {"id": "T0GOV"}, "user": {"id": "UBOB"}, "callback_id": "x",
         "trigger_id": "1.trigger"}),
    "a workflow step saved without its step": lambda: interaction(
        {**FORM, "view": {**FORM["view"], "type": "workflow_step"}}),
    # Kinds govbot has no listener for, which Bolt reads to suggest one in its 'unhandled request' warning.
    "a custom function run whose function is text": lambda: event(
        {"type": "function_executed", "function_execution_id": "Fx1", "function": "x", "inputs": {}}),
    "an attachment's button press without actions": lambda: interaction(
        {"type": "interactive_message", "team": {"id": "T0GOV"}, "user": {"id": "UBOB"}, "callback_id": "x",
         "actions": []}),
    "a menu's options asked for by a number": lambda: interaction(
        {"type": "block_suggestion", "team": {"id": "T0GOV"}, "user": {"id": "UBOB"}, "action_id": 5,
         "block_id": "b", "value": "x"}),
}


def json_command(**fields: Any) -> Hostile:
    return signed(json.dumps({"command": "/gov", "text": "help", "team_id": "T0GOV", "user_id": "UBOB",
                              "channel_id": CHANNEL, "response_url": "http://127.0.0.1:9/response/1", **fields}),
                  content_type="application/json")


@pytest.mark.parametrize("name", list(SIGNED_BUT_INCOMPLETE))
def test_a_signed_request_missing_what_slack_always_sends_is_a_bare_400(
        app: Served, sessions: sessionmaker[Session], name: str) -> None:
    before, logged = row_counts(sessions), len(app.logged())
    status, _, body = send(app.url, SIGNED_BUT_INCOMPLETE[name]())
    assert status == 400, (name, body[:300])
    wait_until_idle()  # any work handed on after the ack has run (and failed, had it been started)
    log = app.logged()[logged:]
    assert "Traceback" not in log and "incident" not in log and "failed" not in log, log
    assert len(log.encode()) < LOG_BYTES_PER_REFUSAL, log
    assert row_counts(sessions) == before


def test_a_complete_click_and_command_still_get_through(app: Served) -> None:
    assert send(app.url, command(user_id="UBOB", channel_id=CHANNEL))[0] == 200
    assert send(app.url, interaction(CLICK))[0] == 200
