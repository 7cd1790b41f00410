"""`govbot run`, counting the SQL statements it sends and the CPU of each kind of thread: the benches start servers
through this to say what a request costs and where. SIGUSR1 writes the figures so far to
/tmp/govbot-bench-statements-<pid> (JSON), which the bench reads before and after the timed phase (bench/cpu.py).
Counting costs one Python call a statement, next to nothing beside the statement itself.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govbot.cli import main  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
sent = [0]


@event.listens_for(Engine, "before_cursor_execute")
def _counted(*_: Any) -> None:
    sent[0] += 1


def thread_seconds() -> dict[str, float]:
    """CPU seconds of the live threads, by name without its number (slack-command_3 -> slack-command)."""
    seconds: dict[str, float] = {}
    for thread in threading.enumerate():
        try:
            fields = Path(f"/proc/self/task/{thread.native_id}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        name = re.sub(r"_\d+$", "", thread.name)
        seconds[name] = seconds.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / TICK
    return seconds


def _write(*_: Any) -> None:
    path = Path(f"/tmp/govbot-bench-statements-{os.getpid()}")
    part = path.with_suffix(".part")
    part.write_text(json.dumps({"statements": sent[0], "threads": thread_seconds()}))
    part.rename(path)  # whole or not there: the bench never reads half of it


if __name__ == "__main__":
    signal.signal(signal.SIGUSR1, _write)
    sys.exit(main(["run"]))
