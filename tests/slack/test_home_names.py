"""The App Home tab names a seat holder known only by their Slack account as Slack shows them (`<@UDAN>`), as the
rest of Slack does (handlers/slack/people.py): it showed the bare id "UDAN". Over signed HTTP and views.publish."""

from __future__ import annotations

import json

from tests.slack.conftest import Workspace, user_id
from tests.slack.test_home import open_home


def test_the_home_tab_shows_a_seat_holder_known_only_by_account_as_slack_names_them(workspace: Workspace) -> None:
    workspace.load("lieg")
    workspace.say("alice", "group bind lieg")  # zed, named by his account below, never speaks to govbot
    said = workspace.say("bob", f"deputy <@{user_id('zed')}> --meeting standing")
    assert "zed" in said.params["text"].lower() and "ephemeral" not in str(said.params), said.params
    view = json.dumps(open_home(workspace, "bob", "Ev0HOMEN1").params)
    assert "<@UZED> deputises for you" in view, view
    assert "UZED" not in view.replace("<@UZED>", ""), view  # never bare
