"""With credentials configured, /api/messages takes only tokens the Bot Framework would issue for this bot."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Iterator
from typing import Any

import jwt
import pytest
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from microsoft_agents.hosting.core import OutboundHostValidator
from microsoft_agents.hosting.core.authorization import AuthenticationConstants, JwtTokenValidator
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.errors import DomainError
from bot.models import Meeting
from bot.settings import Settings
from handlers.teams import mount
from tests.conftest import START
from tests.teams.conftest import SDK_WARNINGS, TENANT, FakeEntra, Teams, serve, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

APP_ID = str(uuid.uuid4())
ISSUER = AuthenticationConstants.AGENTS_SDK_TOKEN_ISSUER  # https://api.botframework.com
KID = "test-key"


class LocalKeys:
    """Stands in for the SDK's JWKS key fetcher (JwtTokenValidator._jwk_client_manager, the one seam the SDK has;
    its own tests replace it the same way). It fetches the signing key over real HTTP from a JWKS endpoint on
    127.0.0.1 with PyJWT's client, and records which URL the SDK asked for."""

    def __init__(self, jwks_url: str) -> None:
        self.client = jwt.PyJWKClient(jwks_url)
        self.asked: list[str] = []

    async def get_signing_key(self, jwks_uri: str, header: dict[str, Any]) -> jwt.PyJWK:
        self.asked.append(jwks_uri)
        return await asyncio.to_thread(self.client.get_signing_key, header["kid"])


@pytest.fixture(scope="session")
def signing_key() -> rsa.RSAPrivateKey:
    """The key the Bot Framework signs its tokens with here: one for the run (each test still serves it afresh),
    as a 2048-bit key costs ~50 ms of CPU to make. A test that needs a key nobody trusts makes its own."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def settings() -> Iterator[Settings]:
    yield Settings(_env_file=None, teams_app_id=APP_ID, teams_app_secret=uuid.uuid4().hex, teams_tenant_id=TENANT)


def token(key: rsa.RSAPrivateKey, service_url: str, *, audience: str = APP_ID, expires_in: float = 3600) -> str:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": audience, "iat": now - 60, "nbf": now - 60, "exp": int(now + expires_in),
              "serviceurl": service_url}
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": KID})


def meetings(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(Meeting)) or 0


# The fake connector is plain HTTP on 127.0.0.1, which the SDK's outbound host check (on by default with
# credentials) rightly refuses; the tests about tokens switch that check off, one test below keeps it on.
LOCAL_CONNECTOR = OutboundHostValidator(enabled=False)


async def scenario(sessions: sessionmaker[Session], settings: Settings, key: rsa.RSAPrivateKey,
                   monkeypatch: pytest.MonkeyPatch, authorization: str | None,
                   make: Any = None, hosts: OutboundHostValidator | None = LOCAL_CONNECTOR,
                   ) -> tuple[int, Teams, LocalKeys]:
    jwks = web.Application()
    public = {**RSAAlgorithm.to_jwk(key.public_key(), as_dict=True), "kid": KID, "use": "sig", "alg": "RS256"}

    async def keys_endpoint(request: web.Request) -> web.Response:
        return web.json_response({"keys": [public]})

    jwks.router.add_get("/keys", keys_endpoint)
    async with serve(jwks) as jwks_url, teams_world(sessions, settings, token_providers=FakeEntra,
                                                    host_validator=hosts) as teams:
        keys = LocalKeys(jwks_url + "/keys")
        monkeypatch.setattr(JwtTokenValidator, "_jwk_client_manager", keys)
        header = make(teams) if make else authorization
        teams.headers = lambda: {"Authorization": header} if header else {}
        response = await teams.post(teams.activity("alice", type="message", text="gov meeting schedule 2026-12-10 10:00"))
        return response.status, teams, keys


def test_a_token_from_the_bot_framework_for_this_bot_is_accepted(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)

    async def run() -> None:
        status, teams, keys = await scenario(
            sessions, settings, signing_key, monkeypatch, None,
            make=lambda teams: "Bearer " + token(signing_key, teams.connector.url))
        assert status == 202
        assert keys.asked == [AuthenticationConstants.PUBLIC_ABS_JWKS_URL]  # where the SDK looks in production
        reply = teams.connector.sent()[-1]
        assert "Meeting 1 scheduled" in reply.body["attachments"][0]["content"]["body"][1]["text"]
        assert meetings(sessions) == 1
        assert reply.authorization is not None and reply.authorization.removeprefix("Bearer ") in FakeEntra.issued

    asyncio.run(run())
    assert settings.teams_app_secret is not None
    assert settings.teams_app_secret.get_secret_value() not in caplog.text  # not even at DEBUG


@pytest.mark.parametrize("case", ["missing", "expired", "wrong audience", "signed by someone else", "not bearer"])
def test_a_request_without_a_valid_token_is_refused_with_401(
        case: str, sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch) -> None:
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def header(teams: Teams) -> str | None:
        url = teams.connector.url
        return {"missing": None,
                "expired": "Bearer " + token(signing_key, url, expires_in=-3600),  # well past the SDK's leeway
                "wrong audience": "Bearer " + token(signing_key, url, audience=str(uuid.uuid4())),
                "signed by someone else": "Bearer " + token(stranger, url),
                "not bearer": "Basic " + token(signing_key, url)}[case]

    async def run() -> None:
        status, teams, _ = await scenario(sessions, settings, signing_key, monkeypatch, None, make=header)
        assert status == 401
        assert teams.connector.calls == []  # nothing was said
        assert meetings(sessions) == 0  # and nothing recorded

    asyncio.run(run())


def test_with_credentials_replies_go_only_to_microsofts_connector_hosts(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A valid token replayed with a serviceUrl of someone else's choosing must not get the bot's token sent there."""
    async def run() -> None:
        status, teams, _ = await scenario(
            sessions, settings, signing_key, monkeypatch, None, hosts=None,
            make=lambda teams: "Bearer " + token(signing_key, teams.connector.url))
        assert status == 401
        assert teams.connector.calls == [] and meetings(sessions) == 0

    asyncio.run(run())


def test_anonymous_mode_is_only_on_when_asked_for_and_says_so_loudly(
        sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(DomainError, match="Teams needs TEAMS_APP_SECRET, TEAMS_TENANT_ID"):
        mount(web.Application(), Settings(_env_file=None, teams_app_id=APP_ID), sessions, lambda: START)
    mount(web.Application(), Settings(_env_file=None, teams_anonymous=True), sessions, lambda: START)
    warning = next(r for r in caplog.records if r.levelno == logging.WARNING)
    assert "WITHOUT checking who sent them" in warning.getMessage()
