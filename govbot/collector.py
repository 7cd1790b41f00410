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

THRESHOLDS = (20_000, 20, 100)


def settle() -> None:
    """Once everything is imported and built, before serving: freeze what exists and collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
