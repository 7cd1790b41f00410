"""Activities that come with a genuine token for this bot but are not what Teams sends (played as an attacker
holding a token, or a Teams client that mangles its data): each gets a bare 4xx over real HTTP, never a 500 or a
traceback, and changes nothing. The token's `serviceurl` claim names where the bot may answer; an activity of
another tenant than the bot's (a single-tenant registration) is refused."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from typing import Any

import jwt
import pytest
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from microsoft_agents.hosting.core import OutboundHostValidator
from microsoft_agents.hosting.core.authorization import JwtTokenValidator
from sqlalchemy.orm import Session, sessionmaker

from bot.ports import DeliveryFailed, Destination
from bot.replies import Reply
from bot.settings import Settings
from handlers.teams.notifier import TeamsNotifier
from tests.front_door import row_counts
from tests.teams.conftest import BOT, CHANNEL, SDK_WARNINGS, TENANT, FakeEntra, Teams, serve, teams_world
from tests.teams.test_jwt import APP_ID, KID, LOCAL_CONNECTOR, LocalKeys, settings, signing_key, token

__all__ = ["settings", "signing_key"]

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

SCHEDULE = "gov meeting schedule 2026-12-10 10:00"
OTHER_TENANT = str(uuid.uuid4())
Shape = Callable[[Teams], Any]  # an activity, or the raw bytes of a body


def message(teams: Teams, **fields: Any) -> dict[str, Any]:
    return teams.activity("alice", type="message", text=SCHEDULE, **fields)


def without(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != key}


def card_action(teams: Teams, value: Any) -> dict[str, Any]:
    return teams.activity("alice", type="invoke", name="adaptiveCard/action", value=value)


def mentioning(teams: Teams, text: str, mention: dict[str, Any]) -> dict[str, Any]:
    """alice says `text` to the bot, with `mention` among the message's mention entities."""
    return teams.activity("alice", type="message", text=f"<at>govbot</at> {text}", textFormat="plain",
                          entities=[{"type": "mention", "text": "<at>govbot</at>", "mentioned": BOT}, mention])


def from_another_tenant(teams: Teams) -> dict[str, Any]:
    activity = message(teams)
    activity["conversation"]["tenantId"] = OTHER_TENANT
    activity["channelData"]["tenant"] = {"id": OTHER_TENANT}
    return activity


def naming_no_tenant(teams: Teams) -> dict[str, Any]:
    activity = message(teams)
    del activity["conversation"]["tenantId"], activity["channelData"]["tenant"]
    return activity


def through_web_chat(teams: Teams) -> dict[str, Any]:
    """What the Bot Framework relays from Web Chat (on for every Azure Bot) or Direct Line, with a genuine token:
    the sender is whoever the client says, here the CJCG chair's Entra object id, and the conversation is the
    channel's own. It bound that conversation to the CJCG as alice, who could then be anyone of the tenant."""
    activity = teams.activity("alice", type="message", text="<at>govbot</at> group bind cjcg",
                              entities=[{"type": "mention", "text": "<at>govbot</at>", "mentioned": BOT}])
    return {**activity, "channelId": "webchat", "from": {"id": "aad-alice", "name": "Alice"},
            "conversation": {"id": "dl-conversation-1"}, "channelData": {"tenant": {"id": TENANT}}}


