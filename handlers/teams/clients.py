"""The clients a Teams turn talks to the Bot Connector (and the token service) with, on one connection pool.

The SDK's factory gives every turn a new aiohttp ClientSession with a connection pool of its own, so each turn
opened a new TCP (and, against Teams, TLS) connection to the serviceUrl and closed it at the turn's end. Here the
turn's clients share one pool for the web application's life: a turn still gets its own session, headers and
token (asked of the app's token provider on every turn, as the SDK does, which refreshes it), and the adapter
still closes that session at the turn's end; only the connections behind it are kept and reused. The serviceUrl
checks are the adapter's and are unchanged.
"""

from __future__ import annotations

import asyncio
import functools

from aiohttp import ClientSession, TCPConnector
from microsoft_agents.activity import RoleTypes
from microsoft_agents.hosting.core import RestChannelServiceClientFactory, TurnContext
from microsoft_agents.hosting.core.authorization import ClaimsIdentity
from microsoft_agents.hosting.core.connector import ConnectorClientBase, UserTokenClient, get_product_info
from microsoft_agents.hosting.core.connector.client import connector_client, user_token_client
from microsoft_agents.hosting.core.connector.teams import TeamsConnectorClient

# The SDK names itself in a User-Agent header that it works out anew for each client it makes, two a turn, by
# searching every installed package's metadata (~0.2 ms of CPU each): the same answer each time, worked out once.
connector_client.get_product_info = functools.cache(get_product_info)  # type: ignore[attr-defined]
user_token_client.get_product_info = connector_client.get_product_info  # type: ignore[attr-defined]


class PooledClients(RestChannelServiceClientFactory):
    """The SDK's RestChannelServiceClientFactory, with the sessions it makes on one shared connection pool."""

    _pool: TCPConnector | None = None
    _loop: asyncio.AbstractEventLoop | None = None

    def _session(self, endpoint: str) -> ClientSession:
        """A session for one turn at `endpoint` on the shared pool (made in the running loop when first needed,
        or again once closed), which closing the session leaves open."""
        loop = asyncio.get_running_loop()
        if self._pool is None or self._pool.closed or self._loop is not loop:
            self._pool, self._loop = TCPConnector(), loop
        return ClientSession(base_url=endpoint if endpoint.endswith("/") else endpoint + "/", connector=self._pool,
                             connector_owner=False)

    async def close(self) -> None:
        """Close the pool's connections (when the web application stops)."""
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    async def create_connector_client(self, context: TurnContext | None, claims_identity: ClaimsIdentity,
                                      service_url: str, audience: str, scopes: list[str] | None = None,
                                      use_anonymous: bool = False) -> ConnectorClientBase:
        """The SDK's client for the turn's serviceUrl, with the token the SDK would give it. Agentic requests and
        Copilot Studio's connector are left to the SDK as they were."""
        activity = context.activity if context is not None else None
        if not service_url or not audience or activity is None or activity.is_agentic_request() or (
                activity.recipient is not None and activity.recipient.role == RoleTypes.connector_user):
            return await super().create_connector_client(context, claims_identity, service_url, audience, scopes,
                                                         use_anonymous)
        provider = self._ANONYMOUS_TOKEN_PROVIDER if use_anonymous else \
            self._connection_manager.get_token_provider(claims_identity, service_url)
        token = await provider.get_access_token(audience, scopes or claims_identity.get_token_scope())
        return TeamsConnectorClient(endpoint=service_url, token=token, session=self._session(service_url))

    async def create_user_token_client(self, context: TurnContext, claims_identity: ClaimsIdentity,
                                       use_anonymous: bool = False) -> UserTokenClient:
        """The SDK's client for the token service, with the token the SDK would give it, on the shared pool. An
        agentic request, or a token the provider does not give, is left to the SDK as it was."""
        if not use_anonymous and (context.activity is None or context.activity.is_agentic_request()):
            return await super().create_user_token_client(context, claims_identity, use_anonymous)
        token = ""
        if not use_anonymous:
            provider = self._connection_manager.get_token_provider(claims_identity, self._token_service_endpoint)
            token = await provider.get_access_token(self._token_service_audience, claims_identity.get_token_scope())
            if not token:
                return await super().create_user_token_client(context, claims_identity, use_anonymous)
        return UserTokenClient(app_id=claims_identity.get_app_id(), endpoint=self._token_service_endpoint,
                               token=token, session=self._session(self._token_service_endpoint))
