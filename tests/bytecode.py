"""Python caches compiled modules (in __pycache__ folders, which git ignores) for this process, the xdist workers and
every `govbot` process a test starts, even where PYTHONDONTWRITEBYTECODE is set: without a cache each worker compiles
and assertion-rewrites every test module again (~4.6 of the ~8 s of CPU a worker spends collecting), and each
subprocess compiles govbot's own modules again (~0.3 s).

tests/conftest.py imports this module first, before it imports govbot: set any later, the modules the conftest
imports (nearly all of bot/, handlers/ and their libraries' own) were compiled from source in every test process,
every run, and never cached (~0.5 s of CPU a process)."""

from __future__ import annotations

import os
import sys

os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False
