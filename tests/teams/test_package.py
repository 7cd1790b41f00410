"""`govbot teams package`: the app package Teams accepts, built with the configured app id."""

from __future__ import annotations

import json
import struct
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings import get_settings
from govbot.cli import main


@pytest.fixture(autouse=True)
def fresh_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)  # no .env from the working tree
    for name in ("TEAMS_APP_ID", "TEAMS_APP_SECRET", "TEAMS_TENANT_ID"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def png_size(data: bytes) -> tuple[int, int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height, _, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, colour


def test_the_package_has_the_manifest_with_the_app_id_and_both_icons(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = str(uuid.uuid4())
    monkeypatch.setenv("TEAMS_APP_ID", app_id)
    get_settings.cache_clear()
    out = tmp_path / "dist" / "govbot.zip"
    assert main(["--db", f"sqlite:///{tmp_path / 'g.db'}", "teams", "package", "--out", str(out)]) == 0
    assert "Upload an app" in capsys.readouterr().out
    with zipfile.ZipFile(out) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        assert manifest["id"] == app_id and manifest["bots"][0]["botId"] == app_id
        assert "{{" not in package.read("manifest.json").decode()
        assert png_size(package.read("color.png")) == (192, 192, 6)
        assert png_size(package.read("outline.png")) == (32, 32, 6)  # RGBA: transparent background


def test_without_an_app_id_it_says_what_to_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "govbot.zip"
    assert main(["--db", f"sqlite:///{tmp_path / 'g.db'}", "teams", "package", "--out", str(out)]) == 2
    assert "TEAMS_APP_ID is not set" in capsys.readouterr().err
    assert not out.exists()


def test_an_app_id_that_is_not_a_guid_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TEAMS_APP_ID", "my-bot")
    get_settings.cache_clear()
    assert main(["--db", f"sqlite:///{tmp_path / 'g.db'}", "teams", "package", "--out", str(tmp_path / "x.zip")]) == 2
    assert "is not an Application (client) ID" in capsys.readouterr().err
