"""Delivering the scheduler's notifications to Slack: a channel, or a direct message to one person."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.ports import DeliveryFailed, Destination
from bot.replies import Reply
from bot.settings import Settings
from handlers.slack.client import web_client
from handlers.slack.render import message

# Errors no retry can cure: the channel is gone or archived, or the bot was removed from it.
PERMANENT = frozenset({"channel_not_found", "is_archived", "not_in_channel", "user_not_found", "account_inactive",
                       "invalid_auth", "token_revoked", "user_disabled", "cannot_dm_bot"})


class SlackNotifier:
    """Implements bot.ports.Notifier for platform "slack". 429s are retried by the client (bounded); when those
    retries run out, DeliveryFailed carries Slack's Retry-After so the outbox waits that long."""

    platform = "slack"

    def __init__(self, client: WebClient) -> None:
        self.client = client

    @classmethod
    def from_settings(cls, settings: Settings) -> SlackNotifier:
        assert settings.slack_bot_token is not None, "the Slack notifier needs SLACK_BOT_TOKEN"
        return cls(web_client(settings, settings.slack_bot_token.get_secret_value()))

    def send(self, destination: Destination, reply: Reply) -> None:
        try:
            self.client.chat_postMessage(channel=self.channel_for(destination), **message(reply))
        except SlackApiError as error:
            raise failure(error) from error

    def channel_for(self, destination: Destination) -> str:
        if destination.channel_id:
            return destination.channel_id
        if not destination.user_id:
            raise DeliveryFailed("the destination names neither a channel nor a person", permanent=True)
        opened = self.client.conversations_open(users=destination.user_id)
        return str(opened["channel"]["id"])


def failure(error: SlackApiError) -> DeliveryFailed:
    code = str(error.response.get("error") or "")
    if error.response.status_code == 429:
        headers = {key.lower(): value for key, value in error.response.headers.items()}
        retry_after = float(headers.get("retry-after", 60))
        return DeliveryFailed(f"Slack is rate limiting us ({code or 'ratelimited'})", retry_after=retry_after)
    return DeliveryFailed(f"Slack refused the message: {code or error}", permanent=code in PERMANENT)
