"""A vote cast in a direct message with govbot (a channel `D…`) is counted on the poll's card in the group's
channel, as a vote cast in the channel is: the card there went on showing the count before it. Over signed HTTP,
with the fake Slack Web API."""

from __future__ import annotations

from tests.slack.conftest import CHANNEL, Workspace, shown
from tests.slack.fake_slack import Call
from tests.slack.test_direct_messages import in_dm
from tests.slack.test_duplicates import poll_card

__all__ = ["poll_card"]


def test_a_vote_in_a_direct_message_updates_the_polls_card_in_the_channel(workspace: Workspace,
                                                                           poll_card: Call) -> None:
    ts = poll_card.answer["ts"]
    said = in_dm(workspace, "bob", "vote 1 1")
    assert said == "Your vote on poll 1 is recorded: Civic Centre.", said
    update = workspace.fake.wait_for(lambda: [c for c in workspace.fake.of("chat.update")
                                              if c.params.get("ts") == ts and c.answer.get("ok")])[-1]
    assert update.params["channel"] == CHANNEL
    assert "*Civic Centre*\n1 of 1 voted (100%)" in shown(update), shown(update)
    said = in_dm(workspace, "carol", "vote 1 2 --group cjcg")
    assert "recorded" in said, said
    workspace.fake.wait_for(lambda: [c for c in workspace.fake.of("chat.update")
                                     if c.params.get("ts") == ts and "*Voted*\n2" in shown(c)])
    workspace.finish()
    posted = [c for c in workspace.fake.of("chat.postMessage") 
              if c.params.get("channel") == CHANNEL and "Poll 1" in shown(c)]
    assert len(posted) == 1, [shown(c) for c in posted]  # the one card, updated: no second card
