"""The one way govbot builds a Slack WebClient: Slack's API host from the settings and bounded 429 retries."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.settings import Settings

# Each 429 waits Retry-After; past this many the caller gets the error (the outbox then retries later).
RATE_LIMIT_RETRIES = 3


def web_client(settings: Settings, token: str | None = None) -> WebClient:
    """A client for `settings.slack_api_url` (GovSlack: https://slack-gov.com/api/)."""
    return WebClient(token=token, base_url=settings.slack_api_url,
                     retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=1),
                                     RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)])
