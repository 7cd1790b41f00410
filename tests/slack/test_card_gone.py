"""A poll's card deleted from the channel (or no longer editable) costs nobody their answer or their vote."""

from __future__ import annotations

import pytest

from bot.models import AuditEvent, Ballot
from tests.slack.conftest import Workspace, buttons, shown
from tests.slack.fake_slack import Call
from tests.slack.test_duplicates import count, poll_card

__all__ = ["poll_card"]


@pytest.mark.parametrize("error", ["message_not_found", "cant_update_message"])
def test_a_vote_on_a_gone_card_is_recorded_once_answered_and_shown_on_a_new_card(
        workspace: Workspace, poll_card: Call, error: str) -> None:
    value, ts = buttons(poll_card)["Civic Centre"], poll_card.answer["ts"]
    workspace.fake.failures["chat.update"] = error
    posted = len(workspace.fake.of("chat.postMessage"))
    answer = workspace.press("bob", value, ts)
    assert answer.method == "response_url" and answer.params["text"] == \
        "Your vote on poll 1 is recorded: Civic Centre."
    new_card = workspace.fake.wait_for(lambda: workspace.fake.of("chat.postMessage")[posted:])[0]
    assert "*Civic Centre*\n1 of 1 voted (100%)" in shown(new_card) and new_card.answer["ts"] != ts

    del workspace.fake.failures["chat.update"]  # the new card is the one later votes update
    workspace.press("carol", buttons(new_card)["Online"], new_card.answer["ts"])
    update = workspace.fake.wait_for(lambda: [c for c in workspace.fake.of("chat.update") if c.answer.get("ok")])[0]
    assert update.params["ts"] == new_card.answer["ts"]
    workspace.finish()
    assert "*Voted*\n2" in shown(workspace.fake.of("chat.update")[-1])
    assert count(workspace, Ballot) == 2 and count(workspace, AuditEvent, action="ballot.cast") == 2


def test_closing_a_poll_whose_card_is_gone_posts_the_result_on_a_new_card(workspace: Workspace,
                                                                          poll_card: Call) -> None:
    workspace.fake.failures["chat.update"] = "message_not_found"
    posted = len(workspace.fake.of("chat.postMessage"))
    tried = workspace.say("alice", "poll close 1")
    assert tried.method == "chat.update" and tried.answer["error"] == "message_not_found"
    result = workspace.fake.wait_for(lambda: workspace.fake.of("chat.postMessage")[posted:])[0]
    assert "Poll 1 is closed" in shown(result) and result.answer["ts"] != poll_card.answer["ts"]


def test_a_card_slack_will_not_update_for_another_reason_still_answers_the_person(workspace: Workspace,
                                                                                   poll_card: Call) -> None:
    workspace.fake.failures["chat.update"] = "fatal_error"
    tried = workspace.say("alice", "poll close 1")
    assert tried.method == "chat.update" and tried.answer["error"] == "fatal_error"
    told = workspace.fake.wait_for(lambda: workspace.fake.of("chat.postEphemeral") + workspace.fake.of("response_url"))
    assert "Poll 1 is closed" in told[-1].params["text"]
