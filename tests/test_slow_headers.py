"""A slowloris over real HTTP: a client that opens a connection, sends part of its request line or headers and
stalls held its socket until aiohttp's keep-alive timeout (75 s in `govbot run`, an hour under a bare AppRunner).
Now a request's line and headers must arrive within REQUEST_HEADERS_SECONDS of its first byte (shortened here),
against the running server over real sockets, while an idle connection between requests is kept as before."""

from __future__ import annotations

import http.client
import socket
import time
from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from tests.conftest import Clock
from tests.front_door import Served, served
from tests.test_hostile_connections import answer_and_close

BOUND = 1.0  # REQUEST_HEADERS_SECONDS in these tests

HALF_LINE = b"POST /slack/ev"
HALF_HEADERS = b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/js"
HEALTH = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"


@pytest.fixture
def app(sessions: sessionmaker[Session]) -> Iterator[Served]:
    settings = Settings(_env_file=None, request_headers_seconds=BOUND)  # type: ignore[call-arg]
    with served(settings, sessions, Clock()) as running:
        yield running


def address(app: Served) -> tuple[str, int]:
    host, port = app.url.removeprefix("http://").split(":")
    return host, int(port)


def healthy(app: Served) -> float:
    """A normal request on a connection of its own: answered 200, in how many seconds."""
    started = time.monotonic()
    connection = http.client.HTTPConnection(*address(app), timeout=10)
    try:
        connection.request("GET", "/healthz")
        response = connection.getresponse()
        assert response.status == 200 and b'"ok"' in response.read()
    finally:
        connection.close()
    return time.monotonic() - started


def answer_on(connection: socket.socket) -> bytes:
    """One whole answer to GET /healthz on a kept connection (its JSON body ends the answer)."""
    answer = b""
    while not answer.endswith(b"}"):
        chunk = connection.recv(4096)
        assert chunk, f"the server closed the connection after {answer!r}"
        answer += chunk
    return answer


@pytest.mark.parametrize("part", [HALF_LINE, HALF_HEADERS], ids=["half a request line", "half the headers"])
def test_a_request_stalled_part_way_through_its_headers_is_closed_within_the_bound(app: Served, part: bytes) -> None:
    logged = len(app.logged())
    with socket.create_connection(address(app), timeout=8) as stalled:
        stalled.sendall(part)
        sent = time.monotonic()
        assert healthy(app) < BOUND  # another connection is served meanwhile
        answer, _ = answer_and_close(stalled)
        seconds = time.monotonic() - sent  # from the stalled part, not from after the other request (a busy machine)
    assert answer == ""  # closed without an answer: there is no request to answer
    assert BOUND * 0.8 < seconds < BOUND + 3, f"closed after {seconds:.1f} s"
    log = app.logged()[logged:]
    assert f"closed a connection whose request's line and headers did not arrive within {BOUND:g} s" in log, log
    assert "slack/ev" not in log and " ERROR " not in log, log


def test_a_trickling_request_is_closed_at_the_bound_from_its_first_byte(app: Served) -> None:
    """A byte every fifth of a second never completes the headers: sending more does not put the deadline off."""
    with socket.create_connection(address(app), timeout=8) as trickling:
        started, cut = time.monotonic(), False
        try:
            for byte in HALF_HEADERS:  # 66 bytes: 13 s, were they all read
                trickling.sendall(bytes([byte]))
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            cut = True  # the server closed the connection, and said so when the next byte came
        seconds = time.monotonic() - started
    assert cut and seconds < BOUND + 3, f"the server read {seconds:.1f} s of a trickle"


def test_a_kept_connection_idle_longer_than_the_bound_still_serves_its_next_request(app: Served) -> None:
    """Keep-alive between requests is not shortened: a proxy (Caddy, Azure's front end) reuses a connection after
    a quiet spell; cutting it then would be its 502. And headers sent in parts within the bound are read whole."""
    with socket.create_connection(address(app), timeout=10) as kept:
        kept.sendall(HEALTH)
        assert answer_on(kept).startswith(b"HTTP/1.1 200 ")
        time.sleep(BOUND * 2)  # idle, with no request begun
        kept.sendall(HEALTH[:20])
        time.sleep(BOUND / 4)
        kept.sendall(HEALTH[20:])
        assert answer_on(kept).startswith(b"HTTP/1.1 200 ")
        time.sleep(BOUND * 1.5)  # the clock of the request before ended with it
        kept.sendall(HEALTH)
        assert answer_on(kept).startswith(b"HTTP/1.1 200 ")


def test_two_hundred_stalled_connections_do_not_stop_normal_requests(app: Served) -> None:
    stalled = [socket.create_connection(address(app), timeout=8) for _ in range(200)]
    try:
        for connection in stalled:
            connection.sendall(HALF_HEADERS)
        started = time.monotonic()
        assert max(healthy(app) for _ in range(5)) < BOUND  # answered at once, not after the stalled ones
        for connection in stalled:
            assert connection.recv(100) == b""  # each closed by the server
        seconds = time.monotonic() - started
        assert seconds < BOUND + 5, f"the last stalled connection closed after {seconds:.1f} s"
        assert healthy(app) < BOUND
    finally:
        for connection in stalled:
            connection.close()
