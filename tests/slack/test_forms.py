"""The forms: a poll created from the form, a refusal shown only to the person who submitted, and the channel
the bot was never invited to."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.models import Meeting, Poll
from tests.slack.conftest import CHANNEL, Workspace, buttons, shown, user_id


def submit(workspace: Workspace, user: str, callback_id: str, values: dict[str, dict[str, Any]]) -> None:
    values = {"channel": {"type": "conversations_select", "selected_conversation": CHANNEL}, **values}
    sent = workspace.interaction({"type": "view_submission", "user": {"id": user_id(user), "username": user},
                                  "view": {"id": "V0FORM", "type": "modal", "callback_id": callback_id,
                                           "state": {"values": {b: {"value": s} for b, s in values.items()}}}})
    assert sent.status == 200


def test_a_secret_poll_from_the_form_hides_its_tally(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    posted = len(workspace.fake.of("chat.postMessage"))
    submit(workspace, "alice", "gov_poll", {
        "question": {"type": "plain_text_input", "value": "Which provider should we shortlist?"},
        "choices": {"type": "plain_text_input", "value": "Provider A\n\nProvider B\n  Provider C  "},
        "closes_on": {"type": "datepicker", "selected_date": "2026-12-04"},
        "closes_at": {"type": "timepicker", "selected_time": "12:00"},
        "flags": {"type": "checkboxes", "selected_options": [{"value": "secret"}]}})
    card = workspace.fake.wait_for(lambda: workspace.fake.of("chat.postMessage")[posted:])[0]
    assert "Secret poll 1: Which provider should we shortlist?" in shown(card)
    assert shown(card).count("hidden until the poll closes") == 3
    assert "Fri 4 Dec 2026, 12:00 GMT" in shown(card)
    assert list(buttons(card)) == ["Provider A", "Provider B", "Provider C", "Close vote"]

    voted = workspace.press("bob", buttons(card)["Provider B"], card.answer["ts"])
    assert "secret ballot in poll 1 is counted" in shown(voted)
    workspace.finish()
    refreshed = workspace.fake.of("chat.update")[-1]
    assert refreshed.params["ts"] == card.answer["ts"] and "*Voted*\n1" in shown(refreshed)
    assert shown(refreshed).count("hidden until the poll closes") == 3
    with workspace.sessions() as session:
        assert session.scalars(select(Poll)).one().secret


def test_a_refused_form_is_explained_only_to_its_sender(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    submit(workspace, "bob", "gov_schedule", {"date": {"type": "datepicker", "selected_date": "2026-12-03"},
                                              "time": {"type": "timepicker", "selected_time": "10:00"},
                                              "where": {"type": "plain_text_input", "value": None}})
    refusal = workspace.fake.wait_for(lambda: workspace.fake.of("chat.postEphemeral"))[0]
    assert refusal.params["user"] == user_id("bob") and refusal.params["channel"] == CHANNEL
    assert "Only the chair or the secretariat can schedule meetings" in shown(refusal)
    workspace.finish()
    with workspace.sessions() as session:
        assert session.scalars(select(Meeting)).all() == []


def test_a_channel_the_bot_is_not_in_gets_an_invitation_hint(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.fake.failures["chat.postMessage"] = "not_in_channel"
    said = workspace.say("alice", "group bind cjcg")
    assert said.method == "chat.postMessage"
    hint = workspace.fake.wait_for(lambda: workspace.fake.of("response_url"))[0]
    assert "Invite me with `/invite @govbot`" in shown(hint) and "now the channel of" in shown(hint)
