"""The one way govbot builds a Slack WebClient: Slack's API host from the settings, bounded 429 retries, and one
TLS context for the process."""

from __future__ import annotations

import functools
import ssl

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.settings import Settings

# Each 429 waits Retry-After; past this many the caller gets the error (the outbox then retries later).
RATE_LIMIT_RETRIES = 3


@functools.cache
def tls() -> ssl.SSLContext:
    """The TLS context of every call to Slack: the Web API, and a response_url (Bolt's `respond` and govbot's own
    WebhookClients post there with the client's context). Given none, urllib made one for each call, loading the
    system's CA certificates again each time: some milliseconds of CPU a call, more than govbot's own work for a
    command. It verifies as urllib's own does."""
    return ssl.create_default_context()


def web_client(settings: Settings, token: str | None = None) -> WebClient:
    """A client for `settings.slack_api_url` (GovSlack: https://slack-gov.com/api/)."""
    # A plain-HTTP host (a Slack stand-in on this machine) needs no context: urllib keeps its one opener for it.
    context = tls() if settings.slack_api_url.startswith("https:") else None
    return WebClient(token=token, base_url=settings.slack_api_url, ssl=context,
                     retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=1),
                                     RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)])
