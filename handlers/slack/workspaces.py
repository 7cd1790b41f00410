"""Which Slack workspace a bound channel belongs to: notifications go out with that workspace's token, and a
request from any other workspace is refused before a listener runs, since it would act on (or rebind) a channel
that workspace does not hold."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, NamedTuple

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
BOUND_ELSEWHERE = ("This channel's group was bound from Slack workspace {ours}, and this came from {theirs}: "
                   "nothing was recorded. govbot answers this channel from {ours} only; a group of your "
                   "own workspace needs a channel there (`/gov group bind <group>`).")
BOUND_IN_ORGANISATION = ("This channel's group was bound from Slack organisation {ours} (Enterprise Grid), and this "
                         "came from {theirs}: nothing was recorded. govbot answers this channel from the workspaces "
                         "of {ours} only; a group of your own organisation needs a channel there "
                         "(`/gov group bind <group>`).")
# Added when the request comes from a Grid organisation and the binding names none: it may have been made before
# organisations were kept, and its own workspace's next request puts the organisation in (other workspaces are refused,
# `group bind` too, so that is the one way).
BOUND_BEFORE_ORGANISATIONS = (" If {ours} is a workspace of your Enterprise Grid organisation, someone in {ours} need "
                              "only use /gov in this channel once; govbot then answers your organisation's other "
                              "workspaces here too.")
ENTERPRISE = "enterprise_id"  # a binding's Grid organisation, in its `conversation` beside `team_id`
KINDS = ("block_actions", "view_submission", "shortcut", "message_action", "event_callback")  # named in the log
Middleware = Callable[[BoltRequest, BoltResponse, Callable[[], BoltResponse]], BoltResponse]


class Bound(NamedTuple):
    """Where a channel was bound from: a workspace, and its Enterprise Grid organisation (None outside Grid)."""

    team: str | None  # None where the channel was bound by an org-wide install naming no workspace
    enterprise: str | None


def remember_team(sessions: sessionmaker[Session], place: Place, team_id: str | None,
                  enterprise_id: str | None = None) -> None:
    """Keep the channel's workspace in its binding's `conversation` (what the notifier needs to post there), and its
    Enterprise Grid organisation when Slack names one (`enterprise_id`), whose workspaces the channel answers. A
    request naming its organisation and no workspace (an org-wide install's) keeps the organisation: a binding that
    kept neither was answered from every workspace govbot is installed in."""
    if not team_id and not enterprise_id:
        return
    kept = {**({"team_id": team_id} if team_id else {}), **({ENTERPRISE: enterprise_id} if enterprise_id else {})}
    with unit_of_work(sessions) as session:
        binding = session.scalar(select(ChannelBinding).where(ChannelBinding.platform == place.platform,
                                                              ChannelBinding.channel_id == place.channel_id))
        if binding is None:
            return
        conversation = {k: v for k, v in (binding.conversation or {}).items() if k != ENTERPRISE}
        if {**conversation, **kept} != binding.conversation:
            binding.conversation = {**conversation, **kept}


def bound_team(sessions: sessionmaker[Session], channel_id: str) -> Bound | None:
    """The workspace that bound the channel and its Grid organisation (None outside Grid), or None when the channel
    is not bound (or bound before workspaces were kept)."""
    with sessions() as session:
        conversation = session.scalar(select(ChannelBinding.conversation).where(
            ChannelBinding.platform == payloads.PLATFORM, ChannelBinding.channel_id == channel_id)) or {}
    team, enterprise = conversation.get("team_id"), conversation.get(ENTERPRISE)
    return Bound(team, enterprise) if team or enterprise else None


def elsewhere(bound: Bound, team: str | None, enterprise: str | None) -> str | None:
    """Why a request from `team` (in Grid organisation `enterprise`) may not act in a channel bound as `bound`, or
    None when it may: the same workspace, or, for a channel bound in a Grid organisation, one of its workspaces
    (they share channels as one organisation). Another organisation sharing the channel over Slack Connect may
    not, Grid or not, whatever it has installed."""
    if (team is not None and team == bound.team) or (bound.enterprise and enterprise == bound.enterprise):
        return None
    if bound.enterprise:
        return BOUND_IN_ORGANISATION.format(ours=bound.enterprise, theirs=speaking_from(team, enterprise))
    hint = BOUND_BEFORE_ORGANISATIONS.format(ours=bound.team) if enterprise and team else ""
    return BOUND_ELSEWHERE.format(ours=bound.team, theirs=speaking_from(team, None if team else enterprise)) + hint


def speaking_from(team: str | None, enterprise: str | None) -> str:
    """Where a request came from, in the refusal's words: its organisation and workspace, as far as it names them
    (an org-wide install's click may name its organisation only)."""
    if enterprise and team:
        return f"Slack organisation {enterprise} (workspace {team})"
    return f"Slack organisation {enterprise}" if enterprise else f"Slack workspace {team}"


def same_workspace(sessions: sessionmaker[Session], several: bool) -> Middleware:
    """Bolt middleware, run after Bolt has authorised the request. With one bot token (`several` false) the request
    must come from the token's workspace (Bolt checks only that the token works); with OAuth (`several`), Bolt has
    found the request's workspace (or its Grid organisation) installed, and a channel bound from one workspace or
    organisation must not hear another (a channel shared between them over Slack Connect). Requests Bolt lets
    through unauthorised (uninstall, token revoked) pass."""

    def door(req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse:
        context, result = req.context, req.context.authorize_result
        theirs = context.team_id
        if result is None:
            return next()
        if not several:
            # A request naming only a Grid organisation, no workspace, is none of the token's workspace either.
            if result.team_id and (theirs or context.enterprise_id) and result.team_id != theirs:
                return refused(req, NOT_OURS.format(ours=result.team_id, theirs=theirs or context.enterprise_id))
            return next()
        # Every channel the request names: a form runs in the one chosen in it, a click or command where it came
        # from. A form that also named a channel of its own, unbound, had that one checked and ran in the other; a
        # click naming its channel only in its container (Bolt reads none there) had none checked.
        named = (chosen_channel(req.body), context.channel_id, container_channel(req.body))
        teams = speaking_teams(req.body, theirs)
        for channel in dict.fromkeys(c for c in named if c):
            if why := bound_elsewhere(sessions, channel, teams, context.enterprise_id):
                return refused(req, why)
        return next()

    return door


def speaking_teams(body: dict[str, Any], theirs: str | None) -> list[str | None]:
    """The workspaces a request speaks for: the one Bolt read (for a form opened in a Slack Connect channel through
    another workspace's install, that install's: `view.app_installed_team_id`) and the person's own, which a form
    also names (`team`, `user.team_id`), as a command or click does alone. A form from another organisation opened
    through the channel's own install ran there, where the same person's commands and clicks were refused."""
    team, user = body.get("team"), body.get("user")
    own = [team.get("id") if isinstance(team, dict) else None, user.get("team_id") if isinstance(user, dict) else None]
    found: list[str | None] = list(dict.fromkeys(t for t in (theirs, *own) if isinstance(t, str) and t))
    return found or [None]


def bound_elsewhere(sessions: sessionmaker[Session], channel: str, teams: list[str | None],
                    enterprise: str | None) -> str | None:
    """Why a request speaking for `teams` (in Grid organisation `enterprise`) may not act in `channel` (`elsewhere`,
    each of them), or None when it may, or the channel is bound nowhere."""
    bound = bound_team(sessions, channel)
    if bound is None:
        return None
    if bound.team is not None and all(t == bound.team for t in teams) and enterprise and not bound.enterprise:
        # bound before its organisation was kept: its own workspace says which, and the others are answered. Only
        # where every workspace the request names is the channel's: a form of another organisation's person opened
        # through the channel's install names that install's workspace too, and taught the binding their organisation
        remember_team(sessions, Place(payloads.PLATFORM, channel), bound.team, enterprise)
    return next((why for team in teams if (why := elsewhere(bound, team, enterprise))), None)


def chosen_channel(body: dict[str, Any]) -> str | None:
    """The channel a submitted form names (its `channel` input): a form runs there, not where it came from."""
    state: Any = body.get("view") or {}
    for key in ("state", "values", "channel", "value"):
        state = state.get(key) if isinstance(state, dict) else None
    chosen = state.get("selected_conversation") if isinstance(state, dict) else None
    return chosen if isinstance(chosen, str) else None


def container_channel(body: dict[str, Any]) -> str | None:
    """The channel of the message a click was on, as its container names it (where the click runs without a
    `channel`: listeners/actions.py)."""
    container = body.get("container")
    chosen = container.get("channel_id") if isinstance(container, dict) else None
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
        WebhookClient(hook, ssl=req.context.client.ssl).send(response_type="ephemeral", replace_original=False,
                                                             text=sentence)
    return BoltResponse(status=200, body="")
