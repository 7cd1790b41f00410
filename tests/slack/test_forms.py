"""The forms: a poll created from the form, a refusal shown only to the person who submitted, a value the form
cannot take shown beside its field, and the channel the bot was never invited to."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from bot.models import Interest, Meeting, Poll
from bot.services.interests import NATURES
from tests.slack.conftest import CHANNEL, Sent, Workspace, buttons, shown, user_id


def submit(workspace: Workspace, user: str, callback_id: str, values: dict[str, dict[str, Any]]) -> Sent:
    values = {"channel": {"type": "conversations_select", "selected_conversation": CHANNEL}, **values}
    sent = workspace.interaction({"type": "view_submission", "user": {"id": user_id(user), "username": user},
                                  "view": {"id": "V0FORM", "type": "modal", "callback_id": callback_id,
                                           "state": {"values": {b: {"value": s} for b, s in values.items()}}}})
    assert sent.status == 200
    return sent


def declaration(description: str | None, *, none: bool = False, item: str | None = None) -> dict[str, Any]:
    """The declaration modal's inputs as Slack reports them."""
    return {"description": {"type": "plain_text_input", "value": description},
            "none": {"type": "checkboxes", "selected_options": [{"value": "none"}] if none else []},
            "nature": {"type": "static_select", "selected_option": None},
            "meeting": {"type": "number_input", "value": None}, "item": {"type": "number_input", "value": item}}


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


def test_the_declaration_modal_offers_no_interests_and_the_cores_natures(workspace: Workspace) -> None:
    assert workspace.interaction({"type": "shortcut", "callback_id": "gov_declare",
                                  "user": {"id": user_id("bob"), "username": "bob"}}).status == 200
    view = workspace.fake.wait_for(lambda: workspace.fake.of("views.open"))[0].params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    blocks = {block["block_id"]: block["element"] for block in view["blocks"]}
    assert list(blocks) == ["channel", "description", "none", "nature", "meeting", "item"]
    assert [o["text"]["text"] for o in blocks["none"]["options"]] == ["I have no interests to declare"]
    assert tuple(o["value"] for o in blocks["nature"]["options"]) == NATURES
    assert blocks["item"]["type"] == "number_input"


def test_no_interests_ticked_on_the_form_is_recorded(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("alice", "meeting schedule 2026-12-03 10:00")
    posted = len(workspace.fake.of("chat.postMessage"))
    assert submit(workspace, "bob", "gov_declare", declaration(None, none=True)).body == ""
    recorded = workspace.fake.wait_for(lambda: workspace.fake.of("chat.postMessage")[posted:])[0]
    assert "bob has no interests to declare for meeting 1" in shown(recorded)


def test_a_value_the_form_cannot_take_is_shown_beside_its_field_and_nothing_is_recorded(
        workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("alice", "meeting schedule 2026-12-03 10:00")
    calls = len(workspace.fake.calls)
    sent = submit(workspace, "bob", "gov_declare", declaration("A trustee", item="two"))
    # Slack keeps the modal open and shows the message under the field.
    assert json.loads(sent.body) == {"response_action": "errors", "errors": {
        "item": "“Agenda item number” should be a whole number, e.g. 2, not 'two'."}}
    workspace.finish()
    # Nothing is said (the channel check after `group bind` may still be reading the channel: not a message).
    assert [c.method for c in workspace.fake.calls[calls:] if c.method.startswith("chat.")] == []
    with workspace.sessions() as session:
        assert session.scalars(select(Interest)).all() == []


HOSTILE_TEXT = {"a control character": "Bell\x07 ringing", "a NUL": "nul\x00x",
                "a direction override": "invoice\u202efdp.exe", "a broadcast": "@here the provider is my sister's"}


def test_a_form_refuses_what_a_typed_command_refuses_and_records_nothing(workspace: Workspace) -> None:
    """A form's text went into the record unchecked: a control character there made every Word and PDF copy of
    the meeting's minutes fail (python-docx refuses it), for every member, for good. Now the modal stays open
    with the reason beside the field, as for typed text."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("alice", "meeting schedule 2026-12-10 10:00")
    for name, text in HOSTILE_TEXT.items():
        sent = submit(workspace, "bob", "gov_declare", declaration(text))
        errors = json.loads(sent.body)["errors"]
        assert list(errors) == ["description"], name
        assert "control characters" in errors["description"] or "@here" in errors["description"], name
    sent = submit(workspace, "alice", "gov_poll", {
        "question": {"type": "plain_text_input", "value": "Which provider?"},
        "choices": {"type": "plain_text_input", "value": "A\nB\u202eC"},
        "flags": {"type": "checkboxes", "selected_options": []}})
    assert "“Options, one per line” has control characters" in json.loads(sent.body)["errors"]["choices"]
    workspace.finish()
    with workspace.sessions() as session:
        assert session.scalars(select(Interest)).all() == [] and session.scalars(select(Poll)).all() == []
