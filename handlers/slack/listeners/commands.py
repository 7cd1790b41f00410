"""`/gov <verb> ...`: the slash command runs the typed text as the person who typed it, in that channel."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltRequest
from slack_sdk import WebClient

from bot.services.context import Speaker
from handlers.slack import payloads
from handlers.slack.answer import Core, Exchange
from handlers.slack.exposure import binds_channel, warn_if_exposed
from handlers.slack.workspaces import remember_team

COMMAND = "/gov"


def register(app: App, core: Core) -> None:
    def gov_command(body: dict[str, Any], client: WebClient, request: BoltRequest) -> None:
        if not core.first_delivery(request):
            return
        speaker = Speaker(payloads.PLATFORM, body["user_id"], body.get("user_name") or body["user_id"])
        place = payloads.place_of(body["channel_id"], body.get("channel_name"))
        exchange = Exchange(core, client, speaker, place, response_url=body.get("response_url"))
        text = body.get("text") or ""
        exchange.say(text)
        if binds_channel(text):
            with core.serially():
                remember_team(core.sessions, place, body.get("team_id"))
            warn_if_exposed(exchange)

    app.command(COMMAND)(ack=payloads.ack_now, lazy=[gov_command])