NOT_AS_TEAMS_SENDS: dict[str, tuple[Shape, int]] = {
    "no sender": (lambda t: without(message(t), "from"), 400),
    "a sender that is not an object": (lambda t: {**message(t), "from": "alice"}, 400),
    "a sender without an id": (lambda t: {**message(t), "from": {"name": "Alice"}}, 400),
    "a sender id longer than any Teams gives": (lambda t: {**message(t), "from": {"id": "29:" + "x" * 300}}, 400),
    "text that is a number": (lambda t: {**message(t), "text": 5}, 400),
    "members added that are not accounts": (
        lambda t: t.activity("alice", type="conversationUpdate", membersAdded=[{"id": 5}]), 400),
    "a card action whose value is text": (lambda t: card_action(t, "vote 1 1"), 400),
    "a card action without its action": (lambda t: card_action(t, {}), 400),
    "a card action whose data is a list": (
        lambda t: card_action(t, {"action": {"type": "Action.Execute", "verb": "gov", "data": [1]}}), 400),
    "a card action whose verb is a number": (
        lambda t: card_action(t, {"action": {"type": "Action.Execute", "verb": 1, "data": {}}}), 400),
    "an invoke govbot has no use for": (
        lambda t: t.activity("alice", type="invoke", name="composeExtension/query", value={}), 400),
    "a card action with a verb govbot never gave": (
        lambda t: card_action(t, {"action": {"type": "Action.Execute", "verb": "other", "data": {}}}), 400),
    "a mention of an id no account has": (lambda t: mentioning(t, "deputy <at>Bob</at>", {
        "type": "mention", "text": "<at>Bob</at>", "mentioned": {"id": "29:bob> --for <@29:carol", "name": "Bob"}}), 400),
    "a mention whose text is not a mention": (lambda t: mentioning(t, "vote 1 1", {
        "type": "mention", "text": "1", "mentioned": {"id": "29:bob", "name": "Bob"}}), 400),
    "a serviceUrl other than the token's": (lambda t: {**message(t), "serviceUrl": "http://127.0.0.1:9/"}, 401),
    "a conversation of another tenant": (from_another_tenant, 403),
    "an activity naming no tenant": (naming_no_tenant, 403),
    "an activity from Web Chat, its sender named by the client": (through_web_chat, 403),
    "JSON nested past any parser": (lambda t: b"[" * 100_000 + b"]" * 100_000, 400),
    "an activity nested past any parser": (lambda t: ('{"type": "message", "value": ' + "[" * 100_000
                                                      + "]" * 100_000 + "}").encode(), 400),
    "no recipient": (lambda t: without(message(t), "recipient"), 400),
    # Ids with a NUL failed the turn on PostgreSQL (a traceback; the sender told something went wrong), and ids
    # longer than the record's columns too; SQLite kept them.
    "a sender id with a NUL": (lambda t: {**message(t), "from": {"id": "29:ali\x00ce", "name": "Alice"}}, 400),
    "a sender's Entra id with a control character": (
        lambda t: {**message(t), "from": {"id": "29:alice", "aadObjectId": "aad-\x01alice"}}, 400),
    "a conversation id longer than any Teams gives": (lambda t: {**message(t), "conversation": {
        **message(t)["conversation"], "id": "19:" + "x" * 300 + "@thread.tacv2"}}, 400),
    "a conversation id with a NUL": (lambda t: {**message(t), "conversation": {
        **message(t)["conversation"], "id": "19:cjcg\x00@thread.tacv2"}}, 400),
    "a member added whose id holds a NUL": (
        lambda t: t.activity("alice", type="conversationUpdate", membersAdded=[{"id": "29:b\x00b", "name": "B"}]), 400),
    "a mention whose Entra id holds a NUL": (lambda t: mentioning(t, "deputy <at>Bob</at>", {
        "type": "mention", "text": "<at>Bob</at>", "mentioned": {"id": "29:bob", "aadObjectId": "aad\x00bob"}}), 400),
    "a channel name that is not text": (lambda t: {**message(t), "channelData": {
        **message(t)["channelData"], "channel": {"id": CHANNEL, "name": {"text": "CJCG"}}}}, 400),
    # The answer is posted to `v3/conversations/<conversation>/activities/<id>`, both unescaped: the first and last
    # had the answer posted into another conversation (a member's own chat with the bot, say), and a card submit's
    # replyToId names the message the bot replaces; a longer id than any Teams gives failed the turn after the
    # command was recorded.
    "an activity id that climbs out to another conversation": (lambda t: {
        **message(t), "id": "1/../../../a:1-alice-personal/activities/7"}, 400),
    "a replyToId that climbs out to another conversation": (lambda t: {
        **message(t), "replyToId": "1/../../../a:1-alice-personal/activities/7"}, 400),
    "an activity id longer than any Teams gives": (lambda t: {**message(t), "id": "1" * 300}, 400),
    "a conversation id that climbs out to another conversation": (lambda t: {**message(t), "conversation": {
        **message(t)["conversation"], "id": "19:cjcg-general@thread.tacv2/../a:1-alice-personal"}}, 400),
}


