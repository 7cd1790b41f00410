"""`govbot run`, counting the SQL statements it sends and the CPU of each kind of thread: the benches start servers
through this to say what a request costs and where. SIGUSR1 writes the figures so far to
/tmp/govbot-bench-statements-<pid> (JSON), which the bench reads before and after the timed phase (bench/cpu.py).
Counting costs one Python call a statement, next to nothing beside the statement itself (bench/statement_count.py).
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.statement_count import count_statements  # noqa: E402
from govbot.cli import main  # noqa: E402

sent = [0]


count_statements(sent, os.environ.get("DATABASE_URL", "").startswith("sqlite"))


def thread_seconds() -> dict[str, float]:
    """CPU seconds of the live threads, by name without its number (slack-command_3 -> slack-command)."""
    seconds: dict[str, float] = {}
    for thread in threading.enumerate():
        try:  # the thread's own CPU clock: /proc's counts are whole 10 ms ticks, which lost a pool's sixteen threads
            used = time.clock_gettime(time.pthread_getcpuclockid(thread.ident))  # type: ignore[arg-type]
        except (OSError, TypeError):  # ended meanwhile, or not started
            continue
        name = re.sub(r"_\d+$", "", thread.name)
        seconds[name] = seconds.get(name, 0.0) + used
    return seconds


def _write(*_: Any) -> None:
    path = Path(f"/tmp/govbot-bench-statements-{os.getpid()}")
    part = path.with_suffix(".part")
    part.write_text(json.dumps({"statements": sent[0], "threads": thread_seconds()}))
    part.rename(path)  # whole or not there: the bench never reads half of it


if __name__ == "__main__":
    signal.signal(signal.SIGUSR1, _write)
    sys.exit(main(["run"]))
