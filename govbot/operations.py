"""What an operator needs from the web server beside the chat platforms: request ids in the logs, metrics,
readiness, and a clean stop on SIGTERM. Mounted by govbot/serve.py."""

from __future__ import annotations

import logging

from aiohttp import web
from apscheduler.schedulers.base import BaseScheduler
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from govbot import logs, metrics, readiness

logger = logging.getLogger(__name__)


def mount(app: web.Application, settings: Settings, sessions: sessionmaker[Session]) -> None:
    """Add the request-id and request-counting middleware, GET /readyz and (with METRICS_TOKEN) GET /metrics."""
    engine = sessions.kw["bind"]
    app.middlewares.append(logs.request_id)
    metrics.mount(app, engine, settings.metrics_token)
    readiness.mount(app, engine)
    app.on_shutdown.append(stopping)


async def stopping(_: web.Application) -> None:
    # SIGTERM (or Ctrl-C): the listening socket is already closed; requests in flight get up to 60 s to finish,
    # then acknowledged Slack work drains (handlers/slack on_cleanup) and the scheduler ends its current pass.
    logger.info("stopping: no new requests; finishing the ones in flight")


def watch(scheduler: BaseScheduler) -> None:
    """Time and count the scheduler's job runs (see govbot/metrics.py)."""
    metrics.watch_scheduler(scheduler)
