"""Button presses: each button's value is a typed command (or, on a card posted before, its text), run as the person
who pressed it."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltRequest
from slack_sdk import WebClient

from bot.payloads import Pressed
from handlers.slack import payloads, shapes
from handlers.slack.answer import Core, Exchange
from handlers.slack.render import ACTION_PREFIX, OPEN_LINK


def register(app: App, core: Core) -> None:
    def press(body: dict[str, Any], client: WebClient, request: BoltRequest) -> None:
        container, channel = body.get("container") or {}, body.get("channel") or {}
        clicked = None if container.get("is_ephemeral") else container.get("message_ts")
        exchange = Exchange(core, client, payloads.speaker_of(body["user"]),
                            payloads.place_of(str(shapes.clicked_in(body)), channel.get("name")),
                            response_url=body.get("response_url"), clicked_ts=clicked)
        exchange.say(Pressed(str(body["actions"][0].get("value", ""))), request)

    # A click's ack carries nothing Slack would show: the answer follows, ephemeral, and the card is refreshed.
    app.action(re.compile(f"^{ACTION_PREFIX}\\d+$"))(core.acking(press))

    def opened(ack: Ack) -> None:
        ack()  # Slack opened the page itself; acking keeps the button from showing a warning

    app.action(OPEN_LINK)(opened)
