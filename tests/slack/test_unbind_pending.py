"""Unbinding a group's only channel while a card for it waits in the outbox (Slack pushed its post back with 429s):
the unbinding is done, and its answer says plainly what becomes of the waiting message — it goes nowhere, as the
group has no channel now — and the delivery job does not post it in the channel unbound."""

from __future__ import annotations

import datetime as dt

from bot.settings import Settings
from tests.slack.conftest import Workspace, shown
from tests.slack.fake_slack import FakeSlack
from tests.slack.test_late_cards import scheduled_while_pushed_back, sent_late


def test_unbinding_the_only_channel_with_a_card_waiting_says_it_will_not_be_sent(
        workspace: Workspace, fake: FakeSlack, slack_settings: Settings) -> None:
    scheduled_while_pushed_back(workspace, fake)
    said = shown(workspace.say("alice", "group unbind"))
    assert said.startswith("CJCG's cards and reminders no longer come to this channel."), said
    assert ("1 message still waiting to be posted in this channel is cancelled: it will not be posted anywhere, "
            "as CJCG has no channel now.") in said, said
    assert sent_late(workspace, fake, slack_settings) == []  # not in the channel unbound
    workspace.clock.now += dt.timedelta(minutes=1)
    assert sent_late(workspace, fake, slack_settings) == []  # nor a notice to the chair that it could not be sent


def test_unbinding_one_of_two_channels_says_the_waiting_card_goes_to_the_other(
        workspace: Workspace, fake: FakeSlack, slack_settings: Settings) -> None:
    scheduled_while_pushed_back(workspace, fake, also_in="C0NEW")
    said = shown(workspace.say("alice", "group unbind"))
    assert "1 message still waiting to be posted in this channel will be posted in #cjcg instead, unless it is " \
        "there already." in said, said
    late = sent_late(workspace, fake, slack_settings)  # set aside and queued again for the channel left
    workspace.clock.now += dt.timedelta(minutes=1)
    late += sent_late(workspace, fake, slack_settings)
    assert len([card for card in late if "Meeting 1 scheduled" in card]) == 1, late  # in the channel left, once
