"""The record in chat carries a button that opens it: `interests` (like minutes, registers and actions) answers the
member privately with an "Open the record" link button to the group's page, their personal link; Slack opens the
page itself and tells the app, which only acknowledges the click."""

from __future__ import annotations

import time

from bot.records.page_links import read
from tests.slack.conftest import CHANNEL, Workspace, blocks_of, buttons, user_id
from tests.slack.fake_slack import TEAM
from tests.slack.idle import wait_until_idle
from tests.teams.test_links import SECRET, pages_on

__all__ = ["pages_on"]  # the fixture the Teams link tests use: PAGE_SECRET and PUBLIC_URL set


def test_the_register_answer_has_a_button_opening_the_members_page(workspace: Workspace, pages_on: None) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    answer = workspace.say("bob", "interests")
    assert answer.method == "ack", "the register and its link are for bob alone"
    url = buttons(answer)["Open the record"]
    assert url.startswith("https://gov.example.org/groups/cjcg/?t=")
    found = read(SECRET, url.split("?t=", 1)[1].split("#", 1)[0], workspace.clock())
    assert found is not None and found.short_name == "cjcg", "the button opens bob's page of the CJCG"
    link = next(e for b in blocks_of(answer) if b["type"] == "actions" for e in b["elements"])
    assert "value" not in link, "a link button runs no command"

    before = len(workspace.fake.calls)
    clicked = workspace.interaction({
        "type": "block_actions", "user": {"id": user_id("bob"), "username": "bob", "team_id": TEAM},
        "container": {"type": "message", "message_ts": "1.0", "channel_id": CHANNEL, "is_ephemeral": True},
        "channel": {"id": CHANNEL, "name": "cjcg"},
        "actions": [{"type": "button", "action_id": link["action_id"], "block_id": "b1", "url": url,
                     "action_ts": f"{time.time():.6f}"}]})
    assert clicked.status == 200 and not clicked.body.strip(), "the click is acknowledged, nothing more"
    wait_until_idle(changed=workspace.fake.changed)  # anything the click set off has run (and called Slack)
    said = [c.method for c in workspace.fake.calls[before:] if c.method.startswith("chat.") or c.method == "response_url"]
    assert said == [], "nothing is posted or answered for a link the browser opened"


def test_without_pages_switched_on_there_is_no_button(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    assert "Open the record" not in buttons(workspace.say("bob", "interests"))
