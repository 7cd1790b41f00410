"""Socket Mode: govbot connects out to Slack over a WebSocket instead of receiving HTTP requests.

slack_sdk's aiohttp client, on its own thread and event loop, with the sync Bolt App behind it (each envelope is
dispatched on a worker thread, as HTTP requests are). It pings Slack every PING_INTERVAL seconds and replaces a
connection that has not answered for four of them, so a connection cut without a close frame (a NAT timeout, a
proxy restart) is noticed and replaced within seconds; while it waits it sleeps, never spins.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.socket_mode.internals import build_headers
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.async_client import AsyncBaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from handlers.slack.answer import RECEIVED_AT
from handlers.slack.app import build_app

logger = logging.getLogger(__name__)

PING_INTERVAL = 1.0  # seconds between pings; a connection silent for four is replaced
WORKERS = 16


class SocketModeLink:
    """One Socket Mode connection, kept up until `close()`."""

    def __init__(self, app: App, app_token: str, api_url: str, ping_interval: float = PING_INTERVAL) -> None:
        self.app, self.app_token, self.api_url, self.ping_interval = app, app_token, api_url, ping_interval
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="slack-socket-mode", daemon=True)
        self.pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="slack-socket")
        self.client: SocketModeClient | None = None

    def connect(self) -> None:
        """Start connecting; a connection that cannot be made yet is retried in the background."""
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.start(), self.loop).result(timeout=30)

    async def start(self) -> None:
        self.client = SocketModeClient(self.app_token, logger=logger, ping_interval=self.ping_interval,
                                       web_client=AsyncWebClient(base_url=self.api_url))
        self.client.socket_mode_request_listeners.append(self.handle)
        asyncio.ensure_future(self.client.connect())

    async def handle(self, client: AsyncBaseSocketModeClient, envelope: SocketModeRequest) -> None:
        request = BoltRequest(mode="socket_mode", body=envelope.payload, headers=build_headers(envelope))
        request.context[RECEIVED_AT] = time.monotonic()
        response = await asyncio.get_running_loop().run_in_executor(self.pool, self.app.dispatch, request)
        if response.status != 200:
            logger.info("a Socket Mode envelope was refused (status %s)", response.status)
            return
        await client.send_socket_mode_response(acknowledgement(envelope.envelope_id, response))

    def close(self) -> None:
        """Disconnect, let dispatched envelopes finish, and stop the thread."""
        if self.client is not None:
            asyncio.run_coroutine_threadsafe(self.client.close(), self.loop).result(timeout=10)
        self.pool.shutdown(wait=True)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()


def acknowledgement(envelope_id: str, response: BoltResponse) -> SocketModeResponse:
    """The envelope's ack, carrying what an HTTP response would (a command's private answer, a form's errors)."""
    if not response.body:
        return SocketModeResponse(envelope_id=envelope_id)
    if response.headers.get("content-type", [""])[0].startswith("application/json"):
        return SocketModeResponse(envelope_id=envelope_id, payload=json.loads(response.body))
    return SocketModeResponse(envelope_id=envelope_id, payload={"text": response.body})


def start_socket_mode(settings: Settings, sessions: sessionmaker[Session],
                      clock: Callable[[], dt.datetime]) -> SocketModeLink:
    """Connect over Socket Mode (SLACK_APP_TOKEN set) and return the link; `close()` it to stop."""
    assert settings.slack_app_token is not None, "Socket Mode needs SLACK_APP_TOKEN"
    link = SocketModeLink(build_app(settings, sessions, clock), settings.slack_app_token.get_secret_value(),
                          settings.slack_api_url)
    link.connect()
    return link
