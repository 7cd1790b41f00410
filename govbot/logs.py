"""Log lines as text or, with LOG_FORMAT=json, one JSON object a line; each carries the id of the request it
belongs to (`X-Request-Id` from the proxy when it sends a sane one, else a fresh one), sent back in the response.

Lines say what happened, never what was said: no request body, query string, command text, token or vote.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sys
import uuid
from contextvars import ContextVar

from aiohttp import web
from aiohttp.typedefs import Handler

REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)
HEADER = "X-Request-Id"
SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"


class RequestIdFilter(logging.Filter):
    """Stamps each record with the current request's id ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, request_id, and the traceback."""

    def format(self, record: logging.LogRecord) -> str:
        line = {"time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
                "level": record.levelname, "logger": record.name, "message": record.getMessage(),
                "request_id": getattr(record, "request_id", "-")}
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def configure(level: str, log_format: str) -> None:
    """Send every log line to standard error in `log_format` ("text" or "json") at `level`."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # Migration chatter would interleave with the chat; problems still show as warnings.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # APScheduler logs every job run at INFO (four lines a minute); govbot/metrics.py logs them at DEBUG instead.
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        logging.getLogger("apscheduler").setLevel(logging.WARNING)


@web.middleware
async def request_id(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Name the request for every log line it causes, and tell the caller the name."""
    given = request.headers.get(HEADER, "")
    name = given if SANE_ID.fullmatch(given) else uuid.uuid4().hex
    REQUEST_ID.set(name)
    try:
        response = await handler(request)
    except web.HTTPException as error:
        error.headers[HEADER] = name
        raise
    response.headers[HEADER] = name
    return response
