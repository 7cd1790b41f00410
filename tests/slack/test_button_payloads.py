"""A button carries its typed command as JSON; a card posted before that carries text and still works; a value
altered on the way in is refused politely and changes nothing."""

from __future__ import annotations

import json

from bot.models import Ballot
from bot.payloads import UNREADABLE
from tests.slack.conftest import Workspace, buttons
from tests.slack.fake_slack import Call
from tests.slack.test_duplicates import count, poll_card

__all__ = ["poll_card"]


def test_a_button_carries_its_command_as_versioned_json(poll_card: Call) -> None:
    assert json.loads(buttons(poll_card)["Online"]) == {"kind": "vote", "v": 1, "poll": 1, "choice": ["2"]}
    assert json.loads(buttons(poll_card)["Close vote"]) == {"kind": "poll close", "v": 1, "poll": 1}


def test_a_button_on_a_card_posted_before_still_runs_its_text(workspace: Workspace, poll_card: Call) -> None:
    answer = workspace.press("bob", "vote 1 2", poll_card.answer["ts"])
    assert answer.params["text"] == "Your vote on poll 1 is recorded: Online."
    assert count(workspace, Ballot) == 1


def test_an_altered_button_is_refused_politely_and_changes_nothing(workspace: Workspace, poll_card: Call) -> None:
    altered = buttons(poll_card)["Online"].replace('"poll":1', '"poll":"1 --for @alice"')
    answer = workspace.press("bob", altered, poll_card.answer["ts"])
    assert answer.params["text"] == UNREADABLE
    cut_short = workspace.press("bob", buttons(poll_card)["Online"][:-3], poll_card.answer["ts"])
    assert cut_short.params["text"] == UNREADABLE
    assert count(workspace, Ballot) == 0
