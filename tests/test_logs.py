"""The log handler govbot runs with: a line a record, bounded, library messages withheld, floods summarised."""

from __future__ import annotations

import io
import logging
import socket

from sqlalchemy.orm import Session, sessionmaker

from bot.errors import DomainError
from bot.settings import Settings
from govbot import logs


class Ticks:
    """The flood filter's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def written(*records: logging.LogRecord, clock: Ticks | None = None) -> list[str]:
    stream = io.StringIO()
    handler = logs.handler(stream)
    if clock is not None:
        handler.filters = [logs.FloodFilter(clock)]
    for record in records:
        handler.handle(record)
    return stream.getvalue().splitlines()


def record(name: str, message: str, *args: object, level: int = logging.WARNING,
           error: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(error), error, error.__traceback__) if error else None
    return logging.LogRecord(name, level, __file__, 1, message, args or None, exc_info, "dispatch")


def test_a_librarys_message_is_withheld_because_it_may_quote_the_request() -> None:
    [line] = written(record("slack_bolt.App", "Invalid request signature detected (body: user_id=UBOB&text=vote+1+2)"))
    assert "vote" not in line and "UBOB" not in line
    assert line.endswith("WARNING slack_bolt.App [-]: dispatch: (message withheld)")  # [-]: outside a request
    [template] = written(record("microsoft_agents.x", "JWT validation error: %s", "secret-token-text"))
    assert template.endswith("dispatch: JWT validation error: %s") and "secret-token-text" not in template


def test_a_long_message_is_cut_and_a_traceback_is_one_line() -> None:
    try:
        raise KeyError("kid")
    except KeyError as error:
        caught = error
    [line] = written(record("govbot.serve", "x" * 5000, error=caught))
    assert len(line) < logs.MAX_MESSAGE + 400 and "characters cut" in line
    assert "KeyError" in line and "test_logs.py:" in line and "Traceback" not in line


def test_a_flood_is_written_twenty_times_a_minute_then_counted_once() -> None:
    clock, stream = Ticks(), io.StringIO()
    handler = logs.handler(stream)
    handler.filters = [logs.FloodFilter(clock)]
    for _ in range(500):
        handler.handle(record("handlers.slack.app", "refused a request: %s", "forged"))
    assert len(stream.getvalue().splitlines()) == logs.BURST
    clock.now = logs.WINDOW + 1
    handler.handle(record("handlers.slack.app", "refused a request: %s", "forged"))
    lines = stream.getvalue().splitlines()
    assert len(lines) == logs.BURST + 1
    assert lines[-1].endswith(f"refused a request: forged [{500 - logs.BURST} more like this in the last 60s "
                              "were not logged]")


def test_information_lines_are_not_limited() -> None:
    lines = written(*[record("aiohttp.access", "POST /slack/events 401", level=logging.INFO) for _ in range(100)],
                    clock=Ticks())
    assert len(lines) == 100


def test_a_path_cannot_write_terminal_escapes_or_reordering_marks_into_the_log(
        sessions: sessionmaker[Session]) -> None:
    """The access line quotes the path, which anyone chooses: an ESC sequence would recolour or clear the terminal of
    whoever tails the log, a NUL cut the line short for some tools, and U+202E show the line's end backwards."""
    from tests.conftest import Clock
    from tests.front_door import served

    with served(Settings(_env_file=None), sessions, Clock()) as server:  # type: ignore[call-arg]
        host, port = server.url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port))) as client:
            client.sendall(b"GET /x%1B[2J%1B]0;owned%07%00y%E2%80%AEfdp.exe%C2%9B HTTP/1.1\r\nHost: a\r\n"
                           b"Connection: close\r\n\r\n")
            assert client.recv(100).startswith(b"HTTP/1.1 404")
            client.recv(1000)  # to the end: the access line is written once the answer is sent
    line = next(line for line in server.logged().splitlines() if "GET /x" in line)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u202e" for c in line), repr(line)
    assert "/x\\x1b[2J\\x1b]0;owned\\x07\\x00y\\u202efdp.exe\\x9b 404" in line, line


def test_a_librarys_exception_logged_by_govbot_keeps_its_kind_but_not_its_words() -> None:
    """govbot's own line for a failure it did not foresee ('Teams turn failed') named the exception and its
    message; a library's message quotes what it was given: pydantic's the activity's values, SQLAlchemy's the
    statement's parameters (a member's motion, say). Its kind, where it was raised and any HTTP status stay."""
    from pydantic import BaseModel, ValidationError

    class Reference(BaseModel):
        name: int

    try:
        Reference(name="my ballot is secret: against")  # type: ignore[arg-type]
    except ValidationError as error:
        quoted = error
    [line] = written(record("handlers.teams.listeners", "Teams turn failed", level=logging.ERROR, error=quoted))
    assert "ValidationError" in line and "test_logs.py:" in line
    assert "ballot" not in line and "input_value" not in line, line

    class Refused(Exception):
        status = 403

    [refused] = written(record("handlers.teams.posting", "could not post", error=Refused("url=https://x/?t=secret")))
    assert "Refused (status 403)" in refused and "secret" not in refused, refused
    [own] = written(record("govbot.serve", "failed", error=DomainError("The record is being upgraded.")))
    assert "DomainError: The record is being upgraded." in own  # govbot's own words are kept
