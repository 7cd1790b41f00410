"""What a new operator meets first: `.env.example` copied to `.env`, one default group, a clear word when the
PostgreSQL driver is missing, and the shipped files found from any directory."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from bot.settings import Settings
from govbot import bundled
from govbot.cli_teams import build_package
from tests.conftest import ROOT, migrated
from tests.test_cli import govbot_main


def test_env_example_copied_to_env_starts_the_console_on_the_default_group(tmp_path: Path) -> None:
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")  # as its header says; every secret left empty
    # main() in this process, run from that directory (tests/test_cli.py's govbot_main): the .env it reads and the
    # record it makes are what this checks; govbot as a process is tests/test_cli.py's whole replay
    result = govbot_main("run", stdin="group info\n", db=None, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "No Slack or Teams settings found: starting the local console on examples/000-plpcp.yaml" in result.stdout
    assert "Pan-London Placements Commissioning Programme Steering Group (plpcp)" in result.stdout
    assert (tmp_path / "govbot.db").exists()  # the .env's DATABASE_URL, relative to where govbot runs


def test_empty_settings_are_unset(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("SLACK_BOT_TOKEN=\nSLACK_SIGNING_SECRET=\nTEAMS_APP_ID=\nSLACK_CLIENT_ID=\n")
    settings = Settings(_env_file=env)  # type: ignore[call-arg]
    assert settings.slack_bot_token is None and settings.slack_client_id is None
    assert not settings.slack_configured and not settings.teams_configured


def test_readme_env_example_and_settings_name_one_default_group() -> None:
    default = Settings(_env_file=None).default_group_file  # type: ignore[call-arg]
    env_example = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()
    assert re.search(r"^DEFAULT_GROUP_FILE=(.*)$", env_example, re.M).group(1) == default  # type: ignore[union-attr]
    assert f"(`{default}`)" in readme
    assert default.endswith(bundled.examples()[0].name)


def test_the_postgres_extra_is_named_where_an_operator_looks() -> None:
    assert "govbot[postgres]" in (ROOT / ".env.example").read_text()
    assert "govbot[postgres]" in (ROOT / "README.md").read_text()
    assert 'postgres = ["psycopg[binary]' in (ROOT / "pyproject.toml").read_text()


def test_a_missing_database_driver_says_how_to_install_it(tmp_path: Path) -> None:
    # main() in this process, as tests/test_cli.py does for error messages: the import that fails is the same
    result = govbot_main("db", "upgrade", db=tmp_path / "unused.db",
                         DATABASE_URL="postgresql+asyncpg://govbot@127.0.0.1/govbot")
    assert result.returncode == 2
    assert "its driver (asyncpg) is not installed" in result.stderr
    assert "pip install 'govbot[postgres]'" in result.stderr and "Traceback" not in result.stderr


def test_example_tor_files_are_found_from_any_directory(tmp_path: Path) -> None:
    migrated(f"sqlite:///{tmp_path / 'g.db'}")  # a copy of a migrated record: this is about finding files
    result = govbot_main("console", "--group", "examples/004-cjcg.yaml", stdin="group info\n", db=tmp_path / "g.db",
                         cwd=tmp_path)  # main() in this process, run from a directory without the examples
    assert result.returncode == 0, result.stderr
    assert "Children's Joint Commissioning Group (cjcg)" in result.stdout


def test_the_shipped_files_are_the_ones_in_the_clone() -> None:
    assert [p.name for p in bundled.examples()] == sorted(p.name for p in (ROOT / "examples").glob("*.yaml"))
    assert (bundled.TEAMS_APP / "manifest.json").read_bytes() == (ROOT / "teams" / "manifest.json").read_bytes()


def test_the_teams_package_is_built_from_the_shipped_manifest_and_icons(tmp_path: Path) -> None:
    out = build_package("00000000-0000-0000-0000-000000000001", tmp_path / "app.zip")
    with zipfile.ZipFile(out) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        assert "00000000-0000-0000-0000-000000000001" in package.read("manifest.json").decode()