async def send(sessions: sessionmaker[Session], settings: Settings, key: rsa.RSAPrivateKey,
               monkeypatch: pytest.MonkeyPatch, shape: Shape,
               hosts: OutboundHostValidator | None = LOCAL_CONNECTOR,
               make_token: Callable[[rsa.RSAPrivateKey, str], str] = token) -> tuple[int, str, Teams]:
    """Post `shape`'s activity to the bot with a genuine token for it (`make_token`'s, given the key and the fake
    connector's address: by default the Bot Framework's, naming the connector as serviceurl)."""
    public = {**RSAAlgorithm.to_jwk(key.public_key(), as_dict=True), "kid": KID, "use": "sig", "alg": "RS256"}
    jwks = web.Application()

    async def keys_endpoint(request: web.Request) -> web.Response:
        return web.json_response({"keys": [public]})

    jwks.router.add_get("/keys", keys_endpoint)
    async with serve(jwks) as jwks_url, teams_world(sessions, settings, token_providers=FakeEntra,
                                                    host_validator=hosts) as teams:
        monkeypatch.setattr(JwtTokenValidator, "_jwk_client_manager", LocalKeys(jwks_url + "/keys"))
        bearer = "Bearer " + make_token(key, teams.connector.url)
        sent = shape(teams)
        body = {"data": sent, "headers": {"Authorization": bearer, "Content-Type": "application/json"}} \
            if isinstance(sent, bytes) else {"json": sent, "headers": {"Authorization": bearer}}
        async with teams.http.post(teams.endpoint, **body) as answer:
            return answer.status, await answer.text(), teams


@pytest.mark.parametrize("name", list(NOT_AS_TEAMS_SENDS))
def test_an_activity_teams_would_not_send_is_refused_and_changes_nothing(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, name: str) -> None:
    shape, status = NOT_AS_TEAMS_SENDS[name]

    async def run() -> None:
        before: dict[str, int] = {}

        def counted(teams: Teams) -> dict[str, Any]:
            before.update(row_counts(sessions))
            return shape(teams)

        answered, body, teams = await send(sessions, settings, signing_key, monkeypatch, counted)
        assert answered == status, (name, body[:300])
        assert "Traceback" not in body
        assert teams.connector.calls == []  # nothing said, and the bot's token sent nowhere
        assert row_counts(sessions) == before

    asyncio.run(run())
    assert not any(record.exc_info for record in caplog.records), [r.getMessage()[:200] for r in caplog.records]


def test_the_same_activity_from_this_tenant_at_the_tokens_service_url_is_answered(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch) -> None:
    async def run() -> None:
        answered, _, teams = await send(sessions, settings, signing_key, monkeypatch, message)
        assert answered in (200, 202)
        assert any("Meeting 1" in text for text in teams.connector.texts())
        assert TENANT in str(message(teams))

    asyncio.run(run())


