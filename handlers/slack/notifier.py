"""Delivering the scheduler's notifications to Slack: a channel, or a direct message to one person."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.db import session_factory
from bot.ports import DeliveryFailed, Destination, Posted
from bot.replies import Reply
from bot.settings import Settings
from handlers.slack import people
from handlers.slack.client import web_client
from handlers.slack.install import installation_store
from handlers.slack.render import message

# Errors no retry can cure: the channel is gone or archived, or the bot was removed from it.
PERMANENT = frozenset({"channel_not_found", "is_archived", "not_in_channel", "user_not_found", "account_inactive",
                       "invalid_auth", "token_revoked", "user_disabled", "cannot_dm_bot"})
# A client for a workspace: its team id (None when unknown) and its Enterprise Grid organisation (None outside Grid).
ClientFor = Callable[[str | None, str | None], WebClient]


class SlackNotifier:
    """Implements bot.ports.Notifier for platform "slack". 429s are retried by the client (bounded); when those
    retries run out, DeliveryFailed carries Slack's Retry-After so the outbox waits that long."""

    platform = "slack"

    def __init__(self, client_for: ClientFor, sessions: sessionmaker[Session] | None = None) -> None:
        self.client_for = client_for
        self.sessions = sessions  # the record, to show people known only by their account by name (people.py)

    @classmethod
    def from_settings(cls, settings: Settings, engine: Engine | None = None) -> SlackNotifier:
        """One workspace (SLACK_BOT_TOKEN), or many: the token of the destination's workspace, from the installation
        store in `engine` (SLACK_CLIENT_ID set)."""
        sessions = session_factory(engine) if engine is not None else None
        if settings.slack_client_id and engine is not None:
            return cls(installed_clients(settings, engine), sessions)
        assert settings.slack_bot_token is not None, "the Slack notifier needs SLACK_BOT_TOKEN or SLACK_CLIENT_ID"
        client = web_client(settings, settings.slack_bot_token.get_secret_value())
        return cls(lambda team, enterprise: client, sessions)

    def send(self, destination: Destination, reply: Reply) -> Posted | None:
        conversation = destination.conversation or {}
        try:
            client = self.client_for(conversation.get("team_id"), conversation.get("enterprise_id"))
            posted = client.chat_postMessage(channel=self.channel_for(client, destination), **self.message(reply))
        except SlackApiError as error:
            raise failure(error) from error
        ts = posted.get("ts")
        return Posted(str(ts)) if ts else None

    def update(self, destination: Destination, posted: Posted, reply: Reply) -> None:
        """Put `reply` in place of the message `posted` in the destination's channel."""
        conversation = destination.conversation or {}
        try:
            client = self.client_for(conversation.get("team_id"), conversation.get("enterprise_id"))
            client.chat_update(channel=self.channel_for(client, destination), ts=posted.message, **self.message(reply))
        except SlackApiError as error:
            raise failure(error) from error

    def message(self, reply: Reply) -> dict[str, Any]:
        return message(people.named(self.sessions, reply) if self.sessions is not None else reply)

    @staticmethod
    def channel_for(client: WebClient, destination: Destination) -> str:
        if destination.channel_id:
            return destination.channel_id
        if not destination.user_id:
            raise DeliveryFailed("the destination names neither a channel nor a person", permanent=True)
        opened = client.conversations_open(users=destination.user_id)
        return str(opened["channel"]["id"])


def installed_clients(settings: Settings, engine: Engine) -> ClientFor:
    store = installation_store(settings, engine)

    def client_for(team: str | None, enterprise: str | None) -> WebClient:
        # In a Grid organisation: the workspace's own install, else the organisation's (org-wide, no team).
        bot = store.find_bot(enterprise_id=enterprise, team_id=team) or (store.find_bot(
            enterprise_id=enterprise, team_id=None, is_enterprise_install=True) if enterprise else None)
        if bot is None or not bot.bot_token:
            raise DeliveryFailed(f"govbot is not installed in Slack workspace {team or '(unknown)'}; "
                                 "its admin can install it from /slack/install", permanent=True)
        return web_client(settings, bot.bot_token)

    return client_for


def failure(error: SlackApiError) -> DeliveryFailed:
    code = str(error.response.get("error") or "")
    if error.response.status_code == 429:
        headers = {key.lower(): value for key, value in error.response.headers.items()}
        retry_after = float(headers.get("retry-after", 60))
        return DeliveryFailed(f"Slack is rate limiting us ({code or 'ratelimited'})", retry_after=retry_after)
    return DeliveryFailed(f"Slack refused the message: {code or error}", permanent=code in PERMANENT)
