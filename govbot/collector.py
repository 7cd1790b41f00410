"""Python's cyclic garbage collector set for a long-running server rather than a short script.

A server holds tens of thousands of long-lived objects once started (modules, SQLAlchemy's mappers and compiled
statements, the ToR models), and a reminder pass or a burst of votes creates ORM rows by the thousand. With the
default thresholds (700, 10, 10) the collector runs every 700 allocations and keeps scanning the long-lived ones:
at 3,000 groups it was about half the CPU of the 09:00 pass and a quarter of the first pass
(bench/reminders_profile.py). Frozen objects are never scanned, and a larger first threshold collects as surely,
less often.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (20_000, 20, 100)


def settle() -> None:
    """Once everything is imported and built, before serving: freeze what exists and collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def paused() -> Iterator[None]:
    """The collector off while a `govbot` process imports what it runs (and migrates), then as it was, with what
    is alive by then frozen. Importing builds tens of thousands of long-lived objects (modules, classes,
    SQLAlchemy's mappers, pydantic's validators) and almost no garbage, yet every 700 of them set off a collection
    that walks the ones before again: 0.08 s of the 0.7 s `govbot --help` costs, 0.19 s of a console's start on a
    new database, 0.15 s of a `db upgrade` (gc.callbacks). Frozen, they are never walked again; what the command
    itself then makes is collected as usual."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
