"""Shortcuts open the forms; a submitted form runs its typed command as the person who filled it in."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltRequest
from slack_sdk import WebClient

from handlers.slack import payloads
from handlers.slack.answer import Core, Exchange
from handlers.slack.forms import FORMS, SHORTCUTS, command_of, values


def register(app: App, core: Core) -> None:
    def open_form(body: dict[str, Any], client: WebClient, request: BoltRequest) -> None:
        if not core.first_delivery(request):
            return
        channel = (body.get("channel") or {}).get("id")
        client.views_open(trigger_id=body["trigger_id"], view=SHORTCUTS[body["callback_id"]](channel))

    def submit(body: dict[str, Any], client: WebClient, request: BoltRequest) -> None:
        view = body["view"]
        given = values(view)
        exchange = Exchange(core, client, payloads.speaker_of(body["user"]), payloads.place_of(given["channel"]))
        exchange.say(command_of(view["callback_id"], given), request)

    for callback_id in SHORTCUTS:
        app.shortcut(callback_id)(core.acking(open_form))
    for callback_id in FORMS:
        app.view(callback_id)(core.acking(submit))
