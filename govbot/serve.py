"""The bot as a service: one aiohttp server on PORT for every platform's webhooks, the calendar feed and /healthz."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.web import BaseRequest, StreamResponse
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from bot import group_commit
from bot.db import session_factory
from bot.settings import Settings
from govbot import connections, front_door, operations
from govbot.wiring import notifiers
from handlers import calendar_feed
from handlers import web as web_pages
from scheduler import runner

logger = logging.getLogger(__name__)

SESSIONS = web.AppKey("sessions", sessionmaker[Session])
Clock = Callable[[], dt.datetime]
MAX_BODY = 1024 * 1024  # bytes; a larger request body is refused with 413 before any handler reads it


class AccessLog(AbstractAccessLogger):
    """One line per request: method, path, status and time taken. Never the query string, which carries the
    calendar feed's secret token and Slack's OAuth code and state (aiohttp's default logs the whole line)."""

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        self.logger.info("%s %s %s %.3fs", request.method[:10], request.path[:120], response.status, time)


def build_web_app(settings: Settings, sessions: sessionmaker[Session], clock: Clock) -> web.Application:
    """The web application with the routes of every configured platform."""
    app = web.Application(client_max_size=MAX_BODY,
                          handler_args=connections.handler_args(settings.request_headers_seconds))
    front_door.guard(app)
    app[SESSIONS] = sessions
    app.router.add_get("/healthz", healthz)
    operations.mount(app, settings, sessions)
    # Within the request id and the count (its refusals are named and counted), and within deliberate_answers (a
    # body cut short while read is a 400, as in any handler).
    app.middlewares.append(front_door.whole_bodies)
    calendar_feed.mount(app, settings, sessions, clock)
    web_pages.mount(app, settings, sessions, clock)
    if settings.slack_configured and settings.slack_app_token is None:
        from handlers import slack  # Bolt loads only where Slack is used

        slack.mount(app, settings, sessions, clock)
    if settings.teams_configured or settings.teams_anonymous:
        from handlers import teams  # the Agents SDK loads only where Teams is used

        teams.mount(app, settings, sessions, clock)
    return app


def platforms(settings: Settings) -> list[str]:
    """The chat platforms this configuration serves, in the words the start-up message uses."""
    found = []
    if settings.slack_configured:
        found.append("Slack (Socket Mode)" if settings.slack_app_token else "Slack")
    if settings.teams_configured:
        found.append("Microsoft Teams")
    elif settings.teams_anonymous:
        found.append("Microsoft Teams (anonymous, local testing only)")
    return found


def serve(settings: Settings, engine: Engine, clock: Clock) -> None:
    """Run the web server on PORT, and the reminder scheduler beside it, until interrupted."""
    sessions = session_factory(engine)
    if engine.dialect.name == "sqlite":  # one writer: commit what queues behind it together
        group_commit.start(sessions)
    app = build_web_app(settings, sessions, clock)
    reminders = runner.start(sessions, notifiers(settings, engine), clock,
                             dt.timedelta(days=settings.reminder_retention_days))
    operations.watch(reminders)
    socket_mode = None
    if settings.slack_configured and settings.slack_app_token is not None:
        from handlers import slack

        socket_mode = slack.start_socket_mode(settings, sessions, clock)
    print(f"govbot is serving {' and '.join(platforms(settings))} on port {settings.port} "
          f"(/healthz answers when the record does); reminders are on.", flush=True)
    try:
        web.run_app(app, port=settings.port, print=None, access_log_class=AccessLog)
    finally:
        reminders.shutdown(wait=True)  # a reminder being sent is marked sent before the process ends
        group_commit.stop(sessions)  # commands already queued are committed and answered
        logger.info("stopped: in-flight work finished, reminders' leases released")
        if socket_mode is not None:
            socket_mode.close()


async def healthz(request: web.Request) -> web.Response:
    """200 when the record answers; 503 (so a load balancer takes this replica out) when it does not."""
    sessions = request.app[SESSIONS]
    try:
        await asyncio.to_thread(ping, sessions)
    except Exception:
        logger.exception("health check: the database did not answer")
        return web.json_response({"status": "unavailable", "database": "unreachable"}, status=503)
    return web.json_response({"status": "ok"})


def ping(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        session.execute(text("SELECT 1"))
