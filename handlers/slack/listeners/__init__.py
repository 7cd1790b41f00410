"""Bolt listeners, one module per kind of Slack delivery, each with `register(app, core)`."""

from __future__ import annotations

from slack_bolt import App

from handlers.slack.answer import Core
from handlers.slack.listeners import actions, commands, events, lifecycle, views


def register(app: App, core: Core) -> None:
    for module in (commands, actions, views, events, lifecycle):
        module.register(app, core)
