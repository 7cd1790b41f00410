"""Waiting until govbot's Slack threads in this process have finished what they were doing.

A chat test reads each command's answer as the calls govbot makes after it. What follows an earlier command can come
late on a busy machine: a card refresh after a vote (paced a second apart while votes keep coming) reached the fake
Slack only after the chair's next command was sent, and was read as that command's answer, its real one still on
its way (tests/test_transcripts.py, slack-003-lieg, under three xdist workers and other load). A person types the
next line after the card has moved; so does the test, by waiting here first.

A thread of a ThreadPoolExecutor that has no work waits for it inside `_worker`, with no Python frame below that and
no `work_item` in hand; one running a task (a command, a refresh, its pace, a call to Slack) has frames below. A task
handed over and not yet taken waits in the queue that `_worker` reads (its local `work_queue`). The threads are
govbot's own executors (handlers/slack/answer.py Workers and app.py's HTTP pool), found by their names; nothing is
patched. So two looks a millisecond apart tell whether anything is left to do: no quiet spell has to be waited out.
"""

from __future__ import annotations

import sys
import threading
import time
from types import FrameType
from typing import Any

PREFIXES = ("slack-command", "slack-listener", "slack-http")


def waiting(frame: FrameType) -> bool:
    """Whether a thread at `frame` waits for work: in `_worker`, holding no task (between taking one from the queue
    and running it, `work_item` is set)."""
    return frame.f_code.co_name == "_worker" and frame.f_locals.get("work_item") is None


def busy() -> list[str]:
    """The govbot Slack threads that have work in hand."""
    frames = sys._current_frames()
    return [t.name for t in threading.enumerate() if t.name.startswith(PREFIXES) and t.ident in frames
            and not waiting(frames[t.ident])]


def queued() -> int:
    """Tasks handed to govbot's Slack executors that no thread has taken yet."""
    frames = sys._current_frames()
    queues: dict[int, Any] = {}
    for thread in threading.enumerate():
        frame = frames.get(thread.ident or 0)
        if thread.name.startswith(PREFIXES) and frame is not None and frame.f_code.co_name == "_worker":
            work = frame.f_locals.get("work_queue")
            queues[id(work)] = work
    return sum(work.qsize() for work in queues.values() if work is not None)


def wait_until_idle(timeout: float = 10.0, changed: threading.Condition | None = None) -> None:
    """Return once no govbot Slack thread has work in hand or waiting for it. Looks again after 1 ms, then 2, 4, up
    to 16: a look costs ~0.1 ms of the bot's time under the GIL, and looking every few milliseconds while the bot
    worked slowed it. `changed` (the fake Slack's condition, notified at each call the bot makes) wakes it early."""
    deadline, pause, quiet = time.monotonic() + timeout, 0.001, 0
    # Two quiet looks a pause apart: a thread that has just taken a task from its queue and not yet named it
    # `work_item` (a thread switch can fall between the two) holds it where neither look of one instant sees it.
    while quiet < 2:
        quiet = 0 if busy() or queued() else quiet + 1
        assert time.monotonic() < deadline, f"govbot's Slack threads stayed busy: {busy()}, {queued()} queued"
        if quiet == 2:
            break
        if changed is None:
            time.sleep(pause)
        else:
            with changed:
                changed.wait(pause)
        pause = min(2 * pause, 0.016) if not quiet else 0.001
