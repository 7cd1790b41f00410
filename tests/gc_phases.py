"""Python's cycle collector paused while a test process imports and collects, then told to skip what that left.

tests/conftest.py imports this module before anything else (before govbot, SQLAlchemy, Hypothesis and the platform
SDKs), and calls `resume` once the tests are collected. Importing makes hundreds of thousands of long-lived objects
and almost no garbage, yet each batch of new objects sets off a full collection that walks all of them again
(~0.7 of the ~9 s of CPU one process spends on two seed-test modules). Once collection is over everything alive
is frozen (never examined again: modules, classes, mappers, the collected tests) and the collector runs as usual on
what the tests make. What changes is only how often the collector looks, never what is garbage. Processes a test
starts (`govbot`, the replicas) do not import this module and collect as usual.
"""

from __future__ import annotations

import gc

gc.disable()


def resume() -> None:
    """Freeze what is alive now and turn the collector back on."""
    gc.freeze()
    gc.enable()
