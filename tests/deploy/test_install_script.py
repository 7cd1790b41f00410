"""The Dockerfile's install step (deploy/install.sh), run as the image runs it, since images are not built here:
a fresh virtual environment, a plain `pip install` with the postgres extra, migrations on PostgreSQL, and a
server whose /healthz and /readyz answer. pip installs every dependency afresh, from a folder of their wheels kept
between runs (tests/deploy/wheelhouse.py) rather than from the package indexes, whose pages pip reads and resolves
against for ~10 s of CPU; bytecode is compiled on first use rather than at install, as it makes no difference to
what runs."""

from __future__ import annotations

import secrets
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.deploy.processes import clean_env, copy_of_the_clone, free_port, get, govbot_run
from tests.deploy.wheelhouse import wheelhouse
from tests.slack.fake_slack import fake_slack


def bytecode_on_use(**settings: str) -> dict[str, str]:
    """`clean_env`, with pip compiling no bytecode at install (~8 s of CPU for ~2,800 files) and Python caching it
    for the modules a process imports (PYTHONDONTWRITEBYTECODE unset), so that each later `govbot` process loads
    them instead of compiling them again (~3 s each). PIP_COMPILE=0, not PIP_NO_COMPILE=1: pip reads the latter as
    --no-compile's value, compile=True."""
    env = clean_env(PIP_COMPILE="0", **settings)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@pytest.mark.postgres
def test_the_image_install_migrates_postgresql_and_serves(tmp_path: Path, postgres_schema_url: str) -> None:
    source = copy_of_the_clone(tmp_path / "src")
    venv = tmp_path / "venv"
    wheels = wheelhouse(source)
    install = subprocess.run(["sh", str(source / "deploy" / "install.sh"), str(venv), str(source)],
                             env=bytecode_on_use(PYTHON=sys.executable, PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheels)),
                             capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stderr[-3000:]
    govbot = str(venv / "bin" / "govbot")
    workdir = tmp_path / "work"  # no clone here: whatever the bot reads, it reads from its installed package
    workdir.mkdir()
    env = bytecode_on_use(DATABASE_URL=postgres_schema_url, TEAMS_APP_ID="00000000-0000-0000-0000-00000000000a")

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([govbot, *args], cwd=workdir, env=env, input=stdin, capture_output=True, text=True,
                              timeout=120, check=False)

    upgraded = run("db", "upgrade")
    assert upgraded.returncode == 0 and "is up to date" in upgraded.stdout, upgraded.stderr
    chat = run("console", "--group", "examples/004-cjcg.yaml", stdin="group info\n")
    assert chat.returncode == 0 and "Children's Joint Commissioning Group (cjcg)" in chat.stdout, chat.stderr
    packaged = run("teams", "package", "--out", "app.zip")
    assert packaged.returncode == 0, packaged.stderr
    with zipfile.ZipFile(workdir / "app.zip") as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]

    port = free_port()
    with fake_slack() as slack:
        serving = env | {"SLACK_API_URL": slack.url, "SLACK_BOT_TOKEN": "xoxb-" + secrets.token_hex(8),
                         "SLACK_SIGNING_SECRET": secrets.token_hex(16), "MIGRATE_ON_START": "false"}
        with govbot_run([govbot, "run"], serving, workdir, port) as bot:
            assert get(bot.base + "/healthz")[0] == 200
            status, body, _ = get(bot.base + "/readyz")
            assert status == 200 and '"migrations": "current"' in body
            code, _, err = bot.stop()
    assert code == 0 and "Traceback" not in err, err
