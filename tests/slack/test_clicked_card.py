"""A click names the message it was on; that message is refreshed only when it is no other record's card. A
click naming another poll's card (an altered payload) would have the bot write one poll's tally over another's."""

from __future__ import annotations

from sqlalchemy import delete

from bot.models import PostedMessage
from tests.slack.conftest import Workspace, buttons, shown


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
