"""Where the CPU went during a benchmark run, from /proc (Linux): the servers, PostgreSQL, the load generator (this
process, with the fake Slack), and everything else on the machine (on a shared machine: other people's work).

A throughput figure alone cannot say whether the server or the machine ran out first; these figures can. Each
server's CPU seconds per request is what a vote costs it; when the machine's cores were busy the whole run, the
rate measured is the machine's, not the server's.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def process_seconds(pid: int) -> float:
    """User plus system CPU seconds of one process so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def postgres_seconds() -> dict[int, float]:
    """Every PostgreSQL process on this machine and its CPU seconds (other databases' backends included)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    found[int(entry.name)] = process_seconds(int(entry.name))
            except OSError:
                continue
    return found


def machine_seconds() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, every core counted."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle, iowait
    return (sum(values) - idle) / TICK, sum(values) / TICK


def own_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Snapshot:
    at: float
    servers: dict[int, float]
    postgres: dict[int, float]
    own: float
    machine: tuple[float, float]


def snapshot(servers: list[int]) -> Snapshot:
    return Snapshot(time.monotonic(), {pid: process_seconds(pid) for pid in servers}, postgres_seconds(),
                    own_seconds(), machine_seconds())


def describe(before: Snapshot, after: Snapshot, requests: int) -> str:
    """Where the CPU went between two snapshots, and what each request cost the servers."""
    servers = [after.servers[pid] - before.servers.get(pid, 0.0) for pid in after.servers]
    postgres = sum(s - before.postgres.get(pid, 0.0) for pid, s in after.postgres.items())
    own = after.own - before.own
    busy = after.machine[0] - before.machine[0]
    total = after.machine[1] - before.machine[1]
    others = max(busy - sum(servers) - postgres - own, 0.0)
    cores = total / max(after.at - before.at, 1e-9)
    per_request = sum(servers) / max(requests, 1) * 1000
    return (f"CPU s: server{'s' if len(servers) > 1 else ''} {' + '.join(f'{s:.1f}' for s in servers)}, "
            f"PostgreSQL {postgres:.1f}, load generator {own:.1f}, other processes {others:.1f}; machine busy "
            f"{busy / max(total, 1e-9):.0%} of {cores:.0f} cores; server CPU per request {per_request:.1f} ms")
