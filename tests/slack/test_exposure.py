"""A confidential group bound to a channel others can read: its chair is warned, once per binding."""

from __future__ import annotations

import pytest

from tests.slack.conftest import CHANNEL, Workspace, shown, user_id


def warnings_to(workspace: Workspace, person: str) -> list[str]:
    dm = "D" + user_id(person).lstrip("U")
    return [shown(c) for c in workspace.fake.of("chat.postMessage")
            if c.params["channel"] == dm and "Confidential group in an open channel" in shown(c)]


@pytest.mark.parametrize("channel, how", [({"is_private": False}, "is public"),
                                          ({"is_private": True, "is_ext_shared": True},
                                           "is shared with another organisation")])
def test_the_chair_is_warned_once(workspace: Workspace, channel: dict[str, bool], how: str) -> None:
    workspace.fake.channels[CHANNEL] = {"name": "cjcg", **channel}
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("sam", "group bind cjcg")  # the secretariat binds it again: no second warning
    workspace.finish()
    [warning] = warnings_to(workspace, "alice")
    assert "Children's Joint Commissioning Group is confidential" in warning and "(ToR 6.7-6.9)" in warning
    assert how in warning and "`group bind cjcg`" in warning


def test_a_private_channel_of_the_council_needs_no_warning(workspace: Workspace) -> None:
    workspace.fake.channels[CHANNEL] = {"name": "cjcg", "is_private": True}
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.finish()
    assert workspace.fake.of("conversations.info")[0].params["channel"] == CHANNEL
    assert warnings_to(workspace, "alice") == []
