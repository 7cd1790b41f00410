"""The `govbot` command as a person runs it: the console with piped input, `run` with no accounts, imports. A whole
replay and serving run `govbot` as a process; the error messages call its main() in-process (`govbot_main`)."""

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
    result = govbot_main("run", stdin="group info\n", db=tmp_path / "g.db")
    assert result.returncode == 0, result.stderr
    assert "No Slack or Teams settings found: starting the local console on examples/000-plpcp.yaml" in result.stdout
    assert "Pan-London Placements Commissioning Programme Steering Group (plpcp)" in result.stdout


def test_importing_a_bad_tor_file_names_the_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "board.yaml"
    bad.write_text("name: Board\nshort_name: board\nseats:\n  - {title: Chair, voteing: true}\n")
    result = govbot_main("group", "import", str(bad), db=tmp_path / "g.db")
    assert result.returncode == 2
    assert f"{bad}: the terms of reference are not valid" in result.stderr
    assert "seats.0.voteing: is not a ToR key" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_now_is_a_clear_error(tmp_path: Path) -> None:
    result = govbot_main("console", "--now", "next tuesday", db=tmp_path / "g.db")
    assert result.returncode == 2 and "--now 'next tuesday' is not an ISO time" in result.stderr


def test_a_missing_tor_file_is_a_polite_error_that_says_what_would_work(tmp_path: Path) -> None:
    result = govbot_main("group", "import", str(tmp_path / "absent.yaml"), db=tmp_path / "g.db")
    assert result.returncode == 2
    assert "Cannot read the ToR file" in result.stderr and "examples/004-cjcg.yaml" in result.stderr
    assert "Traceback" not in result.stderr and "Errno" not in result.stderr


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_run_with_slack_and_teams_settings_serves_both_on_one_port(tmp_path: Path) -> None:
    import secrets
    import time
    import urllib.error
    import urllib.request

    from tests.slack.fake_slack import fake_slack

    port = free_port()
    with fake_slack() as slack:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_"))}
        env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'g.db'}", PORT=str(port), SLACK_API_URL=slack.url,
                   SLACK_BOT_TOKEN="xoxb-" + secrets.token_hex(8), SLACK_SIGNING_SECRET=secrets.token_hex(16),
                   TEAMS_ANONYMOUS="true")
        migrated(env["DATABASE_URL"])  # serving is what this checks; the record is a copy of a migrated one
        bot = subprocess.Popen([sys.executable, "-m", "govbot.cli", "run"], cwd=tmp_path, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            base = f"http://127.0.0.1:{port}"

            def status(path: str, body: bytes | None = None) -> int:
                request = urllib.request.Request(base + path, data=body, headers={"Content-Type": "application/json"})
                try:
                    with urllib.request.urlopen(request, timeout=5) as response:
                        return int(response.status)
                except urllib.error.HTTPError as error:
                    return error.code

            deadline = time.monotonic() + 60
            while True:
                try:
                    if status("/healthz") == 200:
                        break
                except OSError:
                    assert bot.poll() is None, bot.communicate()[1]
                    assert time.monotonic() < deadline, "govbot run did not start serving within 60 s"
                    time.sleep(0.2)
            assert status("/slack/events", b"token=forged&command=/gov&text=help") == 401  # unsigned: refused
            assert status("/api/messages", b"{}") == 400  # Teams is mounted on the same port
        finally:
            bot.terminate()
            out, err = bot.communicate(timeout=30)
    assert "govbot is serving Slack and Microsoft Teams (anonymous, local testing only) on port" in out, out + err
    assert "Traceback" not in err, err
