"""Installing into many workspaces (OAuth): slack_sdk's SQLAlchemy stores, in govbot's own database."""

from __future__ import annotations

import html
from collections.abc import Callable

from slack_bolt import BoltResponse
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from sqlalchemy import Engine

from bot.settings import Settings
from handlers.slack.install_states import SignedStateStore
from handlers.slack.sealed import SealedInstallationStore, token_key

# told the team id of each workspace that installs govbot (again), and its Grid organisation's id (the one id an
# org-wide install has)
Installed = Callable[[str | None, str | None], None]

# The least the bot needs; README "Connect to Slack" says why each is asked for. Keep slack/manifest.yml in step.
BOT_SCOPES = ("commands", "chat:write", "im:write", "channels:read", "groups:read")
STATE_EXPIRES_SECONDS = 600
INSTALL_PATH = "/slack/install"
NOT_INSTALLED = (f"govbot is not installed in this workspace — ask an admin to install it from {INSTALL_PATH} "
                 "on your govbot server.")


def installation_store(settings: Settings, engine: Engine) -> SealedInstallationStore:
    """Installations and bot tokens per workspace, sealed with SLACK_TOKEN_KEY (a DomainError says how to set it
    when it is missing); migration 0005 creates the tables."""
    assert settings.slack_client_id, "installation_store needs SLACK_CLIENT_ID"
    return SealedInstallationStore(settings.slack_client_id, engine, token_key(settings))


def authorization_url(api_url: str) -> str:
    """Slack's consent page on the same host as its Web API (slack.com, or slack-gov.com for GovSlack)."""
    return api_url.rstrip("/").removesuffix("/api") + "/oauth/v2/authorize"


def oauth_settings(settings: Settings, engine: Engine, installed: Installed | None = None) -> OAuthSettings:
    """`/slack/install` and `/slack/oauth_redirect`, with one-time states signed (install_states: a visit to the
    install page writes nothing); `installed` hears of each workspace whose admin approved the install."""
    assert settings.slack_client_id and settings.slack_client_secret, "OAuth needs SLACK_CLIENT_ID and _SECRET"
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret.get_secret_value(),
        scopes=list(BOT_SCOPES),
        installation_store=installation_store(settings, engine),
        state_store=SignedStateStore(settings.slack_client_secret.get_secret_value(), STATE_EXPIRES_SECONDS, engine),
        authorization_url=authorization_url(settings.slack_api_url),
        callback_options=CallbackOptions(success=on_success(installed) if installed else default_success,
                                         failure=not_installed),
    )


def on_success(installed: Installed) -> Callable[[SuccessArgs], BoltResponse]:
    def success(args: SuccessArgs) -> BoltResponse:
        if args.installation.team_id or args.installation.enterprise_id:
            installed(args.installation.team_id, args.installation.enterprise_id)
        return args.default.success(args)

    return success


def default_success(args: SuccessArgs) -> BoltResponse:
    return args.default.success(args)


# Why an install did not complete, in words an admin can act on. Bolt's own page printed whatever `error` the
# address carried (`?error=Your+workspace+is+suspended,+call+...`), as govbot's words on govbot's address.
FAILED_BECAUSE = {
    "access_denied": (200, "The install was cancelled on Slack's page, so nothing was installed."),
    "invalid_browser": (400, "This browser did not start the install (it holds no install cookie, or another "
                             "one): start again from the install page, in one browser."),
    "invalid_state": (401, "This install link was used already or has expired (links last ten minutes)."),
    "missing_code": (401, "Slack's answer carried no code, so nothing was installed."),
    "invalid_code": (401, "Slack did not accept the install's code (it may have been used already)."),
    "storage_error": (500, "govbot could not store the install; its operator will find why in the log. Nothing "
                           "was installed."),
}
ANY_OTHER = (400, "Slack did not complete the install, so nothing was installed.")


def not_installed(args: FailureArgs) -> BoltResponse:
    """The page an admin sees when an install fails: why, in fixed words (never what the address said), with the
    way back to the install page; the one-time state cookie is cleared as Bolt's own page clears it."""
    status, because = FAILED_BECAUSE.get(args.reason, ANY_OTHER)
    page = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>govbot was not installed</title></head>"
            f"<body><h1>govbot was not installed</h1><p>{html.escape(because)}</p><p>Try again from "
            f"<a href=\"{html.escape(INSTALL_PATH)}\">the install page</a>.</p></body></html>")
    return BoltResponse(status=status, body=page, headers={
        "Content-Type": "text/html; charset=utf-8",
        "Set-Cookie": args.settings.state_utils.build_set_cookie_for_deletion()})
