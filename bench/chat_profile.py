"""What a meeting's commands cost the core, in process: CPU, SQL statements and Python function calls a command.

`python bench/chat_profile.py [TRANSCRIPT...] [--group FILE] [--top N] [--lines]` replays console transcripts one
after the other (by default examples/cjcg-meeting.txt, a CJCG meeting from scheduling to the minutes; add
bench/cjcg-after.txt for `members` and the minutes after it) on a fresh SQLite record, as the console and the chat
tests do, and prints the figures a command (with `--lines`, each command's statements and CPU). A replay on a new
engine compiles each statement the first time it is sent (as every test does, with an engine of its own); the
figures say how many were compiled and what the same replay costs on an engine whose statements are compiled
already (as a running server's are).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine.default import DefaultExecutionContext

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.db import make_engine, session_factory, unit_of_work, upgrade  # noqa: E402
from bot.services.groups import bind_channel, import_group  # noqa: E402
from bot.terms_stored import group_terms  # noqa: E402
from handlers import console  # noqa: E402

START = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
sent = {"statements": 0, "compiled": 0}


class Lines(io.StringIO):
    """A transcript that notes the statements and CPU each command line cost, as the next line is read."""

    def __init__(self, script: str) -> None:
        super().__init__(script)
        self.costs: list[tuple[str, int, float]] = []  # (line, statements, CPU seconds)
        self.line, self.at = "", (sent["statements"], time.process_time())

    def readline(self, size: int | None = -1) -> str:
        if self.line.strip() and not self.line.lstrip().startswith("#"):
            self.costs.append((self.line.strip(), sent["statements"] - self.at[0], time.process_time() - self.at[1]))
        self.line = super().readline(size)
        self.at = (sent["statements"], time.process_time())
        return self.line


@event.listens_for(Engine, "before_cursor_execute")
def _counted(_connection: Any, _cursor: Any, _statement: str, _parameters: Any, context: Any, _many: bool) -> None:
    sent["statements"] += 1
    if isinstance(context, DefaultExecutionContext) and context.cache_hit == context.cache_hit.CACHE_MISS:
        sent["compiled"] += 1


def replay(script: str, group_file: Path, warm: Engine | None = None, profile: cProfile.Profile | None = None,
           lines: Lines | None = None) -> tuple[float, dict[str, int], str, Engine]:
    """CPU seconds and counts of one replay on a new record; with `warm`, its engine takes `warm`'s dialect and
    compiled statements (only a bench may: they are SQLAlchemy's internals)."""
    url = f"sqlite:///{tempfile.mkdtemp(prefix='govbot-chat-')}/govbot.db"
    upgrade(url)
    engine = make_engine(url)
    if warm is not None:
        engine._compiled_cache, engine.dialect = warm._compiled_cache, warm.dialect
    sessions = session_factory(engine)
    with unit_of_work(sessions) as session:
        group = import_group(session, group_file.read_text(), START, source=str(group_file), folder=group_file.parent)
        bind_channel(session, group, console.CHANNEL, START, actor_id=None)
        zone = group_terms(group).zone
    out, before, cpu = io.StringIO(), dict(sent), time.process_time()
    if profile:
        profile.enable()
    console.chat(sessions, lines or io.StringIO(script), out, speak_as="alice", interactive=False,
                 clock=console.fixed(START), zone=zone)
    if profile:
        profile.disable()
    return time.process_time() - cpu, {k: sent[k] - before[k] for k in sent}, out.getvalue(), engine


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("transcript", nargs="*", type=Path, default=[ROOT / "examples" / "cjcg-meeting.txt"])
    parser.add_argument("--group", type=Path, default=ROOT / "examples" / "004-cjcg.yaml")
    parser.add_argument("--rounds", type=int, default=3, help="replays timed (the least CPU is shown)")
    parser.add_argument("--top", type=int, default=0, help="print cProfile's costliest functions")
    parser.add_argument("--lines", action="store_true", help="print each command's statements and CPU (warm)")
    args = parser.parse_args()
    script = "\n".join(path.read_text() for path in args.transcript)
    commands = sum(1 for line in script.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    _, _, said, first = replay(script, args.group)  # imports and first-time set-up, not timed
    refused = sum(1 for line in said.splitlines() if line.startswith("! "))
    cold = [replay(script, args.group) for _ in range(args.rounds)]
    warm = [replay(script, args.group, warm=first) for _ in range(args.rounds)]
    profile = cProfile.Profile(time.process_time)
    replay(script, args.group, profile=profile)
    stats = pstats.Stats(profile)
    counts, each = cold[0][1], 1000 / commands
    print(f"{' + '.join(path.name for path in args.transcript)}: {commands} commands ({refused} refused), a command: "
          f"{min(c[0] for c in cold) * each:.2f} ms CPU on a new engine, {min(w[0] for w in warm) * each:.2f} ms with "
          f"its statements compiled already; {counts['statements'] / commands:.1f} SQL statements "
          f"({counts['compiled'] / commands:.1f} compiled for the first time on a new engine); "
          f"{stats.total_calls / commands:.0f} Python function calls")  # type: ignore[attr-defined]
    if args.lines:
        each_line = Lines(script)
        replay(script, args.group, warm=first, lines=each_line)
        for line, statements, cpu in each_line.costs:
            print(f"{statements:4d} statements {cpu * 1000:6.2f} ms  {line}")
    if args.top:
        stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
