"""A deadline for a request's line and headers: a connection that begins a request and does not finish its headers
within REQUEST_HEADERS_SECONDS is closed.

aiohttp bounds an idle connection by its keep-alive timeout (75 s under `web.run_app`, an hour under a bare
`AppRunner`) and nothing else: a client that sends half a request line or some of its headers and then stalls (a
slowloris) held its socket that long, and a few thousand such clients hold every socket the process may open.
aiohttp has no setting for this, so its connection handler is given one (`handler_args`), counted from the first
byte of a request while the connection waits for one; an idle connection between requests (a proxy such as Caddy
keeping it for the next) still waits the whole keep-alive timeout, as before. A proxy writes a request's line and
headers at once, so no request it forwards is cut short. Bytes sent behind a whole request in the same packet (a
pipelined request begun while the first is answered) are bounded by the keep-alive timeout only (which of them are
a body's and which a request's is the C parser's to know, and it does not say): a client gains no more by them than
by sending one whole request and then nothing, which keep-alive allows anyway.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiohttp import web_protocol, web_server

logger = logging.getLogger(__name__)

HEADERS_SECONDS = 15.0  # REQUEST_HEADERS_SECONDS's default; any proxy sends a request's headers in far less


class BoundedHeaders(web_protocol.RequestHandler):
    """aiohttp's connection handler, closing a connection whose request's line and headers have not all arrived
    within `headers_seconds` of its first byte."""

    __slots__ = ("_headers_seconds", "_headers_due")

    def __init__(self, manager: web_server.Server, *, headers_seconds: float = HEADERS_SECONDS,
                 **kwargs: Any) -> None:
        super().__init__(manager, **kwargs)
        self._headers_seconds = headers_seconds
        self._headers_due: asyncio.TimerHandle | None = None

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if not self._waiting():  # a whole request arrived (or one is being answered): its headers are here
            self._stop_clock()
        elif data and self._headers_due is None and self.transport is not None:
            self._headers_due = self._loop.call_later(self._headers_seconds, self._headers_late)

    def _waiting(self) -> bool:
        """Whether the connection waits for a request's headers (aiohttp's keep-alive reads it as idle)."""
        return self._waiter is not None and not self._waiter.done()

    def _headers_late(self) -> None:
        self._headers_due = None
        if self._waiting() and self.transport is not None:
            logger.warning("closed a connection whose request's line and headers did not arrive within %g s",
                           self._headers_seconds)
            self.force_close()

    def _stop_clock(self) -> None:
        if self._headers_due is not None:
            self._headers_due.cancel()
            self._headers_due = None

    def connection_lost(self, exc: BaseException | None) -> None:
        self._stop_clock()
        super().connection_lost(exc)


def handler_args(seconds: float) -> dict[str, Any]:
    """The application's `handler_args` giving each connection BoundedHeaders at `seconds`. aiohttp's Server makes
    a connection's handler from the name RequestHandler in its module, passing it these: that name is given the
    subclass, which every server in the process then uses (at HEADERS_SECONDS unless told otherwise)."""
    if not READABLE:  # an aiohttp whose handler keeps no `_waiter`: serve as it does, and say so
        logger.warning("request header deadline not set: this aiohttp's connection handler is not the one it knows")
        return {}
    web_server.RequestHandler = BoundedHeaders  # type: ignore[attr-defined]
    return {"headers_seconds": seconds}


# What BoundedHeaders reads of aiohttp's handler (its slots), checked once: a later aiohttp that renames them leaves
# connections to aiohttp alone rather than failing every request at its first byte.
READABLE = "_waiter" in getattr(web_protocol.RequestHandler, "__slots__", ()) and \
    getattr(web_server, "RequestHandler", None) in (web_protocol.RequestHandler, BoundedHeaders)
