"""One cache of compiled SQL for every test database of a process, instead of one per test.

SQLAlchemy compiles each statement once per engine and keeps the result in that engine's cache, keyed by the
statement's shape and the engine's dialect object. Each test has an engine of its own (its own file, pool and
per-engine state in the bot: the writer, the shared gate, the workers), so each test compiled every statement it
ran again: about a fifth of the CPU the tests spend in this process. The tests' own SQLite engines are made alike
(bot.db.make_engine on a file, no other options), so they can share one dialect object and one compiled cache:
the SQL is the same text whichever file it runs on. Only the compiled SQL is shared; connections, pools, events and
everything the bot keeps per engine stay the test's own.

`install` makes every such engine share it, not only the `engine` fixture's: a module's own fixture that copies a
record of its own (tests/test_confidential_reads.py: 90 tests, each a new engine) compiled every statement again,
a quarter of that module's CPU.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

import bot.db

_first: dict[str, tuple[Any, Any]] = {}


def share(engine: Engine) -> None:
    """Give `engine` (a fresh SQLite engine from make_engine with no options, not yet connected) the dialect and
    compiled cache of the first such engine of this process."""
    first = _first.get(engine.dialect.name)
    if first is None or first[0].server_version_info is None:
        # The first engine never connected, so its dialect was never initialised (its pool's first connection
        # initialises the dialect the pool was made with, not one handed over later): this one becomes the first.
        _first[engine.dialect.name] = (engine.dialect, engine._compiled_cache)
        return
    engine.dialect, engine._compiled_cache = first


def install() -> None:
    """From now on `bot.db.make_engine`, as imported by any module imported after this call, shares the compiled
    cache (`share`) of each engine it makes on a SQLite file with no other options; any other engine (PostgreSQL,
    in memory, with options) is made as before."""
    made = bot.db.make_engine
    if getattr(made, "shares_compiled", False):
        return

    def make_engine(url: str, **kwargs: Any) -> Engine:
        engine = made(url, **kwargs)
        if not kwargs and engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
            share(engine)
        return engine

    make_engine.shares_compiled = True  # type: ignore[attr-defined]
    make_engine.__doc__ = made.__doc__
    bot.db.make_engine = make_engine
