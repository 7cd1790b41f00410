"""A slash command whose form holds the word 'payload' anywhere (typed in its text, or the channel's name), sent
signed over real HTTP, is answered as any command. Bolt reads a form with 'payload' in it as an interaction's and,
finding no payload field there, as nothing at all: the command was a bare 404, and the person told nothing."""

from __future__ import annotations

from urllib.parse import urlencode

from sqlalchemy import func, select

from bot.models import Interest
from tests.slack.conftest import CHANNEL, Workspace, shown, user_id
from tests.slack.fake_slack import TEAM


def test_a_command_with_payload_in_its_text_or_channel_name_is_answered(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    said = shown(workspace.say("bob", 'declare "Director of a satellite payload maker"'))
    assert "satellite payload maker" in said, said
    with workspace.sessions() as session:
        assert session.scalar(select(func.count(Interest.id))) == 1
    # Slack sends the channel's name with every command: a channel called #payloads could use no command at all.
    body = urlencode({"team_id": TEAM, "channel_id": CHANNEL, "channel_name": "payloads", "user_id": user_id("bob"),
                      "user_name": "bob", "command": "/gov", "text": "help", "trigger_id": "1.trigger",
                      "response_url": workspace.fake.url.removesuffix("api/") + "response/payloads"})
    sent = workspace.post(body, workspace.headers(body))
    assert sent.status == 200 and "meeting schedule" in sent.body, sent
