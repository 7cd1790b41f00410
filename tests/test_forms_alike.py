"""The same form filled in the same wrong way is refused in the same words in Slack and in Teams: each platform
over real HTTP, Slack with signed view_submission payloads, Teams with Activity JSON."""

from __future__ import annotations

import asyncio
import json
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, session_factory
from bot.forms import DATE, FLAGS, FORMS, NUMBER, TIME, Form
from bot.settings import Settings
from tests import compiled, loaded
from tests.conftest import Clock
from tests.slack.conftest import CHANNEL, Workspace, serving, shown, user_id
from tests.slack.fake_slack import fake_slack
from tests.teams.conftest import SDK_WARNINGS, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)
SLACK_FORMS = {"declare": "gov_declare", "meeting schedule": "gov_schedule", "poll": "gov_poll"}
# Each wrong way to fill in a form: who submits it, the form, the values given, and the field the refusal names.
BAD_INPUTS = [
    ("bob", "declare", {"description": "A trustee", "item": "two"}, "item"),
    ("bob", "declare", {"description": "A trustee", "meeting": "next"}, "meeting"),
    ("bob", "declare", {"description": "A trustee", "none": ["none"]}, "description"),
    ("bob", "declare", {"description": "  "}, "description"),
    ("alice", "meeting schedule", {"date": "2026-12-10"}, "time"),
    ("alice", "poll", {"question": "Next venue?", "choices": "Barnet\nCamden", "closes_at": "12:00"}, "closes_on"),
    ("alice", "poll", {"question": "", "choices": "Barnet\nCamden"}, "question"),
]
SLACK_STATES = {DATE: ("datepicker", "selected_date"), TIME: ("timepicker", "selected_time"),
                NUMBER: ("number_input", "value")}


def slack_state(form: Form, given: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The modal's inputs as Slack reports them on submission."""
    state: dict[str, dict[str, Any]] = {"channel": {"type": "conversations_select", "selected_conversation": CHANNEL}}
    for field in form.fields:
        value = given.get(field.name)
        if field.kind == FLAGS:
            state[field.name] = {"type": "checkboxes", "selected_options": [{"value": v} for v in value or []]}
        else:
            kind, key = SLACK_STATES.get(field.kind, ("plain_text_input", "value"))
            state[field.name] = {"type": kind, key: value}
    return state


def teams_data(form: Form, given: dict[str, Any]) -> dict[str, Any]:
    """The card's submitted data as Teams sends it: each toggle under its option, on or off."""
    data: dict[str, Any] = {"form": form.verb}
    for field in form.fields:
        if field.kind == FLAGS:
            data |= {o.value: "true" if o.value in (given.get(field.name) or []) else "false" for o in field.options}
        else:
            data[field.name] = given.get(field.name) or ""
    return data


@pytest.fixture
def slack(tmp_path: Path, empty_record: Path) -> Iterator[Workspace]:
    """The Slack workspace's own record: a copy of the empty one (tests/conftest.py), as the `engine` fixture's."""
    shutil.copyfile(empty_record, tmp_path / "slack.db")
    engine = make_engine(f"sqlite:///{tmp_path / 'slack.db'}")
    compiled.share(engine)
    loaded.watch(engine)
    settings = Settings(_env_file=None, slack_bot_token=SecretStr("xoxb-" + secrets.token_hex(12)),  # type: ignore[call-arg]
                        slack_signing_secret=SecretStr(secrets.token_hex(16)))
    with fake_slack() as fake:
        settings.slack_api_url = fake.url
        with serving(settings, session_factory(engine), Clock(), fake) as workspace:
            workspace.load("cjcg")
            workspace.say("alice", "group bind cjcg")
            workspace.say("alice", "meeting schedule 2026-12-03 10:00")
            yield workspace
    loaded.unwatch(engine)
    engine.dispose()


def slack_submit(workspace: Workspace, who: str, form: Form, given: dict[str, Any]) -> dict[str, Any]:
    sent = workspace.interaction({"type": "view_submission", "user": {"id": user_id(who), "username": who},
                                  "view": {"id": "V0FORM", "type": "modal", "callback_id": SLACK_FORMS[form.verb],
                                           "state": {"values": {block: {"value": state} for block, state
                                                                in slack_state(form, given).items()}}}})
    assert sent.status == 200
    return json.loads(sent.body) if sent.body else {}


def teams_submit(sessions: sessionmaker[Session], who: str, form: Form, given: dict[str, Any]) -> str:
    async def run() -> str:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-03 10:00")
            answer = await teams.invoke(who, teams_data(form, given), verb="gov.form")
            assert answer["type"] == "application/vnd.microsoft.activity.message"  # only the presser sees it
            return str(answer["value"])

    return asyncio.run(run())


@pytest.mark.parametrize(("who", "verb", "given", "field"), BAD_INPUTS)
def test_a_value_a_form_cannot_take_is_refused_alike_in_slack_and_teams(
        slack: Workspace, sessions: sessionmaker[Session], who: str, verb: str, given: dict[str, Any],
        field: str) -> None:
    form = FORMS[verb]
    in_slack = slack_submit(slack, who, form, given)
    assert in_slack["response_action"] == "errors" and list(in_slack["errors"]) == [field]
    assert teams_submit(sessions, who, form, given) == in_slack["errors"][field]


def test_what_the_core_refuses_it_refuses_alike_from_either_form(slack: Workspace,
                                                                 sessions: sessionmaker[Session]) -> None:
    given = {"question": "Next venue?", "choices": "Barnet"}
    before = len(slack.fake.of("chat.postEphemeral"))
    assert slack_submit(slack, "alice", FORMS["poll"], given) == {}
    refusal = slack.fake.wait_for(lambda: slack.fake.of("chat.postEphemeral")[before:])[0]
    in_teams = teams_submit(sessions, "alice", FORMS["poll"], given)
    assert "A poll needs 2 to 10 options" in in_teams
    assert shown(refusal).removeprefix(":warning: ") == in_teams  # Slack marks a refusal with its warning sign
