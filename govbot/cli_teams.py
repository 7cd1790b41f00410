"""`govbot` subcommands for Microsoft Teams: the app package."""

from __future__ import annotations

import argparse
import json
import re
import zipfile
from pathlib import Path

from bot.errors import DomainError
from bot.settings import get_settings
from govbot.bundled import TEAMS_APP

FILES = ("manifest.json", "color.png", "outline.png")
PLACEHOLDER = "{{TEAMS_APP_ID}}"
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands to the `govbot` parser."""
    teams = sub.add_parser("teams", help="Microsoft Teams").add_subparsers(dest="teams_command", required=True)
    package = teams.add_parser("package", help="build the Teams app package (manifest and icons) to upload")
    package.add_argument("--out", default="govbot-teams.zip", help="the zip file to write (default: %(default)s)")
    package.set_defaults(func=cmd_package)


def cmd_package(args: argparse.Namespace) -> int:
    path = build_package(get_settings().teams_app_id, Path(args.out))
    print(f"Wrote {path}. Upload it in Teams: Apps > Manage your apps > Upload an app "
          "(or have your Teams administrator add it in the Teams admin centre).")
    return 0


def build_package(app_id: str | None, out: Path, source: Path = TEAMS_APP) -> Path:
    """Zip the manifest (with `app_id` filled in) and the icons into `out`.

    Raises DomainError when the app id is unset or not the GUID of an Entra app registration.
    """
    if not app_id:
        raise DomainError("TEAMS_APP_ID is not set. Put the Application (client) ID of the bot's Entra app "
                          "registration in .env (see README 'Connect to Teams'), then run this again.")
    if not GUID.match(app_id):
        raise DomainError(f"TEAMS_APP_ID {app_id[:60]!r} is not an Application (client) ID; it looks like "
                          "00000000-0000-0000-0000-000000000000 on the app registration's Overview page.")
    manifest = (source / "manifest.json").read_text(encoding="utf-8").replace(PLACEHOLDER, app_id)
    json.loads(manifest)  # a broken template must not reach Teams as a package it rejects without saying why
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", manifest)
        for icon in FILES[1:]:
            package.write(source / icon, icon)
    return out
