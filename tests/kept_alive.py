"""HTTP to govbot's server on 127.0.0.1 over one kept-alive connection, as Slack and Teams keep theirs.

A new connection for every request (urllib's way) cost each chat turn a connect, an accept and a new protocol on the
server's event loop, and urllib's opener machinery on the test's side. The requests and their bodies are the same.
"""

from __future__ import annotations

import http.client
import threading
import weakref
from urllib.parse import urlsplit


class KeptAlive:
    """POSTs to one server. The thread that made it keeps one connection open between requests (reopened when the
    server closes it); any other thread uses a connection of its own for each request, closed after it."""

    def __init__(self, url: str, timeout: float) -> None:
        parts = urlsplit(url)
        self.host, self.port, self.timeout = parts.hostname or "127.0.0.1", parts.port, timeout
        self.owner = threading.get_ident()
        self.kept: http.client.HTTPConnection | None = None

    def post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        """The status and body of the answer to POST `path`."""
        if threading.get_ident() != self.owner:
            connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                return self._exchange(connection, path, body, headers)
            finally:
                connection.close()
        reused = self.kept is not None
        if self.kept is None:
            self.kept = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            # Closed when this is dropped unclosed (a test that never finishes its workspace), not left to the
            # socket's own finaliser, which warns of an unclosed socket.
            self.closing = weakref.finalize(self, self.kept.close)
        try:
            return self._exchange(self.kept, path, body, headers)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            self.close()
            if not reused:
                raise
            return self.post(path, body, headers)  # the server had closed the idle connection: the request never got there

    def _exchange(self, connection: http.client.HTTPConnection, path: str, body: bytes,
                  headers: dict[str, str]) -> tuple[int, bytes]:
        connection.request("POST", path, body=body, headers=headers)
        with connection.getresponse() as response:
            answer = response.read()
            if response.will_close and connection is self.kept:
                self.close()
            return response.status, answer

    def close(self) -> None:
        if self.kept is not None:
            self.closing()
            self.kept = None
