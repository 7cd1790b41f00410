"""Slack writes a person picked from its @ menu in a slash command as `<@U123|name>`, and a display name may have
a space in it (`<@UDAN|Dan J.>`). govbot split the mention at the space, so `member add @Dan J.` read as text
naming no one. A mention is one word, whatever its name holds. Over signed HTTP, with the fake Slack Web API."""

from __future__ import annotations

from tests.slack.conftest import Workspace
from tests.slack.test_typed_handles import CAMHS, seated


def test_a_mention_whose_name_has_a_space_names_that_person(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    said = workspace.say("sam", f'member add <@UNEW|Dan \"DJ\" J.> --seat "{CAMHS}" --agreed "minute 4"').params["text"]
    assert seated(workspace, CAMHS) == ["UNEW"], said
    assert "Dan \"DJ\" J." in said, said
