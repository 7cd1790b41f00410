"""Votes that arrive while their poll's card is being refreshed: each voter gets their receipt at once, and the
card ends showing every vote (the refresh under way reads the card again when it is done)."""

from __future__ import annotations

import threading

import pytest

from handlers.slack import app
from handlers.slack.pacing import Coalesced
from tests.slack.conftest import Workspace, buttons, shown
from tests.slack.idle import busy


@pytest.fixture
def coalescers(monkeypatch: pytest.MonkeyPatch) -> list[Coalesced]:
    """The card refreshes of the server the `workspace` fixture (asked for after this one) starts, to look at."""
    made: list[Coalesced] = []

    class Seen(Coalesced):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            made.append(self)

    monkeypatch.setattr(app, "Coalesced", Seen)
    return made


def test_votes_cast_while_the_card_is_being_refreshed_all_show_on_it(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    card = workspace.say("alice", 'poll "Where shall we meet in spring?" "Civic Centre" "Online" --closes "2026-12-31 17:00"')
    workspace.card_noted(card)
    slow = workspace.fake.held["chat.update"] = threading.Event()  # Slack takes its time over the first refresh
    assert workspace.say("bob", "vote 1 1").params["text"] == "Your vote on poll 1 is recorded: Civic Centre."
    workspace.fake.wait_for(lambda: workspace.fake.holding)
    receipts = [workspace.say(voter, f"vote 1 {choice}").params["text"]
                for voter, choice in (("carol", 2), ("dan", 1), ("erin", 2))]
    assert receipts == ["Your vote on poll 1 is recorded: Online.", "Your vote on poll 1 is recorded: Civic Centre.",
                        "Your vote on poll 1 is recorded: Online."]
    slow.set()
    workspace.finish()
    updates = workspace.fake.of("chat.update")
    assert len(updates) == 2  # the one Slack was slow over, then one for the three votes that came meanwhile
    assert all(u.params["ts"] == card.answer["ts"] for u in updates)
    assert "*Voted*\n4" in shown(updates[-1]) and "*Voted*\n1" in shown(updates[0])


def slow_vote_then_a_later_one(workspace: Workspace, later: Workspace) -> list[str]:
    """bob votes, his receipt slow to reach Slack; carol votes after him (through `later`: this server, or a second
    replica), and her refresh shows both votes; then bob's receipt goes through, and his refresh follows. What
    each card update showed."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    card = workspace.say("alice", 'poll "Where shall we meet in spring?" "Civic Centre" "Online" --closes "2026-12-31 17:00"')
    workspace.card_noted(card)
    slow = workspace.fake.held["response_url"] = threading.Event()  # bob's receipt waits on Slack
    assert workspace.click("bob", buttons(card)["Online"], card.answer["ts"]).status == 200
    workspace.fake.wait_for(lambda: workspace.fake.holding)
    del workspace.fake.held["response_url"]  # carol's does not
    later.press("carol", buttons(card)["Civic Centre"], card.answer["ts"])
    workspace.fake.wait_for(lambda: "*Voted*\n2" in "".join(shown(u) for u in workspace.fake.of("chat.update")))
    workspace.fake.wait_for(lambda: len(busy()) == 1)  # carol's refresh is over; bob's receipt still waits
    slow.set()
    workspace.finish()
    if later is not workspace:
        later.finish()
    return [shown(u) for u in workspace.fake.of("chat.update")]


def test_a_vote_answered_slowly_does_not_put_back_the_card_a_later_vote_replaced(workspace: Workspace) -> None:
    """bob clicks first and his receipt is slow to reach Slack; carol clicks after, and her refresh shows both
    votes. bob's refresh, which follows his receipt, must not then put back the card as it stood after his vote."""
    updates = slow_vote_then_a_later_one(workspace, workspace)
    assert "*Voted*\n2" in updates[-1], updates


def test_the_server_keeps_nothing_of_the_card_changes_it_has_finished(
        coalescers: list[Coalesced], workspace: Workspace) -> None:
    """Each card a command changed stayed numbered in the server's memory for good; after votes on three polls,
    typed and clicked, nothing is left once they are answered."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    for number in (1, 2, 3):
        card = workspace.say("alice", f'poll "Venue {number}?" "Civic Centre" "Online" --closes "2026-12-31 17:00"')
        workspace.card_noted(card)
        workspace.say("bob", f"vote {number} 1")
        workspace.press("carol", buttons(card)["Online"], card.answer["ts"])
    workspace.finish()
    assert [c.changed for c in coalescers] == [{}]
