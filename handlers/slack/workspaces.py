"""Which Slack workspace a bound channel belongs to: notifications go out with that workspace's token, and a
request from any other workspace is refused before a listener runs, since it would act on (or rebind) a channel
that workspace does not hold."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltRequest, BoltResponse
from slack_sdk.webhook import WebhookClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import ChannelBinding
from bot.services.context import Place
from handlers.slack import payloads

logger = logging.getLogger(__name__)

NOT_OURS = ("govbot here answers Slack workspace {ours} only, and this came from Slack workspace {theirs}: nothing "
            "was recorded. Use /gov from an account in {ours} (a guest account there will do, for a member from "
            "another organisation in a shared channel), or ask your administrator to run govbot for your workspace.")
BOUND_ELSEWHERE = ("This channel's group was bound from Slack workspace {ours}, and this came from Slack workspace "
                   "{theirs}: nothing was recorded. govbot answers this channel from {ours} only; a group of your "
                   "own workspace needs a channel there (`/gov group bind <group>`).")
KINDS = ("block_actions", "view_submission", "shortcut", "message_action", "event_callback")  # named in the log
Middleware = Callable[[BoltRequest, BoltResponse, Callable[[], BoltResponse]], BoltResponse]


def remember_team(sessions: sessionmaker[Session], place: Place, team_id: str | None) -> None:
    """Keep the channel's workspace in its binding's `conversation` (what the notifier needs to post there)."""
    if not team_id:
        return
    with unit_of_work(sessions) as session:
        binding = session.scalar(select(ChannelBinding).where(ChannelBinding.platform == place.platform,
                                                              ChannelBinding.channel_id == place.channel_id))
        if binding is not None and (binding.conversation or {}).get("team_id") != team_id:
            binding.conversation = {**(binding.conversation or {}), "team_id": team_id}


def bound_team(sessions: sessionmaker[Session], channel_id: str) -> str | None:
    """The workspace that bound the channel, or None when it is not bound (or bound before workspaces were kept)."""
    with sessions() as session:
        conversation = session.scalar(select(ChannelBinding.conversation).where(
            ChannelBinding.platform == payloads.PLATFORM, ChannelBinding.channel_id == channel_id))
    return (conversation or {}).get("team_id")


def same_workspace(sessions: sessionmaker[Session], several: bool) -> Middleware:
    """Bolt middleware, run after Bolt has authorised the request. With one bot token (`several` false) the request
    must come from the token's workspace (Bolt checks only that the token works); with OAuth (`several`), Bolt has
    found the request's workspace installed, and a channel bound from one workspace must not hear another (a
    channel shared between them). Requests Bolt lets through unauthorised (uninstall, token revoked) pass."""

    def door(req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse:
        context, result = req.context, req.context.authorize_result
        theirs = context.team_id
        if result is None or not theirs:
            return next()
        if not several:
            if result.team_id and result.team_id != theirs:
                return refused(req, NOT_OURS.format(ours=result.team_id, theirs=theirs))
            return next()
        channel = context.channel_id or chosen_channel(req.body)
        # Within an Enterprise Grid organisation its workspaces share channels as one organisation: not refused.
        ours = bound_team(sessions, channel) if channel and not result.enterprise_id else None
        if ours and ours != theirs:
            return refused(req, BOUND_ELSEWHERE.format(ours=ours, theirs=theirs))
        return next()

    return door


def chosen_channel(body: dict[str, Any]) -> str | None:
    """The channel a submitted form names (its `channel` input): a form runs there, not where it came from."""
    state: Any = body.get("view") or {}
    for key in ("state", "values", "channel", "value"):
        state = state.get(key) if isinstance(state, dict) else None
    chosen = state.get("selected_conversation") if isinstance(state, dict) else None
    return chosen if isinstance(chosen, str) else None


def refused(req: BoltRequest, sentence: str) -> BoltResponse:
    """Answer a refused request the way its kind is answered: a command in its ack, a click through Slack's
    response_url (only when it is Slack's), a form with the sentence on its first field, an event silently."""
    body: dict[str, Any] = req.body
    kind = "command" if "command" in body else body.get("type") if body.get("type") in KINDS else "request"
    logger.warning("refused a Slack %s from a workspace govbot does not serve here", kind)
    if "command" in body:
        return BoltResponse(status=200, body=json.dumps({"response_type": "ephemeral", "text": sentence}),
                            headers={"content-type": "application/json"})
    if body.get("type") == "view_submission":
        fields = list(((body.get("view") or {}).get("state") or {}).get("values") or {})
        if fields:
            return BoltResponse(status=200, body=json.dumps({"response_action": "errors",
                                                             "errors": {fields[0]: sentence}}),
                                headers={"content-type": "application/json"})
    hook = payloads.slacks_own(req.context.response_url, req.context.client.base_url) if req.context.client else None
    if hook:
        WebhookClient(hook).send(response_type="ephemeral", replace_original=False, text=sentence)
    return BoltResponse(status=200, body="")
