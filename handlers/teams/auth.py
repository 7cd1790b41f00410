"""Who the bot is to Microsoft Entra: the inbound JWT rules and the outbound token provider, from settings."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import jwt
from aiohttp import web
from aiohttp.typedefs import Handler
from microsoft_agents.authentication.msal import MsalAuth
from microsoft_agents.hosting.aiohttp import jwt_authorization_middleware
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
                                  anonymous_allowed=False,
                                  # Only the Bot Framework and this tenant's Entra issue tokens for the bot (the
                                  # SDK leaves the issuer unchecked unless asked).
                                  validate_issuer=True)


def connections(config: AgentAuthConfiguration, providers: TokenProviders | None = None) -> ConnectionManager:
    """The SDK's connection manager for outbound calls: MSAL against Entra, unless another token provider
    (one of the SDK's AccessTokenProviderBase implementations) is given."""
    return ConnectionManager(provider_factory=providers or MsalAuth,
                             connections_configurations={"SERVICE_CONNECTION": config})


REFUSED = {"error": "Invalid token or authentication failed."}  # the SDK's own words for a refused token


def readable(authorization: str) -> bool:
    """Whether a bearer token has the shape the Bot Framework issues: a JWT signed RS256 with a key id, whose
    audience and issuer are strings. The SDK's validator raises (a 500) on some other shapes, e.g. no `kid`;
    whether the token is genuine is still the SDK's check."""
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or not token.isascii():  # a JWT is base64url: ASCII
        return False
    try:
        header = jwt.get_unverified_header(token.strip())
        claims: Any = jwt.decode(token.strip(), options={"verify_signature": False})
    except jwt.PyJWTError:
        return False
    return (header.get("alg") == "RS256" and isinstance(header.get("kid"), str) and bool(header["kid"])
            and isinstance(claims, dict) and isinstance(claims.get("aud"), str) and isinstance(claims.get("iss"), str))


@web.middleware
async def tokens_checked(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The SDK's JWT middleware, with every token it cannot read refused as 401 rather than a 500, and nothing
    done for the request (the handler is only reached once the SDK has accepted the token)."""
    authorization = request.headers.get("Authorization")
    if authorization is not None and not readable(authorization):
        logger.warning("refused a Teams request: its token is not a Bot Framework token")
        return web.json_response(REFUSED, status=401)
    reached: list[bool] = []

    async def marked(checked: web.Request) -> web.StreamResponse:
        reached.append(True)
        return await handler(checked)

    try:
        response: web.StreamResponse = await jwt_authorization_middleware(request, marked)
        return response
    except Exception as error:
        if reached:
            raise  # the handler's own failure, for the web app's deliberate 500
        logger.warning("refused a Teams request: the token check failed (%s)", type(error).__name__)
        return web.json_response(REFUSED, status=401)
