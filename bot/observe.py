"""What the core reports about its own work (each command's verb, time taken and outcome), to whoever listens.

The core knows no metrics library: the composition root (govbot/metrics.py) subscribes and counts.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.replies import Reply

# (verb, seconds, outcome) where outcome is "ok", "refused" or "repeat" (a delivery already handled).
CommandObserver = Callable[[str, float, str], None]

_observers: list[CommandObserver] = []


def watch_commands(observer: CommandObserver) -> None:
    """Call `observer` after every command the core runs (from any thread); it must be quick and never raise."""
    if observer not in _observers:
        _observers.append(observer)


def command_done(verb: str, seconds: float, answer: Reply | None) -> None:
    """Report one command: its verb, how long it took and what became of it."""
    outcome = "repeat" if answer is None else "refused" if answer.error else "ok"
    for observer in _observers:
        observer(verb, seconds, outcome)
