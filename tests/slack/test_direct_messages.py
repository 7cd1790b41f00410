"""`/gov` in a direct message with govbot (a channel `D…`, `directmessage`) is about the person's own groups, as in
a Teams 1:1 chat: `--group cjcg` chooses one. It answered that the channel was not bound to a group. A stranger
naming a confidential group reads it as unknown, as in Teams. Over signed HTTP, with the fake Slack Web API."""

from __future__ import annotations

from tests.slack.conftest import Workspace, user_id


def in_dm(workspace: Workspace, user: str, text: str) -> str:
    """`/gov <text>` typed by `user` in their direct message with govbot; what govbot answered them."""
    body, response_url = workspace.command_body(user, text, channel=f"D{user_id(user)}")
    body = body.replace("channel_name=cjcg", "channel_name=directmessage")
    sent = workspace.post(body, workspace.headers(body))
    sent.response_url = response_url
    return str(workspace.reply_to(sent).params["text"])


def test_a_members_direct_message_answers_for_the_group_it_names(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    said = in_dm(workspace, "bob", "members --group cjcg")
    assert "not bound" not in said and "Children's Commissioning" in said, said
    said = in_dm(workspace, "bob", "members")  # his only group
    assert "Children's Commissioning" in said, said


def test_a_stranger_naming_a_confidential_group_in_a_direct_message_learns_nothing(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    said = in_dm(workspace, "mallory", "members --group cjcg")
    assert "There is no group 'cjcg'" in said and "named only to those who sit on it" in said, said
    assert "Children's Commissioning" not in said and "alice" not in said.casefold(), said
    said = in_dm(workspace, "mallory", "vote 1 for --group cjcg")
    assert "There is no group 'cjcg'" in said, said
