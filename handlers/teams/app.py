"""The Teams endpoint: POST /api/messages on the shared web server, behind the SDK's JWT check."""

from __future__ import annotations

import datetime as dt
import json
import logging
import warnings
from collections.abc import Callable
from typing import Any

from aiohttp import web as aiohttp_web
from microsoft_agents.hosting.aiohttp import CloudAdapter, start_agent_process
from microsoft_agents.hosting.core import (
    AgentApplication,
    AgentAuthConfiguration,
    ApplicationOptions,
    MemoryStorage,
    OutboundHostValidator,
    TurnState,
)
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from bot.wire_text import keepable
from handlers.teams import admission, auth, listeners
from handlers.teams.clients import PooledClients
from handlers.teams.posting import Record

logger = logging.getLogger(__name__)

USER_TOKEN_CLIENT = "microsoft_agents.hosting.core.connector.client.user_token_client"


def _not_app_id_complaint(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("App ID is not provided")


NO_APP_ID = _not_app_id_complaint

# The key the SDK's JWT middleware reads its configuration from (a plain string, not an aiohttp AppKey).
AGENT_CONFIGURATION = "agent_configuration"
PREFIX = "/api"
NOT_IMPLEMENTED = 501
OK = 200


async def refused(request: aiohttp_web.Request, config: AgentAuthConfiguration) -> tuple[admission.Refusal | None, Any]:
    """Why the SDK must not see this request (admission.refusal), and the activity it carries (to judge the SDK's
    answer by, not_taken). The body's JSON is the sender's error (400), which the SDK would otherwise answer with a
    500 and a traceback in the log."""
    if config.ANONYMOUS_ALLOWED and not admission.loopback(request.remote):
        return admission.NOT_LOCAL_PEER, None  # no token says who sent it: only a sender on this machine is heard
    try:
        text = await request.text()
        body = json.loads(text)
    except (ValueError, RecursionError, LookupError):  # not JSON, nested deeper than Python's parser goes (no
        return admission.NOT_AN_ACTIVITY, None  # activity is), or in a charset nobody knows
    if not keepable(text, body):  # half of a surrogate pair, escaped: text nothing can store or encode
        return admission.NOT_AN_ACTIVITY, None
    return admission.refusal(body, request.get("claims_identity"), config), body


def build(settings: Settings, sessions: sessionmaker[Session], clock: Callable[[], dt.datetime],
          token_providers: auth.TokenProviders | None = None,
          host_validator: OutboundHostValidator | None = None) -> aiohttp_web.Application:
    """The Teams sub-application: its route, the SDK adapter and agent, and the JWT check on every request."""
    config = auth.configuration(settings)
    connections = auth.connections(config, token_providers)
    if host_validator is None:
        # The bot sends its Entra token to the activity's serviceUrl: with credentials, only to Microsoft's
        # connector hosts over HTTPS, and only to the host named in the caller's signed token. The Agents
        # Playground (anonymous mode) runs its connector on localhost.
        host_validator = OutboundHostValidator(enabled=not config.ANONYMOUS_ALLOWED)
    if not config.CLIENT_ID:
        # Anonymous mode leaves the app id unset on purpose: the SDK's per-turn complaint about it is noise.
        logging.getLogger(USER_TOKEN_CLIENT).addFilter(NO_APP_ID)
    clients = PooledClients(connections)
    adapter = CloudAdapter(channel_service_client_factory=clients, host_validator=host_validator)
    adapter.on_turn_error = listeners.turn_failed  # the SDK's default would tell the user the exception text
    agent = AgentApplication[TurnState](
        ApplicationOptions(storage=MemoryStorage(), bot_app_id=settings.teams_app_id or "",
                           start_typing_timer=False, remove_recipient_mention=True),
        connection_manager=connections)
    listeners.register(agent, Record(sessions, clock))

    async def messages(request: aiohttp_web.Request) -> aiohttp_web.StreamResponse:
        refusal, activity = await refused(request, config)
        if refusal is not None:
            logger.warning("refused a Teams activity: %s", refusal.error)
            return aiohttp_web.json_response({"error": refusal.error}, status=refusal.status)
        response = await start_agent_process(request, agent, adapter)
        if response is not None and not_taken(activity, response):
            # An invoke no listener takes (a verb no card of govbot's carries): the SDK's 501 would read as a
            # failure of the server's; it is the sender's request that has no meaning here.
            logger.warning("refused a Teams invoke that govbot does not handle")
            return aiohttp_web.json_response({"error": admission.UNHANDLED_INVOKE}, status=400)
        return response if response is not None else aiohttp_web.Response(status=202)

    api = aiohttp_web.Application(middlewares=[auth.tokens_checked])
    api.on_cleanup.append(lambda _: clients.close())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", aiohttp_web.NotAppKeyWarning)
        api[AGENT_CONFIGURATION] = config
    api.router.add_post("/messages", messages)
    return api


def not_taken(activity: Any, response: aiohttp_web.StreamResponse) -> bool:
    """Whether the SDK's answer says no listener took an invoke: 501, or, for one whose replies were asked for in
    the HTTP response (deliveryMode expectReplies), 200 whose replies hold no invoke response (the SDK answers
    those without looking at whether the invoke was taken)."""
    if response.status == NOT_IMPLEMENTED:
        return True
    if response.status != OK or not isinstance(response, aiohttp_web.Response) or not isinstance(activity, dict) \
            or activity.get("type") != "invoke" or activity.get("deliveryMode") != "expectReplies":
        return False
    replies = json.loads(response.text or "{}").get("activities") or []
    return not any(isinstance(reply, dict) and reply.get("type") == "invokeResponse" for reply in replies)


def mount(web: aiohttp_web.Application, settings: Settings, sessions: sessionmaker[Session],
          clock: Callable[[], dt.datetime], *, token_providers: auth.TokenProviders | None = None,
          host_validator: OutboundHostValidator | None = None) -> None:
    """Add POST /api/messages to `web`. JWT validation is on unless TEAMS_ANONYMOUS=true (logged loudly).

    `token_providers` replaces MSAL for outbound calls (the SDK's provider-factory seam) and `host_validator`
    the SDK's check of where replies may go (Microsoft's hosts when credentials are set), e.g. for tests
    against a connector on 127.0.0.1. Raises DomainError when the Teams settings are missing.
    """
    web.router.add_get(PREFIX + "/messages", endpoint_check)  # before the sub-application, which takes POST
    web.add_subapp(PREFIX, build(settings, sessions, clock, token_providers, host_validator))


async def endpoint_check(request: aiohttp_web.Request) -> aiohttp_web.Response:
    """A GET (the Agents Playground's connection check, a curious browser): say what the endpoint is."""
    return aiohttp_web.Response(text="govbot's Teams endpoint: Bot Framework activities are POSTed here.\n")
