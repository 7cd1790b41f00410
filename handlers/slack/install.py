"""Installing into many workspaces (OAuth): slack_sdk's SQLAlchemy stores, in govbot's own database."""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import BoltResponse
from slack_bolt.oauth.callback_options import CallbackOptions, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine

from bot.settings import Settings
from handlers.slack.sealed import SealedInstallationStore, token_key

Installed = Callable[[str], None]  # told the team id of each workspace that installs govbot (again)

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
    """`/slack/install` and `/slack/oauth_redirect`, with one-time states kept in the database; `installed` hears
    of each workspace whose admin approved the install."""
    assert settings.slack_client_id and settings.slack_client_secret, "OAuth needs SLACK_CLIENT_ID and _SECRET"
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret.get_secret_value(),
        scopes=list(BOT_SCOPES),
        installation_store=installation_store(settings, engine),
        state_store=SQLAlchemyOAuthStateStore(expiration_seconds=STATE_EXPIRES_SECONDS, engine=engine),
        authorization_url=authorization_url(settings.slack_api_url),
        callback_options=CallbackOptions(success=on_success(installed), failure=lambda args: args.default.failure(args))
        if installed else None,
    )


def on_success(installed: Installed) -> Callable[[SuccessArgs], BoltResponse]:
    def success(args: SuccessArgs) -> BoltResponse:
        if args.installation.team_id:
            installed(args.installation.team_id)
        return args.default.success(args)

    return success
