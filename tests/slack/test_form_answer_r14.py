"""A form's answer reaches the person who submitted it even where Slack will not show an ephemeral message in the
form's channel (the bot is not in it: any channel can be picked from the form's list). A form carries no
response_url, and the ephemeral message failed: the modal had closed, and the refusal went nowhere."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import Meeting
from tests.slack.conftest import Workspace, shown, user_id
from tests.slack.test_forms import submit

SCHEDULE = {"date": {"type": "datepicker", "selected_date": "2026-12-03"},
            "time": {"type": "timepicker", "selected_time": "10:00"},
            "where": {"type": "plain_text_input", "value": None}}


def test_a_refused_form_in_a_channel_without_the_bot_is_answered_in_a_direct_message(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.fake.failures["chat.postEphemeral"] = "not_in_channel"  # the bot was removed from the channel since
    before = len(workspace.fake.calls)
    submit(workspace, "bob", "gov_schedule", SCHEDULE)
    told = workspace.fake.wait_for(lambda: [c for c in workspace.fake.calls[before:]
                                            if c.method == "chat.postMessage" and c.params["channel"] == user_id("bob")])
    assert "Only the chair or the secretariat can schedule meetings (ToR 6.3)" in shown(told[0])
    workspace.finish()
    with workspace.sessions() as session:
        assert session.scalars(select(Meeting)).all() == []
