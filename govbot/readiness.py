"""Is this replica fit to serve? Liveness (/healthz), readiness (/readyz: the record answers and its schema is
current), and waiting at start-up for another process's migrations rather than racing them."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from aiohttp import web
from sqlalchemy import Engine

from bot.db import schema_is_current
from bot.errors import DomainError

logger = logging.getLogger(__name__)

ENGINE = web.AppKey("engine", Engine)
# Alembic notes the dialect each time it reads the schema's version ("Context impl SQLiteImpl.", "Will assume
# transactional DDL."): two lines on every readiness probe, every few seconds of every day, telling nothing.
MIGRATION_LOGGER = "alembic.runtime.migration"
DIALECT_NOTES = ("Context impl ", "Will assume ")


def _not_a_dialect_note(record: logging.LogRecord) -> bool:
    return not (isinstance(record.msg, str) and record.msg.startswith(DIALECT_NOTES))


logging.getLogger(MIGRATION_LOGGER).addFilter(_not_a_dialect_note)


def wait_for_schema(engine: Engine, timeout: float, *, pause: float = 2.0,
                    sleep: Callable[[float], None] = time.sleep) -> None:
    """Return once the database's schema is current (`govbot db upgrade` has run, here or in another process).

    Raises DomainError, saying what to run, when it is still not current after `timeout` seconds.
    """
    waited = 0.0
    while not schema_is_current(engine):
        if waited >= timeout:
            raise DomainError(f"The database schema is not current after {timeout:.0f} s. Run `govbot db upgrade` "
                              "(the compose file's migrate service does), or set MIGRATE_ON_START=true.")
        if waited == 0:
            logger.info("waiting for `govbot db upgrade` to bring the database schema up to date")
        sleep(pause)
        waited += pause


def mount(app: web.Application, engine: Engine) -> None:
    """Add GET /readyz: 200 when the record answers and has every migration, else 503 saying which is wrong."""
    app[ENGINE] = engine
    app.router.add_get("/readyz", readyz)


async def readyz(request: web.Request) -> web.Response:
    engine = request.app[ENGINE]
    try:
        current = await asyncio.to_thread(schema_is_current, engine)
    except Exception:
        logger.exception("readiness check: the database did not answer")
        return web.json_response({"status": "unavailable", "database": "unreachable"}, status=503)
    if not current:
        return web.json_response({"status": "unavailable", "database": "ok", "migrations": "pending"}, status=503)
    return web.json_response({"status": "ok", "database": "ok", "migrations": "current"})
