"""govbot's Slack WebClients share one TLS context for Slack's HTTPS hosts: without one, urllib made a new context
for every call to Slack (the Web API, a response_url), loading the system's CA certificates again each time, some
milliseconds of CPU a call, more than a whole command costs govbot's own code."""

from __future__ import annotations

import ssl

from pydantic import SecretStr

from bot.settings import Settings
from handlers.slack.client import web_client


def settings(api_url: str) -> Settings:
    return Settings(_env_file=None, slack_bot_token=SecretStr("xoxb-test"), slack_signing_secret=SecretStr("s"),
                    slack_api_url=api_url)


def test_every_client_for_an_https_host_verifies_with_one_shared_context() -> None:
    first, second = web_client(settings("https://slack.com/api/")), web_client(settings("https://slack-gov.com/api/"))
    assert isinstance(first.ssl, ssl.SSLContext)
    assert first.ssl is second.ssl
    assert first.ssl.verify_mode == ssl.CERT_REQUIRED and first.ssl.check_hostname  # verified as urllib's own


def test_a_plain_http_host_needs_no_tls_context() -> None:
    assert web_client(settings("http://127.0.0.1:9/api/")).ssl is None
