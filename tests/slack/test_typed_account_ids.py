"""A seat holder known only by their Slack account (`slack:USAM`) is shown by Slack's mention of them (`<@USAM>`,
tests/slack/test_unnamed_people.py). But text a member typed is not govbot naming anyone: a poll asking "Should USAM
chair?" was posted to the channel as `Should <@USAM> chair?`, and a typed `<@USAM>` (which Slack sends escaped) as
`&lt;<@USAM>&gt;`. Either pinged Sam from govbot's post, at the word of whoever typed it. Over signed HTTP."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import event

from tests.slack.conftest import Workspace
from tests.slack.fake_slack import FakeSlack
from tests.slack.test_forms import submit

CLOSES = '--closes "2026-12-08 17:00"'


def mrkdwn(params: dict[str, Any]) -> list[str]:
    """What Slack reads for mentions in a message: its text and its mrkdwn blocks, not plain_text."""
    found: list[str] = [params["text"]]

    def walk(part: Any) -> None:
        if isinstance(part, dict):
            if part.get("type") == "mrkdwn":
                found.append(part["text"])
            for value in part.values():
                walk(value)
        elif isinstance(part, list):
            for value in part:
                walk(value)

    walk(params.get("blocks"))
    return found


def test_a_poll_typed_naming_an_account_is_posted_as_typed_and_pings_nobody(workspace: Workspace,
                                                                            fake: FakeSlack) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    posted = workspace.say("alice", f'poll "Should USAM chair &lt;@USAM&gt;?" "USAM" "Someone else" {CLOSES}')
    assert posted.method == "chat.postMessage", posted
    assert "<@USAM>" not in json.dumps(mrkdwn(posted.params)), posted.params  # the header is plain text, never a ping
    assert "Should USAM chair &lt;@USAM&gt;?" in posted.params["text"], posted.params["text"]


def test_a_refusal_naming_the_secretariat_still_shows_them_by_name(workspace: Workspace) -> None:
    """What govbot itself says of such a person keeps the mention, even when the command typed other words."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    said = workspace.say("erin", "meeting schedule 2027-03-02 10:00 --where \"the UK office\"")
    assert said.params["text"].endswith("Ask alice or <@USAM>."), said.params


def test_words_in_capitals_that_no_slack_account_has_are_not_looked_up(workspace: Workspace) -> None:
    """`UK` or `WHO` cannot be a Slack account (Slack's ids are longer): a reply holding them asked the record
    which of them were accounts all the same."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    asked: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "external_id IN" in statement:
            asked.append(statement)

    engine = workspace.sessions.kw["bind"]
    event.listen(engine, "before_cursor_execute", seen)
    try:
        said = workspace.say("alice", f'poll "UK or WHO rules?" "UK" "WHO" {CLOSES}')
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert "UK or WHO" in said.params["text"], said.params
    assert asked == [], asked


def test_a_poll_from_the_form_naming_an_account_is_posted_as_typed(workspace: Workspace, fake: FakeSlack) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    posted = len(fake.of("chat.postMessage"))
    submit(workspace, "alice", "gov_poll", {
        "question": {"type": "plain_text_input", "value": "Should USAM chair?"},
        "choices": {"type": "plain_text_input", "value": "USAM\nSomeone else"},
        "closes_on": {"type": "datepicker", "selected_date": "2026-12-04"},
        "closes_at": {"type": "timepicker", "selected_time": "12:00"},
        "flags": {"type": "checkboxes", "selected_options": []}})
    card = fake.wait_for(lambda: fake.of("chat.postMessage")[posted:])[0]
    assert "Should USAM chair?" in card.params["text"], card.params["text"]
    assert "<@USAM>" not in json.dumps(mrkdwn(card.params)), card.params
