"""The `govbot` command as a person runs it: the console with piped input, `run` with no accounts, imports. A whole
replay runs `govbot` as a process (serving: tests/deploy/test_sqlite_group_commit.py); the error messages call its
main() in-process (`govbot_main`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, example, migrated

TRANSCRIPT = ROOT / "tests" / "transcripts" / "004-cjcg.txt"


def govbot(*args: str, stdin: str = "", db: Path) -> subprocess.CompletedProcess[str]:
    """`govbot` run as its own process, for what is about the process: its entry point, stdin and exit code."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_"))}
    env["DATABASE_URL"] = f"sqlite:///{db}"
    migrated(env["DATABASE_URL"])  # a copy of a migrated record (~0.3 s of the process's CPU): none is about migrating
    return subprocess.run([sys.executable, "-m", "govbot.cli", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120, check=False)


def govbot_main(*args: str, stdin: str = "", db: Path | None, cwd: Path | None = None,
                **settings: str) -> subprocess.CompletedProcess[str]:
    """As `govbot`, but calling the CLI's main() in this process (a new interpreter costs ~1 s each): the same
    settings (no Slack or Teams ones; `settings` set over them), piped standard input, and what it prints and exits
    with. `db` None: no DATABASE_URL, as where an operator sets none (the `.env` in `cwd`, if any, names it); `cwd`:
    the directory it runs in (the worker's own is restored after), where it reads `.env` and resolves paths."""
    import contextlib
    import io
    import sqlite3
    from unittest import mock

    from bot.settings import get_settings
    from govbot.cli import main

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "DATABASE_URL"))}
    if db is not None:
        env["DATABASE_URL"] = f"sqlite:///{db}"
    env.update(settings)
    out, err = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True) for _ in range(2))
    with (mock.patch.dict(os.environ, env, clear=True), mock.patch("sys.stdin", io.StringIO(stdin)),
          contextlib.chdir(cwd or os.getcwd()), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err)):
        get_settings.cache_clear()
        try:
            code = main(list(args))
        except SystemExit as exit:  # argparse's usage errors
            code = exit.code if isinstance(exit.code, int) else 2
        finally:
            get_settings.cache_clear()
    if db is not None and db.exists():  # as the process's exit would: the write-ahead log into the file, which tests copy
        with contextlib.closing(sqlite3.connect(db)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    read = [stream.buffer.getvalue().decode("utf-8") for stream in (out, err)]  # type: ignore[attr-defined]
    return subprocess.CompletedProcess(["govbot", *args], code, *read)


def test_a_whole_meeting_replays_from_a_text_file_with_no_prompt_noise(tmp_path: Path) -> None:
    lines = [line for line in TRANSCRIPT.read_text().splitlines() if not line.startswith(("= ", "! "))]
    result = govbot("console", "--group", str(example("cjcg")), "--now", "2026-12-01T09:00Z", stdin="\n".join(lines),
                    db=tmp_path / "g.db")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("alice> meeting schedule 2026-12-10 10:00")  # no banner, no prompt: input echoed once
    assert "The meeting is now quorate — 3 members or deputies present, 3 needed (ToR 6.4)." in out
    assert "Motion 1 is closed: carried." in out
    assert "! Only the chair" in out  # refusals are marked, and the replay goes on
    assert "bob: personal: My sister manages a provider bidding under item 2 (meeting 1, item 2; declared Tue 1 Dec 2026" in out


def test_run_without_slack_or_teams_opens_the_console_on_the_first_example(tmp_path: Path) -> None:
    migrated(f"sqlite:///{tmp_path / 'g.db'}")  # a copy of a migrated record: none is about migrating
    result = govbot_main("run", stdin="group info\n", db=tmp_path / "g.db")
    assert result.returncode == 0, result.stderr
    assert "No Slack or Teams settings found: starting the local console on examples/000-plpcp.yaml" in result.stdout
    assert "Pan-London Placements Commissioning Programme Steering Group (plpcp)" in result.stdout


def test_importing_a_bad_tor_file_names_the_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "board.yaml"
    bad.write_text("name: Board\nshort_name: board\nseats:\n  - {title: Chair, voteing: true}\n")
    migrated(f"sqlite:///{tmp_path / 'g.db'}")  # a copy of a migrated record: none is about migrating
    result = govbot_main("group", "import", str(bad), db=tmp_path / "g.db")
    assert result.returncode == 2
    assert f"{bad}: the terms of reference are not valid" in result.stderr
    assert "seats.0.voteing: is not a ToR key" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_now_is_a_clear_error(tmp_path: Path) -> None:
    migrated(f"sqlite:///{tmp_path / 'g.db'}")  # a copy of a migrated record: none is about migrating
    result = govbot_main("console", "--now", "next tuesday", db=tmp_path / "g.db")
    assert result.returncode == 2 and "--now 'next tuesday' is not an ISO time" in result.stderr


def test_a_missing_tor_file_is_a_polite_error_that_says_what_would_work(tmp_path: Path) -> None:
    migrated(f"sqlite:///{tmp_path / 'g.db'}")  # a copy of a migrated record: none is about migrating
    result = govbot_main("group", "import", str(tmp_path / "absent.yaml"), db=tmp_path / "g.db")
    assert result.returncode == 2
    assert "Cannot read the ToR file" in result.stderr and "examples/004-cjcg.yaml" in result.stderr
    assert "Traceback" not in result.stderr and "Errno" not in result.stderr


# `govbot run` with Slack and Teams settings, serving both on one port, is checked by the one server process of
# tests/deploy/test_sqlite_group_commit.py (with its votes, JSON logs and SIGTERM), not by a process of its own here.
