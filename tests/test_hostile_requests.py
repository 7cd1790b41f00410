"""Every request gets a deliberate answer: hostile and careless requests over real HTTP to the running app are
refused with 400, 401, 404, 405 or 413 (never a 500), change no row, leave no traceback in the log and cost only a
short line or two of it. Slack's are authenticated before anything reads the body; Teams' tokens of every
malformed shape are 401."""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import secrets
import socket
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from microsoft_agents.hosting.core.authorization import AuthenticationConstants, JwtTokenValidator
from pydantic import SecretStr
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from tests import loaded
from tests.conftest import Clock
from tests.front_door import Served, row_counts, served
from tests.slack.conftest import slack_terms
from tests.slack.fake_slack import fake_slack
from tests.teams.conftest import SDK_WARNINGS, TENANT

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

SECRET = secrets.token_hex(16)
APP_ID = str(uuid.uuid4())
KID = "hostile-test-key"
LOG_BYTES_PER_REFUSAL = 480  # the access line and at most two short refusal lines, each with its request id
FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Hostile:
    method: str
    path: str
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def now() -> str:
    return str(int(time.time()))  # Slack signs with the real time, so the test must too


def signed(body: str | bytes, *, content_type: str = FORM, secret: str = SECRET, timestamp: str | None = None,
           ) -> Hostile:
    """POST /slack/events with a correct signature (HMAC over the raw bytes, as Slack computes it)."""
    raw = body.encode() if isinstance(body, str) else body
    stamp = timestamp or now()
    digest = hmac.new(secret.encode(), b"v0:" + stamp.encode() + b":" + raw, hashlib.sha256).hexdigest()
    return Hostile("POST", "/slack/events", raw, {"X-Slack-Request-Timestamp": stamp,
                                                  "X-Slack-Signature": f"v0={digest}", "Content-Type": content_type})


def unsigned(body: bytes, **headers: str) -> Hostile:
    return Hostile("POST", "/slack/events", body, {"Content-Type": FORM, **headers})


def command(text: str = "meeting schedule 2026-12-10 10:00") -> str:
    return urlencode({"team_id": "T0GOV", "channel_id": "CCJCG0001", "user_id": "UALICE", "user_name": "alice",
                      "command": "/gov", "text": text, "response_url": "http://127.0.0.1:9/response/1"})


