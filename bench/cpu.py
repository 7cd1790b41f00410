"""Where the CPU went during a benchmark run, from /proc (Linux): the servers, PostgreSQL, the load generator (this
process, with the fake Slack), and everything else on the machine (on a shared machine: other people's work).

A throughput figure alone cannot say whether the server or the machine ran out first; these figures can. Each
server's CPU seconds per request is what a vote costs it; when the machine's cores were busy the whole run, the
rate measured is the machine's, not the server's.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from bench.others import elsewhere

TICK = os.sysconf("SC_CLK_TCK")


class Proc(NamedTuple):
    """One process as /proc shows it: its name, its own CPU seconds so far, the CPU seconds of its children that
    ended and that it waited for (reaped), and its parent's id."""

    name: str
    seconds: float
    reaped: float
    parent: int


def process(pid: int) -> Proc | None:
    """What /proc says of one process now; None when it is gone."""
    try:
        name = Path(f"/proc/{pid}/comm").read_text().strip()
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # ppid, then utime + stime and cutime + cstime: a child's CPU is added to its parent's when the parent reaps it
    return Proc(name, (int(fields[11]) + int(fields[12])) / TICK, (int(fields[13]) + int(fields[14])) / TICK,
                int(fields[1]))


def process_seconds(pid: int) -> float:
    """User plus system CPU seconds of one process so far (0 when it is gone)."""
    found = process(pid)
    return 0.0 if found is None else found.seconds


def switches(pid: int) -> int:
    """Context switches of every thread of one process so far: a thread waiting for Python's lock, or handing a
    request to another thread, switches; hundreds a request mean threads contending rather than working."""
    total = 0
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for line in (task / "status").read_text().splitlines():
                if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                    total += int(line.split(":")[1])
    except OSError:
        pass
    return total


def counted(pid: int) -> dict[str, Any] | None:
    """What a server started through bench/counted_server.py has counted so far: the SQL statements it sent and
    its threads' CPU seconds by name. Only for such servers: SIGUSR1 ends any other process."""
    path = Path(f"/tmp/govbot-bench-statements-{pid}")
    path.unlink(missing_ok=True)
    try:
        os.kill(pid, signal.SIGUSR1)
    except OSError:
        return None
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        try:
            found: dict[str, Any] = json.loads(path.read_text())
            path.unlink()
            return found
        except (OSError, ValueError):
            time.sleep(0.01)
    return None


# PostgreSQL's own processes, which work for every database: their CPU is counted whatever the run's backends.
SHARED = ("checkpointer", "background writer", "walwriter")


def postgres_seconds(backends: set[int] | None = None) -> dict[int, float]:
    """PostgreSQL processes on this machine and their CPU seconds: every one, or `backends` (the run's own
    sessions) and the processes every database shares. On a machine where others use the same server, their
    sessions' CPU is theirs, not the run's."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() != "postgres":
                    continue
                if backends is not None and int(entry.name) not in backends:
                    title = (entry / "cmdline").read_bytes().decode(errors="replace")
                    if not any(f": {name}" in title for name in SHARED):
                        continue
                found[int(entry.name)] = process_seconds(int(entry.name))
            except OSError:
                continue
    return found


def machine_seconds() -> tuple[float, float, float, float]:
    """(busy, total, interrupts, stolen) CPU seconds of the whole machine since boot, every core counted: interrupts
    are the kernel's hardware and soft interrupts (a loopback packet is delivered in one), charged to no process;
    stolen, the time a virtual machine's host gave its cores to others. Both count as busy."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle, iowait
    return ((sum(values) - idle) / TICK, sum(values) / TICK, (values[5] + values[6]) / TICK,
            (values[7] if len(values) > 7 else 0) / TICK)


def every_process() -> dict[int, Proc]:
    """Every process on the machine as /proc shows it now."""
    return {int(entry.name): found for entry in Path("/proc").iterdir()
            if entry.name.isdigit() and (found := process(int(entry.name))) is not None}


