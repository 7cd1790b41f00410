"""Requests framed to confuse: `Expect: 100-continue` with a body over the limit, and the request-smuggling shapes
(Content-Length beside Transfer-Encoding, two Content-Lengths, a transfer coding nobody knows), over raw sockets to
the app `govbot run` serves. Each gets a deliberate answer at once, one short warning and no traceback, and the
request behind a smuggling shape is never run."""

from __future__ import annotations

import re
import socket
import time

import pytest
from sqlalchemy.orm import Session, sessionmaker

from govbot import front_door
from tests.front_door import Served, row_counts
from tests.teams.conftest import SDK_WARNINGS
from tests.test_hostile_connections import answer_and_close
from tests.test_hostile_requests import app

__all__ = ["app"]

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def first_answer(app: Served, request: bytes) -> str:
    """The first thing the server says after `request` (its status line and headers, as text)."""
    host, port = app.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(request)
        return connection.recv(4096).decode("latin-1")


def expecting(path: str, length: int, expectation: str = "100-continue") -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: {expectation}\r\n"
            f"Content-Length: {length}\r\n\r\n").encode()


@pytest.mark.parametrize("path", ["/slack/events", "/api/messages", "/no-such-page"])
def test_a_body_over_the_limit_is_refused_before_the_client_is_asked_for_it(app: Served, path: str) -> None:
    """aiohttp answered `100 Continue` whatever size was announced, so a client sent its 2 MB (or 2 GB) only to
    be refused once it had. Now 413 is the first answer, and the client sends nothing."""
    logged = len(app.logged())
    answer = first_answer(app, expecting(path, 2_000_000))
    assert answer.startswith("HTTP/1.1 413 "), answer
    assert "100 Continue" not in answer and "Server: govbot" in answer
    assert "larger than the 1,048,576 bytes this server takes" in answer
    log = app.logged()[logged:]
    assert f"POST {path}: refused a body announced at 2000000 bytes" in log, log
    assert " ERROR " not in log and "Traceback" not in log


def test_a_body_within_the_limit_is_still_asked_for_and_answered(app: Served) -> None:
    host, port = app.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(expecting("/slack/events", 2))
        assert connection.recv(4096) == b"HTTP/1.1 100 Continue\r\n\r\n"
        connection.sendall(b"{}")
        answer = connection.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.1 401 "), answer  # and then Slack's signature check, as without Expect


def test_an_expectation_nobody_meets_is_refused_without_quoting_it_back(app: Served) -> None:
    logged = len(app.logged())
    answer = first_answer(app, expecting("/slack/events", 2, "<script>alert(1)</script>"))
    assert answer.startswith("HTTP/1.1 417 "), answer
    assert "script" not in answer and "only expectation this server meets" in answer
    log = app.logged()[logged:]
    assert "refused an expectation other than 100-continue" in log and "script" not in log, log


@pytest.mark.parametrize(("length", "expectation", "status"), [(2_000_000, "100-continue", 413),
                                                              (2, "something-else", 417)])
def test_a_refused_expectation_closes_the_connection_at_once(app: Served, length: int, expectation: str,
                                                            status: int) -> None:
    """A client that asked first and was refused sends no body, as it should: the answer said `Connection: close`,
    but aiohttp kept the connection and waited (lingered) 10 s for the body that was never coming, holding the
    handler and the socket, as it did for the 413 and 408 the body check gives (suite8)."""
    host, port = app.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=15) as connection:
        connection.sendall(expecting("/slack/events", length, expectation))  # then waits, as the answer says
        answer, seconds = answer_and_close(connection)
    assert answer.startswith(f"HTTP/1.1 {status} "), answer
    assert "Connection: close" in answer, answer
    assert seconds < 5, f"the connection stayed open {seconds:.1f} s after the refusal"


def test_a_refused_client_that_hangs_up_is_let_go_at_once(app: Served, monkeypatch: pytest.MonkeyPatch) -> None:
    """A client that reads its refusal and hangs up is done with: the server read on for the rest of the refused
    body for the whole linger after the client had gone, holding the handler and the socket (and the server's
    shutdown) that long. A long linger here, so a server that waits it out cannot pass."""
    monkeypatch.setattr(front_door, "LINGER_SECONDS", 10.0)
    logged = len(app.logged())
    answer = first_answer(app, expecting("/slack/events", 2_000_000))  # reads the answer, then hangs up
    assert answer.startswith("HTTP/1.1 413 "), answer
    deadline, finished = time.monotonic() + 10, None
    while finished is None and time.monotonic() < deadline:  # the access line is written once the handler is done
        finished = re.search(r"POST /slack/events 413 (\d+\.\d+)s", app.logged()[logged:])
        time.sleep(0.01)
    assert finished is not None, app.logged()[logged:]
    assert float(finished[1]) < 5, f"the server held the request {finished[1]} s after the client had gone"


SMUGGLED = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"  # what a front end in front of govbot would not see
SMUGGLING = {
    "Content-Length and Transfer-Encoding both": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                                 b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED,
    "two Content-Lengths that differ": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                       b"Content-Length: 40\r\n\r\nhello" + SMUGGLED,
    "two Content-Lengths that agree": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                      b"Content-Length: 5\r\n\r\nhello" + SMUGGLED,
    "a transfer coding nobody knows": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n"
                                      b"\r\n0\r\n\r\n" + SMUGGLED,
    "chunked, then another coding": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, "
                                    b"identity\r\n\r\n0\r\n\r\n" + SMUGGLED,
    "a space before the colon": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n"
                                b"0\r\n\r\n" + SMUGGLED,
    "a Content-Length with a sign": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello"
                                    + SMUGGLED,
    "a header folded onto the next line": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nX-A: b"
                                          b"\r\n c\r\n\r\n{}" + SMUGGLED,
    "a chunk size past any integer": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                     b"FFFFFFFFFFFFFFFFFFFF\r\nx",
    "lines ended by LF alone": b"POST /slack/events HTTP/1.1\nHost: x\nContent-Length: 0\n\n" + SMUGGLED,
}


@pytest.mark.parametrize("name", list(SMUGGLING))
def test_a_smuggling_shape_is_refused_as_a_whole_and_runs_nothing_behind_it(
        app: Served, sessions: sessionmaker[Session], name: str) -> None:
    before, logged = row_counts(sessions), len(app.logged())
    host, port = app.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(SMUGGLING[name])
        answer = b""
        while chunk := connection.recv(4096):  # the server answers once and closes the connection
            answer += chunk
    text = answer.decode("latin-1")
    assert text.count("HTTP/1.") == 1 and " 400 " in text.splitlines()[0], text  # one answer: nothing smuggled
    assert "could not be read as HTTP; nothing was done" in text
    log = app.logged()[logged:]
    assert "refused a request that is not HTTP as it should be" in log and "/healthz" not in log, log
    assert " ERROR " not in log and "Traceback" not in log
    assert row_counts(sessions) == before
