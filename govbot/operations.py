"""What an operator needs from the web server beside the chat platforms: request ids in the logs, metrics,
readiness, and a clean stop on SIGTERM. Mounted by govbot/serve.py."""

from __future__ import annotations

import logging
import uuid

from aiohttp import web
from aiohttp.typedefs import Handler
from apscheduler.schedulers.base import BaseScheduler
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from govbot import logs, metrics, readiness

logger = logging.getLogger(__name__)


def mount(app: web.Application, settings: Settings, sessions: sessionmaker[Session]) -> None:
    """Add the request-id and request-counting middleware, GET /readyz and (with METRICS_TOKEN) GET /metrics."""
    engine = sessions.kw["bind"]
    app.middlewares.append(request_id)
    metrics.mount(app, engine, settings.metrics_token)
    readiness.mount(app, engine)
    app.on_shutdown.append(stopping)


@web.middleware
async def request_id(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Name the request for every log line it causes (govbot/logs.py), and tell the caller the name. Here rather
    than in logs.py, so that the commands that serve nothing (the console, migrations) do not import aiohttp."""
    given = request.headers.get(logs.HEADER, "")
    # Sixteen hex digits find a request's lines among millions, and are short enough to repeat on each line.
    name = given if logs.SANE_ID.fullmatch(given) else uuid.uuid4().hex[:16]
    logs.REQUEST_ID.set(name)
    try:
        response = await handler(request)
    except web.HTTPException as error:
        error.headers[logs.HEADER] = name
        raise
    response.headers[logs.HEADER] = name
    return response


async def stopping(_: web.Application) -> None:
    # SIGTERM (or Ctrl-C): the listening socket is already closed; requests in flight get up to 60 s to finish,
    # then acknowledged Slack work drains (handlers/slack on_cleanup) and the scheduler ends its current pass.
    logger.info("stopping: no new requests; finishing the ones in flight")


def watch(scheduler: BaseScheduler) -> None:
    """Time and count the scheduler's job runs (see govbot/metrics.py)."""
    metrics.watch_scheduler(scheduler)
