"""The Slack app: a Bolt App behind the shared aiohttp server (`/slack/events`), or over Socket Mode.

The sync Bolt App, not AsyncApp: the core and slack_sdk's SQLAlchemy installation store are synchronous, so each
request is dispatched on a worker thread and never blocks the event loop that Teams and /healthz share.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlencode

from aiohttp import web
from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.request.internals import build_context
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.group_commit import writer_for
from bot.settings import Settings
from handlers.slack import gate, listeners
from handlers.slack.answer import CARD_PACE, RECEIVED_AT, Core
from handlers.slack.client import web_client
from handlers.slack.install import NOT_INSTALLED, oauth_settings
from handlers.slack.kept_alive import Connections, keeping_alive
from handlers.slack.listeners import lifecycle
from handlers.slack.pacing import Coalesced, shared_gate
from handlers.slack.workers import Workers
from handlers.slack.workspaces import same_workspace

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
WORKERS = 16  # requests dispatched at once; more wait their turn (SQLite writes queue anyway)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class BoltFailed(RuntimeError):
    """Bolt could not handle a request it accepted (a listener or middleware failed)."""


def build_app(settings: Settings, sessions: sessionmaker[Session], clock: Callable[[], dt.datetime],
              workers: Workers | None = None, connections: Connections | None = None) -> App:
    """The Bolt App with every listener registered. Needs SLACK_SIGNING_SECRET and a bot token or OAuth settings.
    Commands and the work after each ack run on `workers` (shut them down to let accepted work finish); with
    `connections`, the listeners call Slack over kept-alive connections (close them once the workers are done)."""
    assert settings.slack_signing_secret is not None, "Slack needs SLACK_SIGNING_SECRET"
    engine: Engine = sessions.kw["bind"]
    workers = workers or Workers.for_database(engine.dialect.name, WORKERS, writer_for(sessions) is not None)
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    core = Core(sessions, clock, workers, Coalesced(CARD_PACE, shared_gate(sessions, CARD_PACE)))
    oauth = oauth_settings(settings, engine, lifecycle.installed(core)) if settings.slack_client_id else None
    # Named here: without a name Bolt reads the whole call stack, source lines and all, to name the app after the
    # caller's file (~20 ms a build under a deep stack).
    app = App(name="govbot", signing_secret=settings.slack_signing_secret.get_secret_value(),
              client=web_client(settings, None if oauth else token),
              oauth_settings=oauth,
              user_facing_authorize_error_message=NOT_INSTALLED,
              process_before_response=True,  # listeners ack, then hand what Slack need not wait for to workers
              listener_executor=workers.after)
    app.use(same_workspace(sessions, several=oauth is not None))
    if connections is not None:
        app.use(keeping_alive(connections))
    listeners.register(app, core)
    return app


def bolt_request(request: web.Request, body: str, query: str | None = None,
                 read: dict[str, Any] | None = None) -> BoltRequest:
    """Bolt's request for `body`, read as the gate reads it (`read`, when the gate has read it already): Bolt reads
    any form with 'payload' anywhere in it as an interaction's and, finding no payload field, as nothing: a command
    typed with the word, or sent from a channel called #payloads, was a bare 404."""
    headers: dict[str, str | Sequence[str]] = {key.lower(): request.headers.getall(key) for key in request.headers}
    query = request.query_string if query is None else query
    if read is not None:  # Bolt's own parse of the same body would be thrown away: built from the gate's instead
        bolt = BoltRequest(body=read, query=query, headers=headers, mode="socket_mode")  # takes a parsed body
        bolt.raw_body, bolt.mode = body, "http"  # what the request is: signed text over HTTP
    else:
        bolt = BoltRequest(body=body, query=query, headers=headers)
        if (read := gate.parsed(body, request.headers.get("Content-Type", ""))) is not None and read != bolt.body:
            bolt.body, bolt.context = read, build_context(BoltContext({}), read)
    bolt.context[RECEIVED_AT] = time.monotonic()  # Slack's three seconds run from here, not from dispatch
    return bolt


