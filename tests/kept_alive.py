"""HTTP to govbot's server on 127.0.0.1 over one kept-alive connection, as Slack and Teams keep theirs.

A new connection for every request (urllib's way) cost each chat turn a connect, an accept and a new protocol on the
server's event loop, and urllib's opener machinery on the test's side. The requests and their bodies are the same.

The kept connection speaks HTTP/1.1 over its socket itself: the request is the bytes http.client sends (request
line, Host, Accept-Encoding: identity, Content-Length, then the caller's headers), and of the answer it reads the
status and the body (by Content-Length, chunks, or to the end). http.client read each answer's headers with the
email package's parser, ~250 Python calls a chat turn on the test's own thread.
"""

from __future__ import annotations

import http.client
import socket
import threading
import weakref
from urllib.parse import urlsplit

CRLF = b"\r\n"


class Answer:
    """Reads one HTTP answer from a socket: `status`, `body`, and whether the server closes the connection."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock, self.buffer = sock, b""
        head = self.until(CRLF + CRLF).decode("latin-1").split("\r\n")
        self.status = int(head[0].split(" ", 2)[1])
        fields = dict((name.strip().lower(), value.strip()) for name, _, value in
                      (line.partition(":") for line in head[1:]))
        self.closes = fields.get("connection", "").lower() == "close"
        if self.status in (204, 304) or self.status < 200:  # no body, whatever the fields say
            self.body = b""
        elif "content-length" in fields:
            self.body = self.exactly(int(fields["content-length"]))
        elif fields.get("transfer-encoding", "").lower() == "chunked":
            self.body = self.chunks()
        else:  # the body runs to the end of the connection
            self.closes, self.body = True, self.buffer + self.to_end()

    def more(self) -> None:
        data = self.sock.recv(65536)
        if not data:
            raise http.client.RemoteDisconnected("the server closed the connection mid-answer")
        self.buffer += data

    def until(self, mark: bytes) -> bytes:
        while mark not in self.buffer:
            self.more()
        line, _, self.buffer = self.buffer.partition(mark)
        return line

    def exactly(self, size: int) -> bytes:
        while len(self.buffer) < size:
            self.more()
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def chunks(self) -> bytes:
        body = b""
        while size := int(self.until(CRLF).split(b";")[0], 16):
            body += self.exactly(size)
            self.until(CRLF)
        while self.until(CRLF):  # trailers, then the empty line
            pass
        return body

    def to_end(self) -> bytes:
        data = b""
        while chunk := self.sock.recv(65536):
            data += chunk
        return data


class KeptAlive:
    """POSTs to one server. The thread that made it keeps one connection open between requests (reopened when the
    server closes it); any other thread uses a connection of its own for each request, closed after it."""

    def __init__(self, url: str, timeout: float) -> None:
        parts = urlsplit(url)
        self.host, self.port, self.timeout = parts.hostname or "127.0.0.1", parts.port, timeout
        self.owner = threading.get_ident()
        self.kept: socket.socket | None = None

    def post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        """The status and body of the answer to POST `path`."""
        if threading.get_ident() != self.owner:
            with socket.create_connection((self.host, self.port or 80), timeout=self.timeout) as sock:
                answer = self._exchange(sock, path, body, headers)
            return answer.status, answer.body
        reused = self.kept is not None
        if self.kept is None:
            self.kept = socket.create_connection((self.host, self.port or 80), timeout=self.timeout)
            # Closed when this is dropped unclosed (a test that never finishes its workspace), not left to the
            # socket's own finaliser, which warns of an unclosed socket.
            self.closing = weakref.finalize(self, self.kept.close)
        try:
            answer = self._exchange(self.kept, path, body, headers)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            self.close()
            if not reused:
                raise
            return self.post(path, body, headers)  # the server had closed the idle connection: the request never got there
        if answer.closes:
            self.close()
        return answer.status, answer.body

    def _exchange(self, sock: socket.socket, path: str, body: bytes, headers: dict[str, str]) -> Answer:
        host = self.host if self.port is None else f"{self.host}:{self.port}"
        lines = [f"POST {path} HTTP/1.1", f"Host: {host}", "Accept-Encoding: identity", f"Content-Length: {len(body)}",
                 *(f"{name}: {value}" for name, value in headers.items())]
        sock.sendall("\r\n".join(lines).encode("latin-1") + CRLF + CRLF + body)
        return Answer(sock)

    def close(self) -> None:
        if self.kept is not None:
            self.closing()
            self.kept = None
