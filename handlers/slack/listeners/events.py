"""Events API: the App Home tab shows the person looking their own governance dashboard."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltRequest
from slack_sdk import WebClient

from bot.services.context import Speaker
from bot.services.dashboard import home
from handlers.slack import payloads, people
from handlers.slack.answer import Core
from handlers.slack.render import blocks


def register(app: App, core: Core) -> None:
    def publish_home(body: dict[str, Any], client: WebClient, request: BoltRequest) -> None:
        event = body["event"]
        if event.get("tab", "home") != "home":
            return  # the Messages tab needs no view
        if not core.first_delivery(request):
            return
        user = event["user"]
        with core.serially():
            dashboard = home(core.sessions, Speaker(payloads.PLATFORM, user, user), core.clock())
        client.views_publish(user_id=user, view={"type": "home",
                                                    "blocks": blocks(people.named(core.sessions, dashboard))})

    app.event("app_home_opened")(core.acking(publish_home))
