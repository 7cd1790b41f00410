"""Calls to Slack's Web API over kept-alive connections: one a worker thread and host, reused call after call.

slack_sdk's WebClient sends each call with urllib, which opens a connection for it, asks the server to close it
(`Connection: close`) and closes it after: a TCP connect, and against Slack a TLS handshake, for every
chat.postMessage. The sync WebClient offers no seam for its transport (only `proxy`, `ssl`, `headers`, `timeout`
and retry handlers), so KeptAliveClient overrides the one method that opens the URL, and hands back what urllib
did: the status, the headers (an HTTPMessage), the body, an HTTPError for a status outside 2xx (which the client's
429 handling and retry handlers read), and a URLError for a request that could not be sent.
"""

from __future__ import annotations

import http.client
import io
import selectors
import ssl
import threading
from collections.abc import Callable
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import SplitResult, urlsplit
from urllib.request import Request

from slack_bolt import BoltContext
from slack_sdk import WebClient

Host = tuple[str, str, int | None]  # scheme, host name, port


def idle_and_open(connection: http.client.HTTPConnection) -> bool:
    """Whether a kept connection can carry the next request: still open, and with nothing to read (a server that
    closed it while idle has sent its end of file, which reads at once)."""
    if connection.sock is None:
        return False
    with selectors.DefaultSelector() as readable:  # not select.select: it refuses a descriptor past 1023
        readable.register(connection.sock, selectors.EVENT_READ)
        return not readable.select(0)


class Connections:
    """The kept-alive connections of an app's worker threads, closed together when the app stops."""

    def __init__(self) -> None:
        self.local = threading.local()
        self.lock = threading.Lock()
        self.every: set[http.client.HTTPConnection] = set()

    def _kept(self) -> dict[Host, http.client.HTTPConnection]:
        kept: dict[Host, http.client.HTTPConnection] = self.local.__dict__.setdefault("kept", {})
        return kept

    def connection(self, parts: SplitResult, context: ssl.SSLContext | None,
                   timeout: int) -> http.client.HTTPConnection:
        """This thread's connection to the host of `parts`: the kept one, else a new one, kept from now on."""
        host: Host = (parts.scheme, parts.hostname or "", parts.port)
        kept = self._kept()
        connection = kept.get(host)
        if connection is not None and idle_and_open(connection):
            return connection
        if connection is not None:
            self.drop(connection)
        if parts.scheme == "https":
            connection = http.client.HTTPSConnection(host[1], host[2], timeout=timeout, context=context)
        else:
            connection = http.client.HTTPConnection(host[1], host[2], timeout=timeout)
        kept[host] = connection
        with self.lock:
            self.every.add(connection)
        return connection

    def drop(self, connection: http.client.HTTPConnection) -> None:
        """Close `connection` and stop keeping it (the server closed it, or a request on it failed)."""
        connection.close()
        kept = self._kept()
        for host in [host for host, one in kept.items() if one is connection]:
            del kept[host]
        with self.lock:
            self.every.discard(connection)

    def close(self) -> None:
        """Close every kept connection (the app's workers have stopped)."""
        with self.lock:
            every, self.every = self.every, set()
        for connection in every:
            connection.close()


class KeptAliveClient(WebClient):
    """A WebClient whose calls go over `connections`; a proxy, or a URL that is not HTTP(S), goes as before."""

    connections: Connections | None = None

    def _perform_urllib_http_request_internal(self, url: str, req: Request) -> dict[str, Any]:
        parts = urlsplit(url)
        if self.connections is None or self.proxy is not None or parts.scheme not in ("http", "https"):
            return super()._perform_urllib_http_request_internal(url, req)
        connection = self.connections.connection(parts, self.ssl, self.timeout)
        try:
            try:
                connection.request(req.get_method(), req.selector, body=req.data, headers=dict(req.header_items()))
            except OSError as error:  # as urllib: a request that could not be sent is a URLError
                raise URLError(error) from error
            response = connection.getresponse()
            body = response.read()
        except BaseException:
            self.connections.drop(connection)
            raise
        if response.will_close:
            self.connections.drop(connection)
        if not 200 <= response.status < 300:  # as urllib's HTTPErrorProcessor
            raise HTTPError(url, response.status, response.reason, response.headers, io.BytesIO(body))
        if response.headers.get_content_type() == "application/gzip":  # admin.analytics.getFile
            return {"status": response.status, "headers": response.headers, "body": body}
        charset = response.headers.get_content_charset() or "utf-8"
        return {"status": response.status, "headers": response.headers, "body": body.decode(charset)}


def kept_alive(client: WebClient, connections: Connections) -> KeptAliveClient:
    """`client` (Bolt's, made for one request with its token) as a KeptAliveClient on `connections`: the same
    token, host, TLS context, headers, team and retry handlers (its state, copied as it stands)."""
    kept = KeptAliveClient.__new__(KeptAliveClient)
    kept.__dict__.update(vars(client))
    kept.connections = connections
    return kept


def keeping_alive(connections: Connections) -> Callable[[BoltContext, Callable[[], None]], None]:
    """A Bolt middleware: the listeners' `client` calls Slack over `connections`. Bolt makes a plain WebClient for
    each request (with the token its authorization found); this one has the same token and settings."""

    def middleware(context: BoltContext, next: Callable[[], None]) -> None:  # noqa: A002 (Bolt passes `next`)
        if context.client is not None:
            context["client"] = kept_alive(context.client, connections)
        next()

    return middleware