def own_seconds() -> float:
    """This process's CPU seconds, with its children's that have ended (wrk, when it drives the load)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime + children_seconds()


def children_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


@dataclass
class Snapshot:
    at: float
    servers: dict[int, float]
    switches: dict[int, int]
    counted: dict[int, dict[str, Any] | None]
    postgres: dict[int, float]
    own: float
    machine: tuple[float, float, float, float]
    everyone: dict[int, Proc]
    own_after: float  # this process's CPU once the snapshot was taken
    children: float = 0.0  # of which its children's that have ended (wrk)
    # The run's PostgreSQL sessions that were gone by this snapshot (a pool closing a connection it opened for a
    # burst), with their CPU seconds as last seen while they ran (bench.pg_waits.Sampler): /proc no longer has them.
    ended: dict[int, float] = field(default_factory=dict)


def load_generator(before: Snapshot, after: Snapshot) -> float:
    """This process's CPU seconds between two snapshots, without the snapshots' own work."""
    return after.own - before.own_after


def snapshot(servers: list[int], backends: set[int] | None = None, seen: dict[int, float] | None = None) -> Snapshot:
    """Where the CPU stands now: the servers', PostgreSQL's (`backends` and the processes every database shares,
    or every PostgreSQL process), this process's and the machine's. `seen`: the CPU seconds of each of the run's
    PostgreSQL sessions as last seen (bench.pg_waits.Sampler), for those of them that have ended since."""
    # This process's own CPU before and after taking the snapshot: reading /proc for every PostgreSQL process, and
    # waiting for the servers' counts, is the snapshot's work, not the load generator's (see `load_generator`).
    own, at, machine = own_seconds(), time.monotonic(), machine_seconds()
    postgres = postgres_seconds(backends)
    return Snapshot(at, {pid: process_seconds(pid) for pid in servers},
                    {pid: switches(pid) for pid in servers}, {pid: counted(pid) for pid in servers},
                    postgres, own, machine, every_process(), own_seconds(), children_seconds(),
                    {pid: s for pid, s in (seen or {}).items() if pid not in postgres})


def ended_sessions(count: int, gone: float) -> str:
    return f" (of which {gone:.1f} in {count} of its sessions that ended during the run)" if count else ""


def postgres_used(before: Snapshot, after: Snapshot) -> tuple[float, float]:
    """PostgreSQL's CPU seconds between two snapshots: its processes still there (a session opened meanwhile counts
    whole), and the run's sessions that ended meanwhile, up to when they were last seen; and the latter alone."""
    live = sum(s - before.postgres.get(pid, 0.0) for pid, s in after.postgres.items())
    gone = sum(max(s - before.postgres.get(pid, 0.0), 0.0) for pid, s in after.ended.items())
    return live + gone, gone


def describe(before: Snapshot, after: Snapshot, requests: int) -> str:
    """Where the CPU went between two snapshots, and what each request cost the servers."""
    servers = [after.servers[pid] - before.servers.get(pid, 0.0) for pid in after.servers]
    postgres, gone = postgres_used(before, after)
    own = load_generator(before, after)
    busy = after.machine[0] - before.machine[0]
    total = after.machine[1] - before.machine[1]
    others = max(busy - sum(servers) - postgres - own, 0.0)
    seen = ", ".join(f"{name} {seconds:.1f}" for seconds, name in elsewhere(before, after, gone)[:3]) or "none"
    interrupts, stolen = (after.machine[i] - before.machine[i] for i in (2, 3))
    cores = total / max(after.at - before.at, 1e-9)
    per_request = sum(servers) / max(requests, 1) * 1000
    switched = sum(after.switches.values()) - sum(before.switches.values())
    each = 1000 / max(requests, 1)  # seconds in all -> ms a request
    child = after.children - before.children  # wrk, when it drove the load
    wrk = f" (wrk {child * each:.2f})" if child > 0 else ""
    lines = [f"CPU s: server{'s' if len(servers) > 1 else ''} {' + '.join(f'{s:.1f}' for s in servers)}, "
             f"PostgreSQL {postgres:.1f}{ended_sessions(len(after.ended), gone)}, load generator {own:.1f}, "
             f"other processes {others:.1f}; machine busy "
             f"{busy / max(total, 1e-9):.0%} of {cores:.0f} cores",
             f"of the other processes': the kernel's interrupts {interrupts:.2f}, stolen by the host {stolen:.2f}, "
             f"the busiest others {seen}",
             f"per request: server CPU {per_request:.1f} ms, PostgreSQL {postgres * each:.1f} ms, load generator "
             f"{own * each:.2f} ms{wrk}; "
             f"{switched * each / 1000:.0f} context switches in the server"]
    counts = [(after.counted[pid], before.counted.get(pid)) for pid in after.counted]
    if all(a is not None and b is not None for a, b in counts):
        statements = sum(a["statements"] - b["statements"] for a, b in counts)  # type: ignore[index]
        threads: dict[str, float] = {}
        for a, b in counts:
            for name, seconds in a["threads"].items():  # type: ignore[index]
                threads[name] = threads.get(name, 0.0) + seconds - b["threads"].get(name, 0.0)  # type: ignore[index]
        busiest = sorted(((s, n) for n, s in threads.items() if s * each >= 0.05), reverse=True)
        lines[-1] += f"; {statements * each / 1000:.1f} SQL statements"
        lines.append("server CPU by thread, per request: " + ", ".join(f"{n} {s * each:.1f} ms" for s, n in busiest))
    return "\n  ".join(lines)


def ceiling(before: Snapshot, after: Snapshot, requests: int) -> tuple[float, float, float]:
    """(the machine's cores, the CPU seconds a request took of the servers, PostgreSQL, the load generator and the
    kernel's interrupts together, and of the servers alone): at best the machine serves cores / the second many
    requests a second, however the servers are arranged. The interrupts are mostly the run's own loopback packets
    (on a shared machine, others' too)."""
    servers = sum(after.servers[pid] - before.servers.get(pid, 0.0) for pid in after.servers)
    postgres = postgres_used(before, after)[0]
    total = after.machine[1] - before.machine[1]
    cores = total / max(after.at - before.at, 1e-9)
    interrupts = after.machine[2] - before.machine[2]
    each = max(requests, 1)
    return round(cores), (servers + postgres + load_generator(before, after) + interrupts) / each, servers / each
