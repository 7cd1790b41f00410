"""The over-HTTP bench's requests sent by wrk (Debian's `wrk` package), when it is installed.

The load generator shares the machine's cores with what it measures, so its CPU is taken from the servers: on two
cores two replicas serve at most 2 / (server + PostgreSQL + load generator CPU a vote) votes a second. wrk is C on
an event loop, with bench/wrk_votes.lua handing it the prebuilt signed requests; measured against the Python driver
(bench/load.py) on one fast server in the same minutes it cost as much, 44-57 us of CPU a request against 31-56:
what either spends is mostly the kernel's, sending and receiving over loopback TCP, not its own code. So the bench
uses the Python driver unless told `--generator wrk` (a cross-check by a client in another language), and falls
back to it, saying so, when wrk is not installed.

One wrk thread drives each server port with its share of the connections and of the requests (every other request
for two ports): unlike bench/load.py's shared queue, a faster replica does not take more, as behind a round-robin
balancer. wrk reports the latencies (median, p99) of the answered requests; which answers were receipts is counted in
the script, and the receipts sent to a response URL instead are checked at the fake Slack afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "wrk_votes.lua"


def available() -> bool:
    return shutil.which("wrk") is not None


@dataclass(frozen=True)
class Outcome:
    """What wrk saw: latencies in seconds, answers by kind, and the wall time from the first request sent to the
    last answer."""

    median: float
    p99: float
    answered: int
    failed: int  # not a 200
    in_ack: int  # a receipt in the ack
    later: int  # an empty ack (a bare app's; govbot's when its receipt went to the response URL)
    wall: float


def drive(shares: dict[int, list[bytes]], connections: int, timeout: float = 120) -> Outcome:
    """Send each port its share of requests (HTTP/1.1 bytes, keep-alive), `connections` in all, split between the
    ports; wait for every answer or `timeout` seconds. The latencies are wrk's, which adds to them, as its
    correction for "coordinated omission", samples for any answer slower than twice the mean time a connection
    took a request; the bench's answers seldom are."""
    with tempfile.TemporaryDirectory(prefix="govbot-wrk-") as folder:
        for n, wires in enumerate(shares.values(), start=1):
            assert all(b"\0" not in wire for wire in wires)
            Path(folder, f"requests-{n}").write_bytes(b"\0".join(wires))
        threads = len(shares)
        command = ["wrk", f"-t{threads}", f"-c{max(connections // threads, 1) * threads}", f"-d{int(timeout)}s",
                   f"--timeout={int(timeout)}s", "-s", str(SCRIPT), f"http://127.0.0.1:{next(iter(shares))}/"]
        env = os.environ | {"GOVBOT_WRK_PORTS": ",".join(map(str, shares)), "GOVBOT_WRK_DIR": folder}
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + timeout
        while (process.poll() is None and time.monotonic() < deadline
               and not all(Path(folder, f"done-{n}").exists() for n in range(1, threads + 1))):
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)  # wrk then stops its threads and reports
        out, err = process.communicate(timeout=30)
    line = next((ln for ln in out.splitlines() if ln.startswith("GOVBOT-WRK ")), None)
    if line is None:
        raise RuntimeError(f"wrk said nothing the bench can read: {out[-500:]} {err[-500:]}")
    found = json.loads(line.removeprefix("GOVBOT-WRK "))
    threads_seen = found["threads"]
    lasts = [t["last"] for t in threads_seen]
    wall = (max(lasts) if all(lasts) else float(timeout)) - min(t["first"] for t in threads_seen)
    return Outcome(found["median_us"] / 1e6, found["p99_us"] / 1e6, sum(t["answered"] for t in threads_seen),
                   sum(t["failed"] for t in threads_seen), sum(t["in_ack"] for t in threads_seen),
                   sum(t["later"] for t in threads_seen), wall)
