"""The console at a terminal: line editing, arrow keys and a history kept between sessions (readline), and
Ctrl-D or Ctrl-C to leave without a traceback."""

from __future__ import annotations

import logging
import signal
from pathlib import Path

logger = logging.getLogger(__name__)

HISTORY = Path.home() / ".govbot_history"
HISTORY_LENGTH = 1000


class Typed:
    """Lines typed at the terminal, read with the prompt through readline; an empty string when the person leaves.

    Stands in for a text stream in `console.chat`, which then writes no prompt of its own."""

    prompts = True

    def __init__(self, prompt: str, history: Path | None = HISTORY) -> None:
        self.prompt = prompt
        self.history = history
        self.editing = self._start()
        ctrl_c_leaves()

    def _start(self) -> object:
        try:
            import readline  # not on every platform (Windows): the console then works without editing
        except ImportError:
            return None
        readline.set_history_length(HISTORY_LENGTH)
        if self.history is not None and self.history.exists():
            try:
                readline.read_history_file(self.history)
            except OSError as error:
                logger.warning("could not read the console history %s: %s", self.history, error.strerror)
        return readline

    def readline(self) -> str:
        """The next line (with its newline), or "" at Ctrl-D or Ctrl-C."""
        try:
            return input(self.prompt) + "\n"
        except (EOFError, KeyboardInterrupt):
            return ""

    def close(self) -> None:
        """Keep the history for next time."""
        if self.editing is not None and self.history is not None:
            try:
                self.editing.write_history_file(self.history)  # type: ignore[attr-defined]
            except OSError as error:
                logger.warning("could not save the console history %s: %s", self.history, error.strerror)


def ctrl_c_leaves() -> None:
    """Ctrl-C at the prompt leaves, even where the program that started the console ignored or blocked it (nohup, a
    script's `trap '' INT`, a test runner): a person at a terminal expects it to."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if hasattr(signal, "pthread_sigmask"):  # POSIX
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