def aiohttp_response(response: BoltResponse) -> web.Response:
    headers = response.first_headers_without_set_cookie()
    content_type = headers.pop("content-type", "text/plain").split(";")[0]
    result = web.Response(status=response.status, body=response.body, content_type=content_type, headers=headers)
    for cookie in response.cookies():
        for name, morsel in cookie.items():
            result.set_cookie(name, morsel.value, max_age=morsel.get("max-age") or None,
                              path=str(morsel["path"] or "/"), secure=True, httponly=True)
    return result


def events_route(app: App, pool: ThreadPoolExecutor, verifier: SignatureVerifier) -> Handler:
    async def slack_events(request: web.Request) -> web.StreamResponse:
        raw = await request.read()  # the web app's client_max_size refuses a larger body with 413
        read = gate.admitted(verifier, raw, request.headers)
        if isinstance(read, gate.Refusal):
            logger.warning("refused a request to %s: %s", EVENTS_PATH, read.reason)
            return web.Response(status=read.status, text="invalid request")
        try:
            bolt = bolt_request(request, raw.decode("utf-8"), read=read)
        except (AttributeError, KeyError, TypeError, ValueError):  # signed, but no request Bolt can route
            logger.warning("refused a signed request to %s: Bolt cannot read it", EVENTS_PATH)
            return web.Response(status=400, text="invalid request")
        response = await asyncio.get_running_loop().run_in_executor(pool, app.dispatch, bolt)
        if response.status >= 500:  # Bolt caught a failure and logged it: answer it as any unforeseen failure
            raise BoltFailed(f"Bolt answered {response.status}")
        return aiohttp_response(response)

    return slack_events


def oauth_route(app: App, pool: ThreadPoolExecutor, callback: bool) -> Handler:
    assert app.oauth_flow is not None
    flow = app.oauth_flow
    step = flow.handle_callback if callback else flow.handle_installation

    async def slack_oauth(request: web.Request) -> web.StreamResponse:
        query = None if callback else install_query(request)
        response = await asyncio.get_running_loop().run_in_executor(pool, step, bolt_request(request, "", query))
        return aiohttp_response(response)

    return slack_oauth


WORKSPACE_ID = re.compile(r"[A-Z0-9]{1,32}")  # as Slack writes one: T… (a workspace), E… (a Grid organisation)


def install_query(request: web.Request) -> str:
    """What of the install page's query Bolt may read: `team` (the workspace Slack's consent page offers first),
    and only as a workspace id. Bolt writes it into the consent page's address as given, so `?team=T1%26scope%3D…`
    asked Slack, on govbot's own page, for scopes and user scopes govbot never asks for."""
    team = request.query.get("team", "")
    return urlencode({"team": team}) if WORKSPACE_ID.fullmatch(team) else ""


def mount(web_app: web.Application, settings: Settings, sessions: sessionmaker[Session],
          clock: Callable[[], dt.datetime]) -> None:
    """Add POST /slack/events, and GET /slack/install and /slack/oauth_redirect when SLACK_CLIENT_ID is set."""
    workers = Workers.for_database(sessions.kw["bind"].dialect.name, WORKERS, writer_for(sessions) is not None)
    connections = Connections()
    app = build_app(settings, sessions, clock, workers, connections)
    pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="slack-http")
    assert settings.slack_signing_secret is not None, "Slack needs SLACK_SIGNING_SECRET"
    verifier = SignatureVerifier(settings.slack_signing_secret.get_secret_value())
    web_app.router.add_post(EVENTS_PATH, events_route(app, pool, verifier))
    if app.oauth_flow is not None:
        web_app.router.add_get(app.oauth_flow.install_path, oauth_route(app, pool, callback=False))
        web_app.router.add_get(app.oauth_flow.redirect_uri_path, oauth_route(app, pool, callback=True))

    async def finish_work(_: web.Application) -> None:
        # Let acknowledged work finish (it may be recording a vote) before the database goes away.
        await asyncio.get_running_loop().run_in_executor(None, pool.shutdown)
        await asyncio.get_running_loop().run_in_executor(None, workers.shutdown)
        connections.close()

    web_app.on_cleanup.append(finish_work)

