"""A Teams world over real HTTP: the bot on 127.0.0.1, a fake Bot Connector service it replies to, and people
who post Activity JSON the way Teams does."""

from __future__ import annotations

import asyncio
import itertools
import re
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web
from azure.core.credentials_async import AsyncTokenCredential
from microsoft_agents.hosting.core import AccessTokenProviderBase, AgentAuthConfiguration, OutboundHostValidator
from sqlalchemy.orm import Session, sessionmaker

from bot.services.context import Place
from bot.settings import Settings
from handlers.teams import mount
from handlers.teams.auth import TokenProviders
from tests import loaded
from tests.conftest import SDK_WARNINGS, Clock, example  # noqa: F401 (SDK_WARNINGS: where Teams tests import it)

CHANNEL = "19:cjcg-general@thread.tacv2"
# The team's members, as the connector lists them two pages at a time: a token on the first page asks for the next.
PEOPLE = ("alice", "bob", "carol", "dan", "erin", "frank", "grace", "harry", "ivy", "jack", "kate", "liam", "sam", "yan")
PAGE = 7
NEXT_PAGE = "page-2-of-members"
TENANT = str(uuid.uuid4())
BOT = {"id": "28:govbot-app", "name": "govbot"}
# Teams refuses a message whose activity is larger than about 28 KB, card and all, with 413.
MESSAGE_BYTES = 28 * 1024


def teams_holders(yaml_text: str) -> str:
    """The example ToR with each console holder (`holder: alice`) seated by their Entra object id instead."""
    return re.sub(r"holder: (\w+)", r"holder: teams:aad-\1", yaml_text)


@dataclass
class Recorded:
    method: str
    path: str
    body: dict[str, Any]
    authorization: str | None
    answered_id: str | None = None  # the id the connector gave the message


