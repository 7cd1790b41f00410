"""What the processes other than a bench run's own used of the machine between two snapshots (bench/cpu.py),
those started or ended in between included: on a shared machine, other people's work."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.cpu import Snapshot


def elsewhere(before: Snapshot, after: Snapshot, gone: float) -> list[tuple[float, str]]:
    """CPU seconds of the processes other than the run's own (its servers, its PostgreSQL, this process) between
    two snapshots, by name, busiest first: those there at both, those started in between (all their CPU), and those
    that ended in between, counted in their parent's reaped children (`<parent> (ended children)`): a process's
    CPU is added to its parent's when it ends, where nothing else on the machine would show it. `gone`: the CPU
    seconds of the run's PostgreSQL sessions that ended, counted as PostgreSQL's (bench.cpu.postgres_used)."""
    ours = set(after.servers) | set(after.postgres) | set(after.ended) | {os.getpid()}
    by_name: dict[str, float] = {}
    for pid, now in after.everyone.items():
        was = before.everyone.get(pid)
        if pid not in ours:
            earlier = was.seconds if was is not None and was.name == now.name else 0.0  # else started meanwhile
            by_name[now.name] = by_name.get(now.name, 0.0) + now.seconds - earlier
    postgres = postmasters(after)
    for pid, reaped in ended_children(before, after).items():
        if pid in postgres:  # the run's sessions that ended are PostgreSQL's, counted there
            reaped -= gone
        if pid not in after.servers and pid != os.getpid():  # this process's children are the load generator's
            name = f"{after.everyone[pid].name} (ended children)"
            by_name[name] = by_name.get(name, 0.0) + max(reaped, 0.0)
    return sorted(((s, n) for n, s in by_name.items() if s >= 0.05), reverse=True)


def ended_children(before: Snapshot, after: Snapshot) -> dict[int, float]:
    """{process there at both snapshots: the CPU seconds between them of its descendants that ended meanwhile}. A
    process that ends is added, with what it had reaped, to its parent's reaped CPU; what each had used before the
    first snapshot is taken off the nearest ancestor still there."""
    reaped = {pid: now.reaped - before.everyone[pid].reaped for pid, now in after.everyone.items()
              if pid in before.everyone and alive(after, pid, before.everyone[pid].name)}
    for pid, was in before.everyone.items():
        if not alive(after, pid, was.name):
            ancestor, hops = was.parent, 0
            while ancestor not in reaped and ancestor in before.everyone and hops < 64:
                ancestor, hops = before.everyone[ancestor].parent, hops + 1
            if ancestor in reaped:
                reaped[ancestor] -= was.seconds + was.reaped
    return reaped


def alive(snapshot: Snapshot, pid: int, name: str) -> bool:
    found = snapshot.everyone.get(pid)
    return found is not None and found.name == name


def postmasters(snapshot: Snapshot) -> set[int]:
    """The parent of the PostgreSQL processes counted: the server that forks and reaps every session."""
    return {snapshot.everyone[pid].parent for pid in snapshot.postgres if pid in snapshot.everyone}
