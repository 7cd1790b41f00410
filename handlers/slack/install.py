"""Installing into many workspaces (OAuth): slack_sdk's SQLAlchemy stores, in govbot's own database."""

from __future__ import annotations

from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine

from bot.settings import Settings

# The least the bot needs; README "Connect to Slack" says why each is asked for. Keep slack/manifest.yml in step.
BOT_SCOPES = ("commands", "chat:write", "im:write", "channels:read", "groups:read")
STATE_EXPIRES_SECONDS = 600


def installation_store(settings: Settings, engine: Engine) -> SQLAlchemyInstallationStore:
    """Installations and bot tokens per workspace; migration 0005 creates the tables."""
    assert settings.slack_client_id, "installation_store needs SLACK_CLIENT_ID"
    return SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=engine)


def authorization_url(api_url: str) -> str:
    """Slack's consent page on the same host as its Web API (slack.com, or slack-gov.com for GovSlack)."""
    return api_url.rstrip("/").removesuffix("/api") + "/oauth/v2/authorize"


def oauth_settings(settings: Settings, engine: Engine) -> OAuthSettings:
    """`/slack/install` and `/slack/oauth_redirect`, with one-time states kept in the database."""
    assert settings.slack_client_id and settings.slack_client_secret, "OAuth needs SLACK_CLIENT_ID and _SECRET"
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret.get_secret_value(),
        scopes=list(BOT_SCOPES),
        installation_store=installation_store(settings, engine),
        state_store=SQLAlchemyOAuthStateStore(expiration_seconds=STATE_EXPIRES_SECONDS, engine=engine),
        authorization_url=authorization_url(settings.slack_api_url),
    )
