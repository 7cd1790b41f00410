"""A workspace that uninstalls govbot or revokes its tokens: forget its tokens, stop using its channels.

Slack sends `app_uninstalled` when an admin removes the app, and `tokens_revoked` when tokens are revoked (a
person's, under `oauth`, or the bot's, under `bot`). Both arrive without a usable token, so Bolt lets them
through without authorising them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltRequest
from slack_sdk import WebClient

from bot.db import unit_of_work
from bot.services.workspaces import disable_workspace, restore_workspace
from handlers.slack import payloads
from handlers.slack.answer import Core

UNINSTALLED = "govbot was uninstalled from Slack workspace {team}; reinstalling it there restores the channel"
REVOKED = "govbot's token for Slack workspace {team} was revoked; reinstalling it there restores the channel"


def register(app: App, core: Core) -> None:
    # With SLACK_BOT_TOKEN (one workspace) nothing is stored to forget, but the channels still stop.
    store = app.installation_store

    def uninstalled(body: dict[str, Any], client: WebClient, request: BoltRequest) -> None:
        if not core.first_delivery(request):
            return
        context = request.context
        if store is not None:
            store.delete_all(enterprise_id=context.enterprise_id, team_id=context.team_id)
        forget_workspace(core, context.team_id, UNINSTALLED)

    def revoked(body: dict[str, Any], client: WebClient, request: BoltRequest) -> None:
        if not core.first_delivery(request):
            return
        context = request.context
        tokens = body["event"].get("tokens") or {}
        for user in tokens.get("oauth") or []:
            if store is not None:
                store.delete_installation(enterprise_id=context.enterprise_id, team_id=context.team_id,
                                          user_id=user)
        if tokens.get("bot"):
            if store is not None:
                store.delete_all(enterprise_id=context.enterprise_id, team_id=context.team_id)
            forget_workspace(core, context.team_id, REVOKED)

    app.event("app_uninstalled")(core.acking(uninstalled))
    app.event("tokens_revoked")(core.acking(revoked))


def forget_workspace(core: Core, team_id: str | None, reason: str) -> None:
    if not team_id:
        return
    with core.serially(), unit_of_work(core.sessions) as session:
        disable_workspace(session, payloads.PLATFORM, team_id, reason.format(team=team_id), core.clock())


def installed(core: Core) -> Callable[[str], None]:
    """What to do when a workspace installs govbot (again): put its channels back in use."""

    def restore(team_id: str) -> None:
        with core.serially(), unit_of_work(core.sessions) as session:
            restore_workspace(session, payloads.PLATFORM, team_id, core.clock())

    return restore
