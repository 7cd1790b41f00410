"""The app manifest a workspace admin pastes asks for exactly the scopes the bot uses, and routes to /slack/events."""

from __future__ import annotations

from pathlib import Path

import yaml

from handlers.slack.forms import SHORTCUTS
from handlers.slack.install import BOT_SCOPES
from handlers.slack.listeners.commands import COMMAND

MANIFEST = Path(__file__).resolve().parents[2] / "slack" / "manifest.yml"


def test_the_manifest_matches_the_app() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert manifest["oauth_config"]["scopes"]["bot"] == list(BOT_SCOPES)
    assert "user" not in manifest["oauth_config"]["scopes"]
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == [COMMAND]
    assert {s["callback_id"] for s in manifest["features"]["shortcuts"]} == set(SHORTCUTS)
    urls = {manifest["settings"]["interactivity"]["request_url"], manifest["settings"]["event_subscriptions"]["request_url"],
            *(c["url"] for c in manifest["features"]["slash_commands"])}
    assert {url.rsplit("/", 2)[-2:] == ["slack", "events"] for url in urls} == {True}
    # The Home tab, and the two events that tell govbot a workspace removed it (its tokens are then forgotten).
    assert manifest["settings"]["event_subscriptions"]["bot_events"] == ["app_home_opened", "app_uninstalled", "tokens_revoked"]
