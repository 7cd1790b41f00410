"""`/gov` in a direct message with govbot (a channel `D…`, `directmessage`) is about the person's own groups, as in
a Teams 1:1 chat: `--group cjcg` chooses one. It answered that the channel was not bound to a group. A stranger
naming a confidential group reads it as unknown, as in Teams. Over signed HTTP, with the fake Slack Web API."""

from __future__ import annotations

import datetime as dt

from bot.settings import Settings
from handlers.slack.notifier import SlackNotifier
from scheduler.delivery import deliver
from tests.slack.conftest import CHANNEL, Workspace, shown, user_id
from tests.slack.fake_slack import FakeSlack


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


def test_minutes_approved_in_a_direct_message_are_posted_in_the_groups_channel(
        workspace: Workspace, fake: FakeSlack, slack_settings: Settings) -> None:
    """alice, the chair, approved meeting 1's minutes by `/gov minutes approve 1` in her direct message with govbot:
    they were approved and locked, and said only to her; the channel, whose business the approval is, heard
    nothing. They are now posted there (through the outbox), and she is told so."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("sam", "meeting schedule 2026-12-10 10:00")
    workspace.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    workspace.say("alice", "meeting open")
    for member in ("bob", "carol"):
        workspace.say(member, "here")
    workspace.clock.now += dt.timedelta(hours=1)
    workspace.say("alice", "meeting close")
    said = in_dm(workspace, "alice", "minutes approve 1")
    assert "Approved by alice" in said and "also posted in the channel of Children's Joint" in said, said
    workspace.finish()
    before = len(fake.calls)
    deliver(workspace.sessions, {"slack": SlackNotifier.from_settings(slack_settings)}, workspace.clock())
    posted = [c for c in fake.calls[before:] if c.method == "chat.postMessage"]
    assert [c.params["channel"] for c in posted] == [CHANNEL], [(c.method, c.params) for c in fake.calls[before:]]
    assert "Minutes of meeting 1 approved" in shown(posted[0]), shown(posted[0])
