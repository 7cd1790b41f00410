"""What every HTTP answer has in common: no server software named, and no traceback for a failure we did not foresee.

A handler's unexpected exception becomes a 500 with a fixed body carrying an incident id, and one bounded log
line with the same id (the exception's type and where it was raised, never its message, which may quote the
request). Refusals a handler decides (400, 401, 413) pass through as they are; a refused body closes the connection.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable

from aiohttp import hdrs, web, web_protocol, web_response, web_urldispatcher
from aiohttp.http import HttpVersion11
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.typedefs import Handler

from govbot.logs import frames

logger = logging.getLogger(__name__)

SERVER = "govbot"  # names the service, not its software or versions
# What reading a request's body raises when the client sends less than it announced and goes, or breaks its
# chunked encoding part-way.
CUT_SHORT = (ConnectionResetError, web_protocol.RequestPayloadError, HttpProcessingError)
FAILED = ("Something went wrong on govbot's side and the request was not completed. "
          "If it keeps happening, give the operator this incident id: {}")


@web.middleware
async def deliberate_answers(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPException:
        raise  # a deliberate answer (404, 405, 413 …), which aiohttp renders without a traceback
    except CUT_SHORT as error:
        # The client went before its body arrived whole (a slowloris, a lost connection): no failure of ours.
        logger.warning("%s %s: the request's body did not arrive whole (%s)", request.method, request.path[:120],
                       type(error).__name__)
        return web.Response(status=400, text="incomplete request")
    except Exception as error:
        incident = secrets.token_hex(6)
        logger.error("incident %s: %s %s failed with %s at %s", incident, request.method, request.path[:120],
                     type(error).__name__, frames(error.__traceback__))
        return web.json_response({"error": FAILED.format(incident), "incident": incident}, status=500)


BODY_SECONDS = 20.0  # the whole body must arrive within this; Slack and Teams send theirs at once


LINGER_SECONDS = 1.0  # after a refusal, how long the rest of a refused body is read (and dropped) before closing


class Refusal(web.Response):
    """A refusal of a request's body, after which the connection closes once what the sender is already sending has
    been read and dropped, for LINGER_SECONDS at most and only while the sender is connected: a client that writes
    its whole body before it reads (most do) gets the answer rather than a reset connection. aiohttp read on for up
    to 10 s and then kept the connection: a sender who stopped sending held the handler and the socket that long
    after its answer."""

    def __init__(self, request: web.BaseRequest, status: int, text: str) -> None:
        super().__init__(status=status, text=text)
        self.force_close()  # says Connection: close
        self.refused = request

    async def write_eof(self, data: bytes = b"") -> None:
        await super().write_eof(data)
        body, protocol = self.refused.content, self.refused.protocol
        # While a handler runs, aiohttp cuts its body's read short when the connection is lost; past the handler it
        # no longer does, and the read waited out LINGER_SECONDS for a sender already gone (and a shutdown with it).
        protocol._current_request = self.refused
        try:
            async with asyncio.timeout(LINGER_SECONDS):
                while protocol.transport is not None and not body.is_eof():
                    await body.readany()
        except (TimeoutError, *CUT_SHORT, web.HTTPException):
            pass  # the sender stopped, went, or sent what cannot be read: closed all the same
        finally:
            protocol._current_request = None
        protocol.force_close()


def too_large(request: web.BaseRequest) -> Refusal:
    return Refusal(request, 413, f"The request's body is larger than the {request.client_max_size} bytes govbot "
                                 "takes; nothing was done.")


@web.middleware
async def whole_bodies(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Read a request's body before any handler, within BODY_SECONDS, so a client that announces a body and sends
    it a byte at a time (or never) holds a socket and a handler that long and no longer; one announcing more than
    the server takes is refused at once. The body is kept: the handler's read returns it."""
    if request.content_length is not None and request.content_length > request.client_max_size:
        return too_large(request)
    if request.body_exists:
        try:
            async with asyncio.timeout(BODY_SECONDS):
                await request.read()
        except web.HTTPRequestEntityTooLarge:  # a chunked body, whose size nothing announced
            return too_large(request)
        except TimeoutError:
            logger.warning("%s %s: the request's body did not arrive within %g s", request.method,
                           request.path[:120], BODY_SECONDS)
            return Refusal(request, 408, "The request's body did not arrive in time; nothing was done.")
    return await handler(request)


# On every answer, whatever route or refusal gave it (a page sets its own stricter policy beside these): a browser
# takes the type given and guesses no other (an error's text read as HTML), sends no Referer on from a page whose
# address may hold a token, and shows nothing of this server in a frame.
EVERY_ANSWER = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}


