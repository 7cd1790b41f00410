"""Connections that give up part-way, over real sockets to the running app: a client that sends the headers and
part of the body, then goes (a slowloris, a phone losing signal), is not a failure of govbot's. Its request ends
as a 400 in the access log (401 where the token is refused before the body is read), never a 500 or an incident line, and the server goes on answering."""

from __future__ import annotations

import gc
import re
import socket
import time

import pytest

from govbot import front_door
from tests.front_door import Served
from tests.teams.conftest import SDK_WARNINGS
from tests.test_hostile_requests import Hostile, app, send

__all__ = ["app"]

REFUSED = re.compile(r"aiohttp.access .*: POST /\S+ 40[01] ")

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

PARTIAL = {
    "Slack": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
             b"Content-Length: 100\r\n\r\ncommand=%2Fgov",
    "Teams": b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer x\r\n"
             b"Content-Length: 100\r\n\r\n{\"type\":",
    "Slack, chunked": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10\r\ncommand",
}


@pytest.mark.parametrize("name", list(PARTIAL))
def test_a_body_that_never_arrives_whole_is_no_incident(app: Served, name: str) -> None:
    host, port = app.url.removeprefix("http://").split(":")
    logged = len(app.logged())
    for _ in range(5):
        with socket.create_connection((host, int(port)), timeout=10) as connection:
            connection.sendall(PARTIAL[name])
            time.sleep(0.05)  # the server has begun reading the body
    deadline = time.monotonic() + 5
    while len(REFUSED.findall(app.logged()[logged:])) < 5 and time.monotonic() < deadline:
        time.sleep(0.05)  # polls the log for the server's side of the closed connections
    log = app.logged()[logged:]
    assert "incident" not in log and " 500 " not in log and "Traceback" not in log, log
    assert len(REFUSED.findall(log)) == 5, log  # Teams refuses the token before reading: 401
    assert send(app.url, Hostile("GET", "/healthz"))[0] == 200


def test_a_body_in_an_encoding_nobody_can_read_is_the_senders_error_not_ours(app: Served) -> None:
    """Content-Encoding the server cannot decode: a 400 that names no server software, and a warning in the log,
    not an ERROR line as if govbot had failed."""
    logged = len(app.logged())
    status, _, body = send(app.url, Hostile("POST", "/slack/events", b"xx",
                                            {"Content-Encoding": "br", "Content-Type": "application/json"}))
    assert status == 400
    assert b"Brotli" not in body and b"install" not in body
    log = app.logged()[logged:]
    assert " ERROR " not in log and "Traceback" not in log, log
    assert "refused a request that is not HTTP as it should be (ContentEncodingError)" in log, log


CORRUPT = {
    "deflate that is not deflate": ("deflate", b"xxxx"),
    "gzip whose data is not deflate": ("gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 16),
}


@pytest.mark.parametrize("name", list(CORRUPT))
def test_a_body_whose_compression_is_corrupt_is_the_senders_error_not_ours(app: Served, name: str) -> None:
    """An encoding the server reads (gzip, deflate) but a body that does not decode: aiohttp fails on it once in
    the handler (a 400) and again when it drains the rest of the body, which it logged as an 'Unhandled exception'
    at ERROR with its frames, as if govbot had failed."""
    encoding, body = CORRUPT[name]
    gc.collect()  # an earlier test's server, gone with its tasks pending, says so when collected: not this request
    logged = len(app.logged())
    status, _, answer = send(app.url, Hostile("POST", "/slack/events", body,
                                              {"Content-Encoding": encoding, "Content-Type": "application/json"}))
    assert status == 400 and b"Traceback" not in answer
    deadline = time.monotonic() + 5
    while "POST /slack/events 400" not in app.logged()[logged:] and time.monotonic() < deadline:
        time.sleep(0.05)  # the access line follows the answer
    time.sleep(0.2)  # and aiohttp's drain of the body, which is what logged the ERROR
    log = app.logged()[logged:]
    assert " ERROR " not in log and "Traceback" not in log and "readany" not in log, log
    assert send(app.url, Hostile("GET", "/healthz"))[0] == 200


def test_a_body_that_trickles_in_is_answered_408_and_the_connection_let_go(
        app: Served, monkeypatch: pytest.MonkeyPatch) -> None:
    """A slowloris announces a body and sends it a byte at a time, or never: each such connection held a handler
    and a socket for as long as the client liked (hours), so a few thousand of them would starve the server of
    sockets. The whole body must arrive within front_door.BODY_SECONDS (shortened here)."""
    monkeypatch.setattr(front_door, "BODY_SECONDS", 0.5)
    host, port = app.url.removeprefix("http://").split(":")
    logged = len(app.logged())
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(PARTIAL["Slack"])
        answer, seconds = answer_and_close(connection)
        assert answer.startswith("HTTP/1.1 408 "), answer
        assert seconds < 5  # the answer and the connection's end: the server waits no longer for the body
    assert send(app.url, Hostile("GET", "/healthz"))[0] == 200
    log = app.logged()[logged:]
    assert re.search(r"WARNING govbot.front_door \[[0-9a-f]{16}\]: POST /slack/events: the request's body did not "
                     r"arrive within 0.5 s", log), log
    assert "command=" not in log and " ERROR " not in log, log


def answer_and_close(connection: socket.socket) -> tuple[str, float]:
    """Everything the server sends until it closes the connection, and how many seconds that took."""
    started, answer = time.monotonic(), b""
    try:
        while chunk := connection.recv(4096):
            answer += chunk
    except ConnectionResetError:  # closed with the refused body unread: the answer was already here
        pass
    return answer.decode("latin-1"), time.monotonic() - started


REFUSED_BODIES = {
    "announced larger than the limit": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                       b"Content-Length: 99999999999\r\n\r\n{",
    "announced a byte over the limit": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                       b"Content-Length: 1048577\r\n\r\n" + b"a" * 65536,
    "chunked past the limit": b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              b"Transfer-Encoding: chunked\r\n\r\n" + b"100000\r\n" + b"a" * 1048576 + b"\r\n10\r\n12345678",
}


@pytest.mark.parametrize("name", list(REFUSED_BODIES))
def test_a_body_larger_than_the_limit_is_refused_at_once_and_the_connection_closed(app: Served, name: str) -> None:
    """Over 1 MB: 413 at once, rather than waiting for a megabyte that may never come, and the connection closed
    after the answer. aiohttp kept it and read on (lingered) for the rest of the refused body for 10 s: a sender
    that stops sending held the handler and the socket that long, and the server's shutdown waited on it."""
    host, port = app.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(REFUSED_BODIES[name])  # then sends nothing more, and keeps the connection open
        answer, seconds = answer_and_close(connection)
    assert answer.startswith("HTTP/1.1 413 "), answer
    assert "Connection: close" in answer and "larger than the 1048576 bytes govbot takes; nothing was done" in answer
    assert seconds < 5, f"the connection stayed open {seconds:.1f} s after the refusal"
    assert send(app.url, Hostile("GET", "/healthz"))[0] == 200
