"""The bot's log: one bounded line a record, nothing a request carried, and floods summarised rather than written;
as text or, with LOG_FORMAT=json, one JSON object a line; each line carries the id of the request it belongs to
(`X-Request-Id` from the proxy when it sends a sane one, else a fresh one), sent back in the response.

Three rules, applied where every record is written (a handler's filter and formatter), so they hold for the
libraries' loggers as much as for ours:
- Slack's and Microsoft's SDKs write request bodies into their messages (Bolt logs a refused body whole, and a
  late but genuine vote as `user_id=…&text=vote+1+2`): their messages are withheld, only the logger, the function
  and the message template are kept.
- A line is cut at MAX_MESSAGE characters; an exception is one line of its type and frames (file:line function),
  never the source lines or a library exception's message, and never a multi-line traceback.
- After BURST warnings of one kind in a WINDOW, more of that kind are counted, not written; the count is written
  once the window is over.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable
from contextvars import ContextVar
from types import TracebackType
from typing import TextIO

MAX_MESSAGE = 400  # characters of a message
MAX_FRAMES = 6  # innermost frames named in an exception's one line
BURST = 20  # warnings of one kind written in each window
WINDOW = 60.0  # seconds
OURS = ("govbot", "bot", "handlers", "scheduler", "__main__", "aiohttp.access")  # aiohttp.access: our AccessLog
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"
REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)
HEADER = "X-Request-Id"  # read and set by govbot/operations.py's middleware
SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def ours(name: str) -> bool:
    return any(name == mine or name.startswith(mine + ".") for mine in OURS)


# What a log line must not carry as it is: C0 and C1 controls and DEL (a terminal runs ESC and CSI sequences: a
# path could clear or retitle the screen of whoever tails the log), and the marks that reorder or hide text.
UNPRINTABLE = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def cut(text: str, limit: int = MAX_MESSAGE) -> str:
    flat = UNPRINTABLE.sub(escaped, text.replace("\r", " ").replace("\n", " "))
    return flat if len(flat) <= limit else f"{flat[:limit]}… [{len(flat) - limit} characters cut]"


def frames(tb: TracebackType | None) -> str:
    summary = traceback.extract_tb(tb)[-MAX_FRAMES:]
    return " < ".join(f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} {frame.name}"
                      for frame in reversed(summary))


def said(error: BaseException) -> str:
    """What an exception says, where it is govbot's own: a library's (or Python's) words may quote what it was
    given (pydantic an activity's values, SQLAlchemy a statement's parameters, int() the text). An HTTP status,
    where the exception has one, is kept."""
    if ours(type(error).__module__):
        return f": {cut(str(error), 200)}"
    status = getattr(error, "status", None)
    return f" (status {status})" if isinstance(status, int) else ""


class BoundedFormatter(logging.Formatter):
    """One line a record, at most about MAX_MESSAGE characters of message and MAX_FRAMES frames; as text, or with
    `as_json` one JSON object (time in UTC, level, logger, message, request_id)."""

    def __init__(self, as_json: bool = False) -> None:
        super().__init__(FORMAT)
        self.as_json = as_json

    def format(self, record: logging.LogRecord) -> str:
        mine = ours(record.name)
        if mine:
            message = record.getMessage()
        else:  # a library's message may quote the request: keep only where it came from and its template
            template = record.msg if isinstance(record.msg, str) and record.args else "(message withheld)"
            message = f"{record.funcName}: {template}"
        line = cut(message)
        if record.exc_info and record.exc_info[1] is not None:
            kind, error, tb = record.exc_info
            line += f" | {kind.__name__ if kind else 'error'}{said(error) if mine else ''} at {frames(tb)}"
        request_id = REQUEST_ID.get() or "-"
        if self.as_json:
            at = dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds")
            return json.dumps({"time": at, "level": record.levelname, "logger": record.name, "message": line,
                               "request_id": request_id}, ensure_ascii=False)
        shown = logging.LogRecord(record.name, record.levelno, record.pathname, record.lineno, line, None, None,
                                  record.funcName)
        shown.created, shown.msecs, shown.request_id = record.created, record.msecs, request_id
        return super().format(shown)


class FloodFilter(logging.Filter):
    """Writes the first BURST warnings of each kind (logger and template) in a WINDOW; counts the rest and says
    how many were left out when the window is over. Informational lines are not limited (the access log is one
    short line a request)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.clock = clock
        self.lock = threading.Lock()
        self.windows: dict[tuple[str, str], tuple[float, int]] = {}  # kind -> (window start, lines in it)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        kind = (record.name, str(record.msg)[:100])
        now = self.clock()
        with self.lock:
            start, seen = self.windows.get(kind, (now, 0))
            if now - start >= WINDOW:
                left_out = max(seen - BURST, 0)
                start, seen = now, 0
                if left_out:
                    record.msg = f"{record.msg} [{left_out} more like this in the last {WINDOW:.0f}s were not logged]"
            self.windows[kind] = (start, seen + 1)
            if len(self.windows) > 10_000:  # kinds are few; a flood of new ones must not grow this without end
                self.windows.clear()
        return seen < BURST


def handler(stream: TextIO | None = None, log_format: str = "text") -> logging.Handler:
    """A handler writing bounded, private lines to `stream` (standard error by default), as text or JSON."""
    written = logging.StreamHandler(stream or sys.stderr)
    written.setFormatter(BoundedFormatter(as_json=log_format == "json"))
    written.addFilter(FloodFilter())
    return written


def configure(level: str | int, log_format: str = "text") -> None:
    """Send every logger's records through one bounded, private handler at `level` (the LOG_LEVEL setting), in
    `log_format` ("text" or "json"). As logging.basicConfig, does nothing where logging is already set up (a test
    runner, an embedding program)."""
    root = logging.getLogger()
    if root.handlers:
        return
    root.addHandler(handler(log_format=log_format))
    root.setLevel(level)
    # Migration chatter would interleave with the chat; problems still show as warnings.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # APScheduler logs every job run at INFO (four lines a minute); govbot/metrics.py logs them at DEBUG instead.
    if root.getEffectiveLevel() > logging.DEBUG:
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
