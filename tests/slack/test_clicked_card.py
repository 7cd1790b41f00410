"""A click names the message it was on; that message is refreshed only when it is no other record's card. A
click naming another poll's card (an altered payload) would have the bot write one poll's tally over another's."""

from __future__ import annotations

import threading
import time

from sqlalchemy import delete

from bot.models import PostedMessage
from tests.slack.conftest import Workspace, buttons, shown
from tests.slack.idle import busy


def test_a_click_naming_another_records_card_does_not_overwrite_it(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    first = workspace.say("alice", 'poll "Where shall we meet?" "Civic Centre" "Online" --closes "2026-12-31 17:00"')
    workspace.card_noted(first)
    second = workspace.say("alice", 'poll "Which day?" "Monday" "Friday" --closes "2026-12-31 17:00"')
    workspace.card_noted(second)
    with workspace.sessions.begin() as session:  # poll 1's card, as if posted before the bot noted its cards
        session.execute(delete(PostedMessage).where(PostedMessage.message_ref == first.answer["ts"]))
    vote = buttons(first)["Online"]
    workspace.press("bob", vote, second.answer["ts"])  # the vote, sent as if clicked on poll 2's card
    workspace.press("carol", vote, first.answer["ts"])  # and as clicked on poll 1's own (untracked) card
    workspace.finish()
    updates = workspace.fake.of("chat.update")
    assert not [u for u in updates if u.params["ts"] == second.answer["ts"]], [shown(u) for u in updates]
    assert any(u.params["ts"] == first.answer["ts"] and "Where shall we meet?" in shown(u) for u in updates)


def test_a_click_on_another_copy_of_a_card_being_refreshed_refreshes_that_copy_too(workspace: Workspace) -> None:
    """Two messages show poll 1, neither noted as its card (posted before the bot noted its cards). While Slack is
    slow to take the refresh of the one carol clicked, bob clicks the other: his refresh folds into the one running,
    and the message he clicked must still come to show his vote, as it does when the two clicks are further apart."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    first = workspace.say("alice", 'poll "Where shall we meet?" "Civic Centre" "Online" --closes "2026-12-31 17:00"')
    workspace.card_noted(first)
    with workspace.sessions.begin() as session:
        session.execute(delete(PostedMessage).where(PostedMessage.message_ref == first.answer["ts"]))
    copy = "1764575000.000001"  # an earlier message showing the same poll
    vote = buttons(first)["Online"]
    slow = workspace.fake.held["chat.update"] = threading.Event()
    workspace.press("carol", vote, first.answer["ts"])
    workspace.fake.wait_for(lambda: workspace.fake.holding)  # carol's card refresh is on its way to Slack
    workspace.press("bob", vote, copy)
    deadline = time.monotonic() + 10
    while len(busy()) > 1:  # bob's command has run and asked for its refresh; only carol's waits on Slack
        assert time.monotonic() < deadline, busy()
        time.sleep(0.005)
    slow.set()
    workspace.finish()
    updates = workspace.fake.of("chat.update")
    assert any(u.params["ts"] == copy and "*Online*\n2 of 2 voted" in shown(u) for u in updates), \
        [(u.params["ts"], shown(u)) for u in updates]
