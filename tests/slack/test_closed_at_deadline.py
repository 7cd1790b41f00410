"""A poll closed by its deadline while no one is in the channel: the result is posted, and the card people voted on
shows it too, with no buttons left to press."""

from __future__ import annotations

import datetime as dt

from bot.settings import Settings
from handlers.slack import SlackNotifier
from scheduler.runner import tick
from tests.slack.conftest import Workspace, buttons, shown
from tests.slack.fake_slack import FakeSlack

DEADLINE = dt.datetime(2026, 12, 4, 17, 0, tzinfo=dt.UTC)  # 17:00 GMT on the day --closes names


def test_the_card_voted_on_shows_the_result_without_buttons_once_the_deadline_closes_it(
        workspace: Workspace, fake: FakeSlack, slack_settings: Settings) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    fake.wait_for(lambda: fake.of("conversations.info"))
    card = workspace.say("alice", 'poll "Venue?" "Civic Centre" "Library" --closes 2026-12-04')
    assert buttons(card).keys() >= {"Civic Centre", "Library"}
    workspace.card_noted(card)
    for voter in ("bob", "carol", "erin"):
        workspace.say(voter, "vote 1 library")
    workspace.finish()
    tick(workspace.sessions, {"slack": SlackNotifier.from_settings(slack_settings)}, DEADLINE)
    [result] = [c for c in fake.of("chat.postMessage") if c.answer.get("ok") and "is closed" in shown(c)]
    assert "Poll 1 is closed: Library has the most votes" in shown(result)
    update = fake.wait_for(lambda: next((c for c in reversed(fake.of("chat.update"))
                                         if c.params["ts"] == card.answer["ts"]), None))
    assert "Poll 1 is closed: Library has the most votes" in shown(update)
    assert buttons(update) == {}
