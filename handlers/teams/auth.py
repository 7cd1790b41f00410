"""Who the bot is to Microsoft Entra: the inbound JWT rules and the outbound token provider, from settings."""

from __future__ import annotations

import logging
from collections.abc import Callable

from microsoft_agents.authentication.msal import MsalAuth
from microsoft_agents.hosting.core import AccessTokenProviderBase, AgentAuthConfiguration, ConnectionManager

from bot.errors import DomainError
from bot.settings import Settings

logger = logging.getLogger(__name__)

TokenProviders = Callable[[AgentAuthConfiguration], AccessTokenProviderBase]

ANONYMOUS_WARNING = (
    "TEAMS_ANONYMOUS=true: the Teams endpoint /api/messages accepts requests WITHOUT checking who sent them, and "
    "replies are sent without credentials. Use this only for local testing (Agents Playground); never in "
    "production. Set TEAMS_APP_ID, TEAMS_APP_SECRET and TEAMS_TENANT_ID and remove TEAMS_ANONYMOUS to turn "
    "token checks on."
)


def configuration(settings: Settings) -> AgentAuthConfiguration:
    """The SDK's auth configuration: the app registration's id, secret and tenant, with JWT checks on.

    Raises DomainError naming the missing settings when Teams is neither configured nor explicitly anonymous.
    """
    if settings.teams_anonymous:
        logger.warning("!" * 20 + " %s " + "!" * 20, ANONYMOUS_WARNING)
        return AgentAuthConfiguration(client_id=settings.teams_app_id or None, tenant_id=settings.teams_tenant_id,
                                      anonymous_allowed=True)
    if not settings.teams_configured:
        missing = [name for name, value in (("TEAMS_APP_ID", settings.teams_app_id),
                                            ("TEAMS_APP_SECRET", settings.teams_app_secret),
                                            ("TEAMS_TENANT_ID", settings.teams_tenant_id)) if not value]
        raise DomainError(f"Teams needs {', '.join(missing)} (from the bot's Entra app registration; see README "
                          "'Connect to Teams'). For local testing only, TEAMS_ANONYMOUS=true runs without them.")
    secret = settings.teams_app_secret.get_secret_value() if settings.teams_app_secret else None
    return AgentAuthConfiguration(client_id=settings.teams_app_id, tenant_id=settings.teams_tenant_id,
                                  client_secret=secret, connection_name="SERVICE_CONNECTION",
                                  anonymous_allowed=False)


def connections(config: AgentAuthConfiguration, providers: TokenProviders | None = None) -> ConnectionManager:
    """The SDK's connection manager for outbound calls: MSAL against Entra, unless another token provider
    (one of the SDK's AccessTokenProviderBase implementations) is given."""
    return ConnectionManager(provider_factory=providers or MsalAuth,
                             connections_configurations={"SERVICE_CONNECTION": config})
