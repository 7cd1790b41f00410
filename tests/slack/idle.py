"""Waiting until govbot's Slack threads in this process have finished what they were doing.

A chat test reads each command's answer as the calls govbot makes after it. What follows an earlier command can come
late on a busy machine: a card refresh after a vote (paced a second apart while votes keep coming) reached the fake
Slack only after the chair's next command was sent, and was read as that command's answer, its real one still on
its way (tests/test_transcripts.py, slack-003-lieg, under three xdist workers and other load). A person types the
next line after the card has moved; so does the test, by waiting here first.

A thread of a ThreadPoolExecutor that has no work waits for it inside `_worker`, with no Python frame below that;
one running a task (a command, a refresh, its pace, a call to Slack) has frames below. The threads are govbot's own
executors (handlers/slack/answer.py Workers and app.py's HTTP pool), found by their names; nothing is patched.
"""

from __future__ import annotations

import sys
import threading
import time

PREFIXES = ("slack-command", "slack-listener", "slack-http")


def busy() -> list[str]:
    frames = sys._current_frames()
    return [t.name for t in threading.enumerate() if t.name.startswith(PREFIXES) and t.ident in frames
            and frames[t.ident].f_code.co_name != "_worker"]


def wait_until_idle(timeout: float = 10.0) -> None:
    """Return once no govbot Slack thread has had work for two looks in a row (a task may be just handed over)."""
    deadline, quiet = time.monotonic() + timeout, 0
    while quiet < 2:
        quiet = quiet + 1 if not busy() else 0
        assert time.monotonic() < deadline, f"govbot's Slack threads stayed busy: {busy()}"
        time.sleep(0.005)