def part(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def claims(**changes: Any) -> dict[str, Any]:
    at = int(time.time())
    base = {"iss": AuthenticationConstants.AGENTS_SDK_TOKEN_ISSUER, "aud": APP_ID, "iat": at - 60, "nbf": at - 60,
            "exp": at + 3600, "serviceurl": "https://smba.trafficmanager.net/teams/"}
    return {k: v for k, v in {**base, **changes}.items() if v is not None}


@functools.cache
def rsa_key(whose: str) -> rsa.RSAPrivateKey:
    """The Bot Framework's signing key ("genuine") or a key nobody trusts ("stranger"), made at first use: each
    2048-bit key costs ~50-100 ms of CPU, and every xdist worker imports this module to collect it, most never
    running a test that signs."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def token(key: Any = None, headers: dict[str, Any] | None = None, algorithm: str = "RS256", **changes: Any) -> str:
    return jwt.encode(claims(**changes), key or rsa_key("genuine"), algorithm=algorithm, headers={"kid": KID} if headers is None else headers)


ACTIVITY = json.dumps({"type": "message", "id": "1", "channelId": "msteams", "text": "meeting schedule 2026-12-10 10:00",
                       "serviceUrl": "https://smba.trafficmanager.net/teams/", "from": {"id": "29:alice"},
                       "recipient": {"id": "28:govbot"}, "conversation": {"id": "19:x@thread.tacv2"}}).encode()


def teams(authorization: str | None, body: bytes = ACTIVITY) -> Hostile:
    headers = {"Content-Type": "application/json"}
    if authorization is not None:
        headers["Authorization"] = authorization
    return Hostile("POST", "/api/messages", body, headers)


def hand_signed(header: dict[str, Any], body: dict[str, Any]) -> str:
    """A token PyJWT would refuse to make (a numeric kid, a list issuer), signed RS256 with the genuine key."""
    message = f"{part(header)}.{part(body)}"
    signature = RSAAlgorithm(RSAAlgorithm.SHA256).sign(message.encode(), rsa_key("genuine"))
    return message + "." + base64.urlsafe_b64encode(signature).rstrip(b"=").decode()


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


SLACK_UNAUTHENTICATED: dict[str, tuple[Callable[[], Hostile], int]] = {
    "no headers at all": (lambda: unsigned(command().encode()), 401),
    "a timestamp and a body that is not UTF-8": (lambda: unsigned(b"\xff\xfe\x00junk", **{"X-Slack-Request-Timestamp": now()}), 401),
    "a timestamp and invalid JSON": (lambda: unsigned(b"{not json", **{"X-Slack-Request-Timestamp": now(), "Content-Type": "application/json"}), 401),
    "a timestamp and payload holding a list": (lambda: unsigned(b"payload=%5B1%2C2%5D", **{"X-Slack-Request-Timestamp": now()}), 401),
    "a timestamp and payload holding null": (lambda: unsigned(b"payload=null", **{"X-Slack-Request-Timestamp": now()}), 401),
    "a timestamp and a JSON list": (lambda: unsigned(b"[1, 2]", **{"X-Slack-Request-Timestamp": now(), "Content-Type": "application/json"}), 401),
    "a timestamp and deeply nested JSON": (lambda: unsigned(nested(50_000).encode(), **{"X-Slack-Request-Timestamp": now(), "Content-Type": "application/json"}), 401),
    "signed with another secret": (lambda: signed(command(), secret=secrets.token_hex(16)), 401),
    "signature of another body": (lambda: Hostile("POST", "/slack/events", command("group bind cjcg").encode(), signed(command()).headers), 401),
    "signature in the wrong scheme": (lambda: unsigned(command().encode(), **{"X-Slack-Request-Timestamp": now(), "X-Slack-Signature": "v1=" + "0" * 64}), 401),
    "signature in upper-case hex": (lambda: unsigned(command().encode(), **{"X-Slack-Request-Timestamp": now(), "X-Slack-Signature": signed(command()).headers["X-Slack-Signature"].upper()}), 401),
    "signature without a timestamp": (lambda: unsigned(command().encode(), **{"X-Slack-Signature": signed(command()).headers["X-Slack-Signature"]}), 401),
    "a stale timestamp": (lambda: signed(command(), timestamp=str(int(time.time()) - 330)), 401),
    "a future timestamp": (lambda: signed(command(), timestamp=str(int(time.time()) + 330)), 401),
    "a negative timestamp": (lambda: unsigned(command().encode(), **{"X-Slack-Request-Timestamp": "-5", "X-Slack-Signature": "v0=" + "0" * 64}), 401),
    "a timestamp of thirteen digits": (lambda: signed(command(), timestamp="1" * 13), 401),
    "a timestamp in scientific notation": (lambda: unsigned(command().encode(), **{"X-Slack-Request-Timestamp": "1e9", "X-Slack-Signature": "v0=" + "0" * 64}), 401),
    "a forged body of a megabyte less a byte": (lambda: unsigned(b"a" * (1024 * 1024 - 1), **{"X-Slack-Request-Timestamp": now(), "X-Slack-Signature": "v0=" + "1" * 64}), 401),
    "a body over the size limit": (lambda: unsigned(b"a" * (1024 * 1024 + 1), **{"X-Slack-Request-Timestamp": now()}), 413),
    "a genuinely signed body that is not UTF-8": (lambda: signed(b"text=\xff\xfe"), 401),
}

SLACK_SIGNED_JUNK: dict[str, tuple[Callable[[], Hostile], int]] = {
    "an empty body": (lambda: signed(""), 400),
    "invalid JSON": (lambda: signed("{not json", content_type="application/json"), 400),
    "a JSON list": (lambda: signed("[1, 2]", content_type="application/json"), 400),
    "JSON null": (lambda: signed("null", content_type="application/json"), 400),
    "JSON nested past any parser": (lambda: signed(nested(100_000), content_type="application/json"), 400),
    "payload holding a list": (lambda: signed("payload=%5B1%2C2%5D"), 400),
    "payload holding null": (lambda: signed("payload=null"), 400),
    "payload holding a string": (lambda: signed('payload="x"'), 400),
    "payload holding broken JSON": (lambda: signed("payload=%7B"), 400),
    "payload nested past any parser": (lambda: signed("payload=" + nested(100_000)), 400),
    "a body starting with a brace that is not JSON": (lambda: signed("{a=b"), 400),
    "a type that is not a string": (lambda: signed('{"type": 5}', content_type="application/json"), 400),
    "an object no listener handles": (lambda: signed('{"type": "nothing_we_know"}', content_type="application/json"), 404),
    "an event that is not an object": (lambda: signed('{"type": "event_callback", "event": "x"}', content_type="application/json"), 400),
    "a form that is not a command": (lambda: signed("foo=bar"), 404),
}

TEAMS_TOKENS: dict[str, Callable[[], Hostile]] = {
    "no Authorization header": lambda: teams(None),
    "an empty bearer": lambda: teams("Bearer "),
    "Basic, not Bearer": lambda: teams("Basic " + token()),
    "a bearer with two parts": lambda: teams("Bearer " + token() + " extra"),
    "not a JWT": lambda: teams("Bearer not-a-token"),
    "three parts that are not base64": lambda: teams("Bearer a.b.c"),
    "a header that is not JSON": lambda: teams("Bearer bm90IGpzb24." + part(claims()) + ".c2ln"),
    "claims that are not an object": lambda: teams("Bearer " + part({"alg": "RS256", "kid": KID}) + "." + part([1]) + ".c2ln"),
    "alg none": lambda: teams("Bearer " + jwt.encode(claims(), None, algorithm="none", headers={"kid": KID})),
    "alg none, unsigned by hand": lambda: teams("Bearer " + part({"alg": "none", "kid": KID}) + "." + part(claims()) + "."),
    "no kid": lambda: teams("Bearer " + token(headers={})),
    "an empty kid": lambda: teams("Bearer " + token(headers={"kid": ""})),
    "a kid that is a number": lambda: teams("Bearer " + hand_signed({"alg": "RS256", "kid": 7}, claims())),
    "HS256 keyed with a guess": lambda: teams("Bearer " + token(key="k" * 32, algorithm="HS256")),
    "signed by someone else's key": lambda: teams("Bearer " + token(rsa_key("stranger"))),
    "a tampered signature": lambda: teams("Bearer " + token()[:-4] + "AAAA"),
    "expired": lambda: teams("Bearer " + token(exp=int(time.time()) - 3600)),
    "not valid yet": lambda: teams("Bearer " + token(nbf=int(time.time()) + 3600)),
    "for another bot (audience)": lambda: teams("Bearer " + token(aud=str(uuid.uuid4()))),
    "an audience list": lambda: teams("Bearer " + token(aud=[APP_ID, "x"])),
    "from another issuer": lambda: teams("Bearer " + token(iss="https://evil.example/")),
    "no issuer": lambda: teams("Bearer " + token(iss=None)),
    "an issuer that is a list": lambda: teams("Bearer " + hand_signed({"alg": "RS256", "kid": KID},
                                                                      claims(iss=[claims()["iss"]]))),
    "a token of 8 kB": lambda: teams("Bearer " + "a" * 8000),
    "a token whose bytes are not UTF-8": lambda: teams("Bearer \xff\xfe." + part(claims()) + ".c2ln"),
    "PUT without a token": lambda: Hostile("PUT", "/api/messages", b"{}"),
    "no token and a body that is not JSON": lambda: teams(None, b"\xff not json"),
    "an expired token and a body that is not an Activity": lambda: teams("Bearer " + token(exp=1), b"[1]"),
}

ELSEWHERE: dict[str, tuple[Callable[[], Hostile], int]] = {
    "GET on the Slack route": (lambda: Hostile("GET", "/slack/events"), 405),
    "a header longer than aiohttp reads": (lambda: teams("Bearer " + "a" * 200_000), 400),
    "a path that does not exist": (lambda: Hostile("GET", "/admin"), 404),
    "a path climbing out": (lambda: Hostile("GET", "/calendar/../../etc/passwd"), 404),
    "a calendar without a token": (lambda: Hostile("GET", "/calendar/cjcg.ics"), 404),
    "a calendar with a wrong token": (lambda: Hostile("GET", "/calendar/cjcg.ics?token=" + "x" * 4000), 404),
    "POST on the health check": (lambda: Hostile("POST", "/healthz", b"x"), 405),
    "Teams: a genuine token and a charset nobody knows": (lambda: Hostile("POST", "/api/messages", ACTIVITY, {
        "Authorization": "Bearer " + token(), "Content-Type": "application/json; charset=no-such-charset"}), 400),
}

CASES: list[tuple[str, Callable[[], Hostile], int]] = [
    *((f"Slack, unauthenticated: {name}", make, status) for name, (make, status) in SLACK_UNAUTHENTICATED.items()),
    *((f"Slack, signed: {name}", make, status) for name, (make, status) in SLACK_SIGNED_JUNK.items()),
    *((f"Teams: {name}", make, 401) for name, make in TEAMS_TOKENS.items()),
    *((name, make, status) for name, (make, status) in ELSEWHERE.items()),
]


class LocalKey:
    """The Bot Framework's signing key, as the SDK's key fetcher (its one seam) would find it: only the genuine key, by KID."""

    async def get_signing_key(self, jwks_uri: str, header: dict[str, Any]) -> jwt.PyJWK:
        assert header["kid"] == KID, "the SDK asked for a key the Bot Framework never published"
        return jwt.PyJWK({**RSAAlgorithm.to_jwk(rsa_key("genuine").public_key(), as_dict=True), "kid": KID, "alg": "RS256"})


@pytest.fixture
def app(sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    monkeypatch.setattr(JwtTokenValidator, "_jwk_client_manager", LocalKey())
    clock = Clock()
    loaded.load(sessions, slack_terms("cjcg"), clock())
    with fake_slack() as fake:
        settings = Settings(_env_file=None, slack_bot_token=SecretStr("xoxb-" + secrets.token_hex(12)),  # type: ignore[call-arg]
                            slack_signing_secret=SecretStr(SECRET), slack_api_url=fake.url,
                            teams_app_id=APP_ID, teams_app_secret=SecretStr(uuid.uuid4().hex), teams_tenant_id=TENANT)
        with served(settings, sessions, clock) as running:
            yield running


def send(url: str, hostile: Hostile) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url + hostile.path, data=hostile.body or None, headers=hostile.headers,
                                     method=hostile.method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_there_are_at_least_fifty_hostile_requests() -> None:
    assert len(CASES) >= 50


@pytest.mark.parametrize(("name", "make", "status"), CASES, ids=[name for name, _, _ in CASES])
def test_a_hostile_request_gets_a_deliberate_answer_and_changes_nothing(
        app: Served, sessions: sessionmaker[Session], name: str, make: Callable[[], Hostile], status: int) -> None:
    before, logged = row_counts(sessions), len(app.logged())
    answered, headers, body = send(app.url, make())
    assert answered == status, (name, body[:300])
    assert row_counts(sessions) == before
    assert headers.get("Server") == "govbot"
    assert b"Traceback" not in body and b"File \"" not in body
    log = app.logged()[logged:]
    assert "Traceback" not in log and "incident" not in log, log  # no failure of ours, no traceback
    assert len(log.encode()) < LOG_BYTES_PER_REFUSAL, log
    assert SECRET not in log and "xoxb-" not in log and "eyJ" not in log  # neither secret, token nor JWT


def test_a_flood_of_forged_requests_costs_a_bounded_log(app: Served, sessions: sessionmaker[Session]) -> None:
    before, logged = row_counts(sessions), len(app.logged())
    forged = unsigned(b"user_id=UALICE&text=vote+1+2&" + b"x" * 200_000,
                      **{"X-Slack-Request-Timestamp": now(), "X-Slack-Signature": "v0=" + "2" * 64})
    for _ in range(20):
        assert send(app.url, forged)[0] == 401
    first = app.logged()[logged:]
    assert len(first.encode()) < 20 * 300  # an access line and a refusal line each, with their request ids
    for _ in range(40):
        assert send(app.url, forged)[0] == 401
    log = app.logged()[logged:]
    assert len(log.encode()) - len(first.encode()) < 40 * 100  # past the burst: the access line alone
    assert log.count("refused a request to /slack/events") == 20
    assert "vote" not in log and "UALICE" not in log
    assert row_counts(sessions) == before


def test_a_malformed_http_request_names_no_server_software(app: Served) -> None:
    host, port = app.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(b"NOT HTTP AT ALL\r\n\r\n")
        answer = connection.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.") and " 400 " in answer.splitlines()[0]
    assert "Server: govbot" in answer
    assert "aiohttp" not in answer and "Python" not in answer


def test_a_signed_request_from_slack_still_works(app: Served, sessions: sessionmaker[Session]) -> None:
    verifier = SignatureVerifier(SECRET)
    body, stamp = command("help"), now()
    request = Hostile("POST", "/slack/events", body.encode(),
                      {"X-Slack-Request-Timestamp": stamp, "Content-Type": FORM,
                       "X-Slack-Signature": verifier.generate_signature(timestamp=stamp, body=body)})
    status, headers, answer = send(app.url, request)
    assert status == 200 and b"meeting schedule" in answer
    assert headers.get("Server") == "govbot"


def test_a_failure_nobody_foresaw_is_a_500_with_an_incident_id_and_one_short_line(
        app: Served, sessions: sessionmaker[Session]) -> None:
    with sessions() as session, session.begin():  # the record loses the table the calendar feed reads
        session.execute(text("DROP TABLE calendar_feeds"))
    logged = len(app.logged())
    secret_token = secrets.token_urlsafe(24)
    status, _, answer = send(app.url, Hostile("GET", f"/calendar/cjcg.ics?token={secret_token}"))
    assert status == 500
    said = json.loads(answer)
    assert said["error"].startswith("Something went wrong on govbot's side") and said["incident"] in said["error"]
    assert "calendar_feeds" not in answer.decode() and "Traceback" not in answer.decode()
    log = app.logged()[logged:]
    incident = [line for line in log.splitlines() if said["incident"] in line]
    assert len(incident) == 1 and "OperationalError" in incident[0] and len(incident[0]) < 1000
    assert "Traceback" not in log and secret_token not in log and "calendar_feeds" not in log