def test_a_genuine_token_for_an_address_not_microsofts_sends_nothing_there(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The token's serviceurl and the activity's agree, but name a host inside the network (here the fake
    connector on 127.0.0.1): with the outbound hosts `govbot run` allows (Microsoft's, over HTTPS), the bot posts
    nothing there, so neither a member's answer nor its Entra token leaves for it."""
    async def run() -> None:
        answered, body, teams = await send(sessions, settings, signing_key, monkeypatch, message, hosts=None)
        assert answered >= 400 and "Traceback" not in body
        assert teams.connector.calls == []

    asyncio.run(run())


def test_an_activity_no_listener_takes_leaves_neither_its_text_nor_its_type_in_the_log(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    said = "my ballot is secret: against"

    async def run() -> None:
        answered, _, teams = await send(sessions, settings, signing_key, monkeypatch,
                                        lambda t: t.activity("alice", type="event" + "x" * 5000, text=said))
        assert answered in (200, 202)
        assert teams.connector.calls == []

    asyncio.run(run())
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert said not in logged and "x" * 100 not in logged, logged[-500:]


@pytest.mark.parametrize("address", ["http://10.0.0.7:8080/", "https://example.org/", "http://169.254.169.254/"])
def test_without_credentials_the_bot_answers_only_a_connector_on_this_machine(
        sessions: sessionmaker[Session], address: str) -> None:
    """TEAMS_ANONYMOUS is for the Agents Playground, whose connector runs on this machine: with no token to check,
    an activity naming any other serviceUrl would have the bot post there (into the network, or the cloud's
    metadata address), so it is refused and nothing is recorded."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            before = row_counts(sessions)
            answer = await teams.post(teams.activity("alice", type="message", text=SCHEDULE, serviceUrl=address))
            assert answer.status == 401
            assert row_counts(sessions) == before and teams.connector.calls == []
            answer = await teams.post(teams.activity("alice", type="message", text=SCHEDULE))
            assert answer.status in (200, 202) and teams.connector.calls  # the Playground's own is answered

    asyncio.run(run())


def test_without_credentials_an_activity_answered_in_its_own_response_is_taken_from_anywhere(
        sessions: sessionmaker[Session]) -> None:
    """deliveryMode expectReplies has the answer come back in the HTTP response, so nothing is posted to the
    serviceUrl, wherever it points (a test client's placeholder): answered, and nothing sent elsewhere. (The sender
    must still be on this machine: tests/teams/test_anonymous_peer.py.)"""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            answer = await teams.post(message(teams, serviceUrl="https://test.com/", deliveryMode="expectReplies"))
            assert answer.status == 200 and teams.connector.calls == []
            async with teams.http.post(teams.endpoint, json=teams.activity(
                    "alice", type="message", text="gov meetings", serviceUrl="https://test.com/",
                    deliveryMode="expectReplies")) as got:
                replies = (await got.json())["activities"]
            assert got.status == 200 and any("10 Dec" in str(r) for r in replies), replies
            assert teams.connector.calls == []

    asyncio.run(run())


def test_without_credentials_no_reminder_is_posted_to_a_connector_elsewhere() -> None:
    """A serviceUrl kept from such an activity is not posted to later: a reminder to it fails for good, saying
    why, and nothing leaves the machine."""
    notifier = TeamsNotifier(Settings(_env_file=None, teams_anonymous=True))  # type: ignore[call-arg]
    elsewhere = {"serviceUrl": "http://169.254.169.254/", "channelId": "msteams", "conversation": {"id": CHANNEL},
                 "bot": BOT}
    with pytest.raises(DeliveryFailed, match="only to a connector on this machine") as failed:
        notifier.send(Destination("teams", conversation=elsewhere), Reply("Meeting tomorrow"))
    assert failed.value.permanent


def test_a_tenant_id_set_in_capitals_still_admits_its_own_tenant(
        sessions: sessionmaker[Session], signing_key: rsa.RSAPrivateKey, monkeypatch: pytest.MonkeyPatch) -> None:
    """A tenant id is a GUID, whatever its case (Entra's portal shows it in lower case, some tools in upper): an
    operator who pasted it in capitals must not find every activity of the tenant refused."""
    capitals = Settings(_env_file=None, teams_app_id=APP_ID, teams_app_secret=uuid.uuid4().hex,  # type: ignore[call-arg]
                        teams_tenant_id=TENANT.upper())

    async def run() -> None:
        answered, body, teams = await send(sessions, capitals, signing_key, monkeypatch, message)
        assert answered in (200, 202), body
        assert any("Meeting 1" in text for text in teams.connector.texts())

    asyncio.run(run())


def entra_token(key: rsa.RSAPrivateKey, service_url: str) -> str:
    """A token this tenant's Entra ID issues for the bot's app id to any app of the tenant that asks (client
    credentials): genuine, for this audience, from an issuer the SDK trusts, but issued by no channel, so it names
    no serviceUrl. Teams' activities come from the Bot Framework's channel service, whose tokens always do."""
    now = int(time.time())
    claims = {"iss": f"https://sts.windows.net/{TENANT}/", "aud": APP_ID, "iat": now - 60, "nbf": now - 60,
              "exp": now + 3600, "tid": TENANT, "appid": str(uuid.uuid4())}
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": KID})


def test_a_token_no_channel_issued_cannot_speak_for_a_member(
        sessions: sessionmaker[Session], settings: Settings, signing_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a serviceurl claim nothing ties the activity to Teams, and its body names whoever it likes as the
    sender: an app in the tenant could schedule meetings, or vote, as the chair. Refused as 401; nothing changes."""
    async def run() -> None:
        before: dict[str, int] = {}

        def counted(teams: Teams) -> dict[str, Any]:
            before.update(row_counts(sessions))
            return message(teams)

        answered, body, teams = await send(sessions, settings, signing_key, monkeypatch, counted,
                                           make_token=entra_token)
        assert answered == 401, body
        assert row_counts(sessions) == before and teams.connector.calls == []

    asyncio.run(run())
