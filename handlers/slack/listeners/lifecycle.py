"""A workspace that uninstalls govbot or revokes its tokens: forget its tokens, stop using its channels.

Slack sends `app_uninstalled` when an admin removes the app, and `tokens_revoked` when tokens are revoked (a
person's, under `oauth`, or the bot's, under `bot`). Both arrive without a usable token, so Bolt lets them
through without authorising them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext, BoltRequest
from slack_sdk import WebClient

from bot.db import unit_of_work
from bot.services.workspaces import ORGANISATION, WORKSPACE, disable_workspace, restore_workspace
from handlers.slack import payloads
from handlers.slack.answer import Core

UNINSTALLED = "govbot was uninstalled from Slack {team}; reinstalling it there restores the channel"
REVOKED = "govbot's token for Slack {team} was revoked; reinstalling it there restores the channel"


def register(app: App, core: Core) -> None:
    # With SLACK_BOT_TOKEN (one workspace) nothing is stored to forget, but the channels still stop.
    store = app.installation_store

    def uninstalled(body: dict[str, Any], client: WebClient, request: BoltRequest) -> None:
        if not core.first_delivery(request):
            return
        context = request.context
        if store is not None:
            store.delete_all(enterprise_id=context.enterprise_id, team_id=context.team_id)
        forget_workspace(core, context, UNINSTALLED)

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
            forget_workspace(core, context, REVOKED)

    app.event("app_uninstalled")(core.acking(uninstalled))
    app.event("tokens_revoked")(core.acking(revoked))


def forget_workspace(core: Core, context: BoltContext, reason: str) -> None:
    """Stop the channels of the workspace the event names or, for an org-wide install (the event names its Grid
    organisation and no workspace), of every workspace of that organisation: such an event stopped none."""
    if context.enterprise_id and (context.is_enterprise_install or not context.team_id):
        named, kept_as, where = context.enterprise_id, ORGANISATION, f"organisation {context.enterprise_id} " \
            "(Enterprise Grid)"
    elif context.team_id:
        named, kept_as, where = context.team_id, WORKSPACE, f"workspace {context.team_id}"
    else:
        return
    with core.serially(), unit_of_work(core.sessions) as session:
        disable_workspace(session, payloads.PLATFORM, named, reason.format(team=where), core.clock(), kept_as)


def installed(core: Core) -> Callable[[str | None, str | None], None]:
    """What to do when a workspace installs govbot (again): put its channels back in use; for an org-wide install
    (an organisation and no workspace), those of every workspace of the organisation."""

    def restore(team_id: str | None, enterprise_id: str | None) -> None:
        named, kept_as = (team_id, WORKSPACE) if team_id else (enterprise_id, ORGANISATION)
        if not named:
            return
        with core.serially(), unit_of_work(core.sessions) as session:
            restore_workspace(session, payloads.PLATFORM, named, core.clock(), kept_as)

    return restore
