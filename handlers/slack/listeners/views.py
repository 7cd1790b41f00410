"""Shortcuts open the forms; a submitted form runs its typed command as the person who filled it in, or, when a
value cannot stand, stays open with the reason beside the field."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltRequest
from slack_sdk import WebClient

from bot.forms import FieldError
from handlers.slack import payloads
from handlers.slack.answer import Core, Exchange
from handlers.slack.forms import BY_CALLBACK, SHORTCUTS, command_of, modal, values
from handlers.slack.workspaces import chosen_channel

NO_CHANNEL = "Pick the group's channel: the form is recorded there, so it needs one."


def register(app: App, core: Core) -> None:
    def open_form(body: dict[str, Any], client: WebClient, request: BoltRequest) -> None:
        if not core.first_delivery(request):
            return
        channel = (body.get("channel") or {}).get("id")
        client.views_open(trigger_id=body["trigger_id"], view=modal(SHORTCUTS[body["callback_id"]], channel))

    def submit(ack: Ack, body: dict[str, Any], client: WebClient, request: BoltRequest) -> None:
        view = body["view"]
        given = values(view)
        # The channel picker is the form's only channel: the one the workspace check judged the form by.
        channel = chosen_channel(body)
        if channel is None:
            ack(response_action="errors", errors={"channel": NO_CHANNEL})
            return
        try:
            command = command_of(view["callback_id"], given)
        except FieldError as error:  # Slack keeps the modal open, with the message under the field
            ack(response_action="errors", errors={error.field: error.message})
            return
        ack()
        exchange = Exchange(core, client, payloads.speaker_of(body["user"]), payloads.place_of(channel))
        core.after(lambda: exchange.say(command, request))

    for callback_id in SHORTCUTS:
        app.shortcut(callback_id)(core.acking(open_form))
    for callback_id in BY_CALLBACK:
        app.view(callback_id)(submit)