@dataclass
class FakeConnector:
    """The Bot Connector service Teams gives as serviceUrl: records what the bot sends and answers like Teams."""

    calls: list[Recorded] = field(default_factory=list)
    failures: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # statuses to answer first
    update_failures: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # the same, for updates (PUT)
    update_delays: list[float] = field(default_factory=list)  # seconds Teams takes over each update, before applying
    post_delays: list[float] = field(default_factory=list)  # the same, for each new message (POST)
    member_pages: list[str | None] = field(default_factory=list)  # the continuation token of each page asked for
    member_lookups: list[str] = field(default_factory=list)  # each member looked up by id, in order
    peers: list[Any] = field(default_factory=list)  # the bot's end of the connection each message came over
    ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    url: str = ""

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3/conversations", self.create)
        app.router.add_post("/v3/conversations/{conversation}/activities", self.activity)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self.activity)
        app.router.add_put("/v3/conversations/{conversation}/activities/{activity}", self.activity)
        app.router.add_get("/v3/conversations/{conversation}/members/{member}", self.member)
        app.router.add_get("/v3/conversations/{conversation}/pagedmembers", self.roster)
        return app

    async def activity(self, request: web.Request) -> web.Response:
        body = await request.json()
        delays = self.update_delays if request.method == "PUT" else self.post_delays
        if delays:  # a slow update or post is applied (recorded, given its id) when it ends
            await asyncio.sleep(delays.pop(0))
        call = Recorded(request.method, request.path, body, request.headers.get("Authorization"))
        self.calls.append(call)
        self.peers.append(request.transport.get_extra_info("peername") if request.transport else None)
        if len(await request.read()) > MESSAGE_BYTES:
            return web.json_response({"error": {"code": "MessageSizeTooBig", "message": "Message size too large"}},
                                     status=413)
        failures = self.update_failures if request.method == "PUT" and self.update_failures else self.failures
        if failures:
            status, headers = failures.pop(0)
            return web.json_response({"error": {"code": "Throttled"}}, status=status, headers=headers)
        activity_id = request.match_info.get("activity") or f"activity-{next(self.ids)}"
        call.answered_id = activity_id
        return web.json_response({"id": activity_id}, status=201 if request.method == "POST" else 200)

    async def create(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.calls.append(Recorded(request.method, request.path, body, request.headers.get("Authorization")))
        members = body.get("members") or [{}]
        return web.json_response({"id": f"a:1-{members[0].get('id')}"}, status=201)

    async def member(self, request: web.Request) -> web.Response:
        member = request.match_info["member"]
        self.member_lookups.append(member)
        name = member.removeprefix("29:")
        return web.json_response({"id": member, "name": name.capitalize(), "aadObjectId": f"aad-{name}"})

    async def roster(self, request: web.Request) -> web.Response:
        """The paged member list, as Teams serves it: the last page carries no continuation token."""
        token = request.query.get("continuationToken")
        self.member_pages.append(token)
        first = token is None
        people = PEOPLE[:PAGE] if first else PEOPLE[PAGE:] if token == NEXT_PAGE else ()
        page: dict[str, Any] = {"members": [{"id": f"29:{p}", "name": p.capitalize(), "aadObjectId": f"aad-{p}"}
                                            for p in people]}
        if first:
            page["continuationToken"] = NEXT_PAGE
        return web.json_response(page)

    def sent(self, method: str = "POST") -> list[Recorded]:
        return [c for c in self.calls if c.method == method]

    def texts(self) -> list[str]:
        """Everything said in the conversation, as text: message text and the text blocks of cards."""
        out = []
        for call in self.sent("POST"):
            out.append(call.body.get("text") or "")
            for attachment in call.body.get("attachments") or []:
                out.extend(block.get("text", "") for block in attachment["content"]["body"]
                           if block.get("type") == "TextBlock")
        return out


class FakeEntra(AccessTokenProviderBase):
    """Issues the bot's outbound tokens in place of MSAL and Entra, through the SDK's provider-factory seam;
    each token is random, so the fake connector can check it got the one issued."""

    issued: list[str] = []

    def __init__(self, config: AgentAuthConfiguration) -> None:
        self._config = config

    @property
    def configuration(self) -> AgentAuthConfiguration:
        return self._config

    async def get_access_token(self, resource_url: str, scopes: list[str], force_refresh: bool = False) -> str:
        token = uuid.uuid4().hex
        FakeEntra.issued.append(token)
        return token

    def get_token_credential(self) -> AsyncTokenCredential:
        raise NotImplementedError("govbot does not use token credentials")


@dataclass
class Teams:
    """People in one Teams channel, posting Activity JSON to the bot's /api/messages."""

    http: aiohttp.ClientSession
    endpoint: str
    connector: FakeConnector
    clock: Clock
    headers: Callable[[], dict[str, str]] = dict
    conversation: str = CHANNEL
    ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))

    def account(self, who: str) -> dict[str, Any]:
        return {"id": f"29:{who}", "name": who.capitalize(), "aadObjectId": f"aad-{who}"}

    def activity(self, who: str, **fields: Any) -> dict[str, Any]:
        activity_id = str(next(self.ids))
        return {"id": activity_id, "channelId": "msteams", "serviceUrl": self.connector.url,
                "timestamp": self.clock.now.isoformat(), "from": self.account(who), "recipient": BOT,
                "conversation": {"id": f"{self.conversation};messageid={activity_id}", "conversationType": "channel",
                                 "tenantId": TENANT, "isGroup": True},
                "channelData": {"channel": {"id": self.conversation, "name": "CJCG"}, "tenant": {"id": TENANT},
                                "team": {"id": "19:team@thread.tacv2"}},
                **fields}

    async def post(self, activity: dict[str, Any]) -> aiohttp.ClientResponse:
        async with self.http.post(self.endpoint, json=activity, headers=self.headers()) as response:
            await response.read()
            return response

    async def install(self, who: str = "alice") -> None:
        """Teams tells the bot it was added to the team: a conversationUpdate with the bot among membersAdded."""
        response = await self.post(self.activity(who, type="conversationUpdate", membersAdded=[BOT],
                                                 conversation={"id": self.conversation, "conversationType": "channel",
                                                               "tenantId": TENANT, "isGroup": True}))
        assert response.status in (200, 202), response.status

    async def say(self, who: str, text: str, *, mentions: tuple[str, ...] = ()) -> list[Recorded]:
        """`who` writes `@govbot <text>` in the channel; `mentions` are people @mentioned in `text` as <at>Name</at>.
        Returns what the bot sent in answer."""
        entities = [{"type": "mention", "text": "<at>govbot</at>", "mentioned": BOT}]
        for person in mentions:
            entities.append({"type": "mention", "text": f"<at>{person.capitalize()}</at>",
                             "mentioned": {"id": f"29:{person}", "name": person.capitalize()}})
        before = len(self.connector.calls)
        response = await self.post(self.activity(who, type="message", text=f"<at>govbot</at> {text}",
                                                 textFormat="plain", entities=entities))
        assert response.status in (200, 202), response.status
        return self.connector.calls[before:]

    async def invoke(self, who: str, data: dict[str, Any], verb: str = "gov",
                     card_id: str | None = None) -> dict[str, Any]:
        """`who` presses an Action.Execute on a card; returns the invoke response body."""
        on_card = {"replyToId": card_id} if card_id else {}
        activity = self.activity(who, type="invoke", name="adaptiveCard/action", **on_card,
                                 value={"action": {"type": "Action.Execute", "verb": verb, "data": data},
                                        "trigger": "manual"})
        async with self.http.post(self.endpoint, json=activity, headers=self.headers()) as response:
            assert response.status == 200, response.status
            body: dict[str, Any] = await response.json()
            return body


@asynccontextmanager
async def serve(app: web.Application) -> AsyncIterator[str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@asynccontextmanager
async def teams_world(sessions: sessionmaker[Session], settings: Settings | None = None,
                      token_providers: TokenProviders | None = None,
                      load: str | None = "cjcg", bind: bool = True,
                      host_validator: OutboundHostValidator | None = None) -> AsyncIterator[Teams]:
    """The bot (anonymous unless `settings` say otherwise) and the fake connector, both on 127.0.0.1."""
    clock = Clock()
    if load:
        loaded.load(sessions, teams_holders(example(load).read_text(encoding="utf-8")), clock.now,
                    Place("teams", CHANNEL, "CJCG") if bind else None)
    connector = FakeConnector()
    bot = web.Application()
    mount(bot, settings or Settings(_env_file=None, teams_anonymous=True), sessions, clock,
          token_providers=token_providers, host_validator=host_validator)
    async with serve(connector.app()) as connector_url, serve(bot) as bot_url, aiohttp.ClientSession() as http:
        connector.url = connector_url + "/"
        yield Teams(http, bot_url + "/api/messages", connector, clock)




def answer_text(answer: dict[str, Any]) -> str:
    """What the presser reads in an invoke response: the message, or every TextBlock of the card shown."""
    value = answer["value"]
    if isinstance(value, str):
        return value
    return "\n".join(block["text"] for block in value["body"] if block.get("type") == "TextBlock")
