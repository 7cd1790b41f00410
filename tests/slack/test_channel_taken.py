"""A group's channel is given to another group only by those who may bind a channel for the group that has it.
`group bind` replaced any earlier binding of the channel, asking only for the power over the group it bound: the
co-chair of one group, a plain member of another, took that group's channel with `group bind` in it, and the
group's members, cards and reminders were cut off from it without a word to its chair. Over signed HTTP, with the
fake Slack Web API."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import ChannelBinding, Group
from tests.slack.conftest import CHANNEL, Workspace, shown


def bound_to(workspace: Workspace) -> str:
    with workspace.sessions() as session:
        return session.scalar(select(Group.short_name).join(ChannelBinding, ChannelBinding.group_id == Group.id)
                              .where(ChannelBinding.channel_id == CHANNEL)) or ""


def test_another_groups_chair_cannot_take_a_groups_channel(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.load("lieg")
    workspace.say("alice", "group bind cjcg")
    said = shown(workspace.say("bob", "group bind lieg"))  # bob: LIEG's co-chair, a member of the CJCG
    assert bound_to(workspace) == "cjcg", "the CJCG keeps its channel"
    assert "still the channel of Children's Joint Commissioning Group" in said, said
    assert "Only the chair or the secretariat can give this channel" in said and "Ask alice" in said, said
    assert "`group bind lieg` there" in said, "and says how LIEG gets a channel of its own"


def test_the_groups_own_chair_may_give_its_channel_to_another_group(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.load("lieg")
    workspace.say("alice", "group bind cjcg")
    said = shown(workspace.say("alice", "group bind lieg"))  # alice chairs both
    assert "now the channel of" in said and bound_to(workspace) == "lieg"