async def generic_server(request: web.Request, response: web.StreamResponse) -> None:
    response.headers["Server"] = SERVER
    for name, value in EVERY_ANSWER.items():
        response.headers.setdefault(name, value)


def guard(app: web.Application) -> None:
    """Give `app` (and the sub-applications mounted on it) the deliberate 500 and the generic Server header."""
    app.middlewares.append(deliberate_answers)
    app.on_response_prepare.append(generic_server)
    # Answers aiohttp gives before any application sees the request (a malformed request line, say) take their
    # Server header from this module constant; aiohttp has no setting for it.
    web_response.SERVER_SOFTWARE = SERVER  # type: ignore[attr-defined]
    # And their text: aiohttp's parser words quote the request back and name its own modules ("Please install
    # Brotli"); a request that cannot be parsed is the sender's error, logged as a warning, not as ours.
    # A route's answer to `Expect: 100-continue`, which aiohttp gives before any middleware: aiohttp has no
    # application-wide setting, and reads this module default each time it makes a route (404s and 405s too).
    web_urldispatcher._default_expect_handler = expect_within_limits  # type: ignore[assignment]
    if not getattr(web_protocol.RequestHandler.handle_error, "plain", False):
        web_protocol.RequestHandler.handle_error = plain_error(web_protocol.RequestHandler.handle_error)  # type: ignore[method-assign]
        logging.getLogger("aiohttp.server").addFilter(senders_error)


CONTINUE = "100-continue"
UNKNOWN_EXPECTATION = "The only expectation this server meets is 'Expect: 100-continue'; nothing was done."
TOO_LARGE = "The request's body would be larger than the {:,} bytes this server takes; nothing was done."


async def expect_within_limits(request: web.Request) -> web.StreamResponse | None:
    """`Expect: 100-continue`: the body is asked for only when the server would take it. aiohttp's own answer was
    `100 Continue` whatever size the client announced, so a client sent a body over the limit (a megabyte or a
    gigabyte) only to be refused with 413 once it had; now the 413 is the answer, and nothing is sent.
    Any other expectation is refused with 417 (aiohttp's text quoted the header back)."""
    expectation = request.headers.get(hdrs.EXPECT, "")
    if request.version != HttpVersion11:
        return None  # HTTP/1.0 has no interim answers: the client sends its body anyway
    if expectation.lower() != CONTINUE:
        logger.warning("%s %s: refused an expectation other than 100-continue", request.method, request.path[:120])
        return Refusal(request, 417, UNKNOWN_EXPECTATION)  # closed: the client waits, sending no body
    if request.content_length is not None and request.content_length > request.client_max_size:
        logger.warning("%s %s: refused a body announced at %d bytes, over the %d taken, before it was sent",
                       request.method, request.path[:120], request.content_length, request.client_max_size)
        # Closed as any refused body is (Refusal): a bare `Connection: close` header left aiohttp waiting 10 s for
        # the body the client, told not to send it, never sends.
        return Refusal(request, 413, TOO_LARGE.format(request.client_max_size))
    await request.writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
    request.writer.output_size = 0  # as aiohttp's own: the interim answer is no part of the response's body
    return None


MALFORMED = "The request could not be read as HTTP; nothing was done."
ErrorHandler = Callable[..., web.StreamResponse]


def plain_error(original: ErrorHandler) -> ErrorHandler:
    def handle_error(self: web_protocol.RequestHandler, request: web.BaseRequest, status: int = 500,
                     exc: BaseException | None = None, message: str | None = None) -> web.StreamResponse:
        return original(self, request, status, exc, MALFORMED if status < 500 else message)

    handle_error.plain = True  # type: ignore[attr-defined]
    return handle_error


# A body that fails to decode (corrupt gzip or deflate) fails again when aiohttp drains what is left of it after the
# handler's answer, which aiohttp logs as an 'Unhandled exception': the sender's fault, like a request it cannot parse.
SENDERS_FAULTS = (HttpProcessingError, web_protocol.RequestPayloadError)


def senders_error(record: logging.LogRecord) -> bool:
    """aiohttp's ERROR line for a request it could not parse, as one WARNING line naming the kind of fault."""
    failure = record.exc_info[1] if record.exc_info else None
    if isinstance(failure, SENDERS_FAULTS):
        # The line is ours now (the logs show a library's template only), and holds nothing the request said.
        record.name, record.levelno, record.levelname = __name__, logging.WARNING, "WARNING"
        record.msg, record.args, record.exc_info = "refused a request that is not HTTP as it should be (%s)", (
            type(failure).__name__,), None
    return True
