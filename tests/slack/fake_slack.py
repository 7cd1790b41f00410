"""A fake Slack Web API on 127.0.0.1: answers the methods govbot calls, records each call, and can rate-limit."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from aiohttp import web

BOT_USER = "UGOVBOT"
TEAM = "T0GOV"


@dataclass
class Call:
    """One request the bot made: a Web API method (`chat.postMessage`) or `response_url` for a response URL."""

    method: str
    params: dict[str, Any]
    path: str
    token: str | None
    answer: dict[str, Any] = field(default_factory=dict)  # what the fake answered (e.g. a posted message's ts)
    at: float = field(default_factory=time.monotonic)  # when the call arrived, to check the bot's pace
    peer: Any = None  # the address the call came from: one per connection the bot opened


@dataclass
class FakeSlack:
    calls: list[Call] = field(default_factory=list)
    channels: dict[str, dict[str, Any]] = field(default_factory=dict)  # conversations.info answers by channel id
    failures: dict[str, str] = field(default_factory=dict)  # method -> Slack error code to answer with
    rate_limited: int = 0  # answer this many next calls with 429
    retry_after: int = 1
    changed: threading.Condition = field(default_factory=threading.Condition)
    installed_token: str = "xoxb-installed"
    installed_team: str = "T0NEW"  # the workspace the next OAuth exchange installs into
    installed_org: str | None = None  # the Enterprise Grid organisation it installs into, org-wide (team null)
    orgs: dict[str, str] = field(default_factory=dict)  # token -> the Grid organisation it was installed in
    socket_url: str = ""  # where apps.connections.open sends a Socket Mode client
    held: dict[str, threading.Event] = field(default_factory=dict)  # method -> answered only once the event is set
    holding: int = 0  # calls waiting on `held` now
    _ts: int = 0
    url: str = ""

    def record(self, call: Call) -> None:
        with self.changed:
            self.calls.append(call)
            self.changed.notify_all()

    def next_ts(self) -> str:
        with self.changed:
            self._ts += 1
            return f"1764576000.{self._ts:06d}"

    def of(self, method: str) -> list[Call]:
        with self.changed:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, found: Callable[[], Any], timeout: float = 10.0) -> Any:
        """Wait until `found()` is truthy; return it or fail. Woken by each call the bot makes, and every tenth of a
        second too: a condition on the record (an audit event) can come true after the last call, and waiting for the
        next call then waited out the whole timeout (10 s in the suite)."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while not (result := found()):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"the bot did not make the expected call; it made: "
                                         f"{[(c.method, c.path) for c in self.calls][-10:]}")
                self.changed.wait(min(left, 0.1))
            return result

    def answer(self, method: str, params: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        if method in self.failures:
            return {"ok": False, "error": self.failures[method]}
        channel = params.get("channel", "")
        if method == "auth.test":
            if token in self.orgs:  # an org-wide token answers for its organisation, for no one workspace
                return {"ok": True, "url": "https://grid.enterprise.slack.com/", "team": "Grid Org", "user": "govbot",
                        "team_id": self.orgs[token], "enterprise_id": self.orgs[token], "user_id": BOT_USER,
                        "bot_id": "BGOVBOT", "is_enterprise_install": True}
            return {"ok": True, "url": "https://govbot-test.slack.com/", "team": "Test", "user": "govbot",
                    "team_id": TEAM, "user_id": BOT_USER, "bot_id": "BGOVBOT"}
        if method in ("chat.postMessage", "chat.update"):
            ts = params.get("ts") or self.next_ts()
            return {"ok": True, "channel": channel, "ts": ts, "message": {"text": params.get("text"), "ts": ts}}
        if method == "chat.delete":  # the bot takes down a message of its own
            return {"ok": True, "channel": channel, "ts": params.get("ts")}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self.next_ts()}
        if method in ("views.open", "views.publish"):
            return {"ok": True, "view": {"id": "V0FORM", **json_value(params.get("view"))}}
        if method == "conversations.info":
            info = self.channels.get(channel)
            return {"ok": True, "channel": {"id": channel, **info}} if info else {"ok": False,
                                                                                   "error": "channel_not_found"}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(params.get("users", "")).lstrip("U")}}
        if method == "oauth.v2.access":  # a workspace admin approved the install
            return {"ok": True, "app_id": "A0GOV", "authed_user": {"id": "UADMIN"}, "scope": params.get("scope", ""),
                    "token_type": "bot", "access_token": self.installed_token, "bot_user_id": BOT_USER,
                    **self.installed_into()}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.socket_url} if self.socket_url else {"ok": False, "error": "not_allowed"}
        if method == "users.info":
            user = params.get("user", "")
            return {"ok": True, "user": {"id": user, "name": user.lower(), "real_name": user.title()}}
        return {"ok": False, "error": "unknown_method"}

    def installed_into(self) -> dict[str, Any]:
        """Where oauth.v2.access says the install went: one workspace, or (`installed_org`) a whole Grid org."""
        if self.installed_org:
            self.orgs[self.installed_token] = self.installed_org
            return {"team": None, "enterprise": {"id": self.installed_org, "name": "Grid Org"},
                    "is_enterprise_install": True}
        return {"team": {"id": self.installed_team, "name": "New Council"}, "enterprise": None,
                "is_enterprise_install": False}


# Block Kit's limits on a message (api.slack.com/reference/block-kit/blocks): Slack refuses the whole message, with
# `invalid_blocks`, when any one is passed. Counted on the text as sent, escapes (`&amp;`) and all.
MESSAGE_BLOCKS, SECTION_TEXT, FIELD_TEXT, FIELDS, HEADER_TEXT = 50, 3000, 2000, 10, 150
CONTEXT_ELEMENTS, ACTIONS, BUTTON_TEXT, BUTTON_VALUE, BUTTON_URL = 10, 25, 75, 2000, 3000
INVALID = {"ok": False, "error": "invalid_blocks"}
MESSAGES = ("chat.postMessage", "chat.postEphemeral", "chat.update", "response_url")


def invalid_blocks(method: str, params: dict[str, Any]) -> bool:
    """Whether Slack would refuse the message `params` for its blocks."""
    blocks = params.get("blocks") if method in MESSAGES else None
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks or []
    return len(blocks) > MESSAGE_BLOCKS or any(not block_fits(block) for block in blocks)


def block_fits(block: dict[str, Any]) -> bool:
    text = len((block.get("text") or {}).get("text", ""))
    elements = block.get("elements") or []
    if block["type"] == "header":
        return text <= HEADER_TEXT
    if block["type"] == "section":
        fields = block.get("fields") or []
        return text <= SECTION_TEXT and len(fields) <= FIELDS and all(len(f["text"]) <= FIELD_TEXT for f in fields)
    if block["type"] == "context":
        return len(elements) <= CONTEXT_ELEMENTS and all(len(e.get("text", "")) <= SECTION_TEXT for e in elements)
    if block["type"] == "actions":
        return len(elements) <= ACTIONS and all(
            len(e["text"]["text"]) <= BUTTON_TEXT and len(e.get("value", "")) <= BUTTON_VALUE
            and len(e.get("url", "")) <= BUTTON_URL for e in elements)
    return True


def json_value(value: Any) -> dict[str, Any]:
    return dict(json.loads(value)) if isinstance(value, str) else dict(value or {})


async def handled(fake: FakeSlack, request: web.Request) -> web.Response:
    """One call the bot makes: recorded, and answered as Slack would."""
    raw = (await request.read()).decode("utf-8")
    if request.headers.get("Content-Type", "").startswith("application/json"):
        params = json.loads(raw or "{}")
    else:
        params = {k: v[0] for k, v in parse_qs(raw).items()}
    token = (request.headers.get("Authorization") or "").removeprefix("Bearer ") or None
    path = request.raw_path  # as sent, query and all
    method = "response_url" if path.startswith("/response/") else path.rsplit("/", 1)[-1]
    if (gate := fake.held.get(method)) is not None:  # a slow Slack: the call waits until the test lets it go
        with fake.changed:
            fake.holding += 1
            fake.changed.notify_all()
        await asyncio.get_running_loop().run_in_executor(HELD, gate.wait, 30)
        with fake.changed:
            fake.holding -= 1
    with fake.changed:
        limited = fake.rate_limited > 0 and method != "response_url"
        if limited:
            fake.rate_limited -= 1
    refused = not limited and invalid_blocks(method, params)
    answer = ({"ok": False, "error": "ratelimited"} if limited else INVALID if refused
              else {} if method == "response_url" else fake.answer(method, params, token))
    fake.record(Call(method, params, path, token, answer, peer=request.transport and
                     request.transport.get_extra_info("peername")))
    if refused and method == "response_url":  # a response URL answers in its status, as Slack's does
        return reply(400, None, text=b"invalid_blocks")
    if limited:
        return reply(429, answer, {"Retry-After": str(fake.retry_after)})
    return reply(200, answer if method != "response_url" else None)


def reply(status: int, body: dict[str, Any] | None, headers: dict[str, str] | None = None,
          text: bytes = b"ok") -> web.Response:
    data = text if body is None else json.dumps(body).encode()
    return web.Response(status=status, body=data, headers={
        "Content-Type": "text/plain" if body is None else "application/json; charset=utf-8", **(headers or {})})


HELD = ThreadPoolExecutor(max_workers=32, thread_name_prefix="fake-slack-held")  # calls a test holds back


@contextmanager
def fake_slack() -> Iterator[FakeSlack]:
    """Serve a FakeSlack on an ephemeral port; `fake.url` is its Web API base URL (ends in /api/).

    Served by aiohttp on an event loop of its own: the bot's Slack SDK opens a connection for each call, for which
    http.server started a thread and parsed the request with the email package (~0.3 ms of CPU more a call than
    this). Every call is still a real HTTP request over a socket."""
    fake = FakeSlack()
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="fake-slack", daemon=True)
    thread.start()

    async def serve(request: web.Request) -> web.Response:
        return await handled(fake, request)

    async def started() -> web.AppRunner:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post("/{path:.*}", serve)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        return runner

    runner = asyncio.run_coroutine_threadsafe(started(), loop).result(timeout=30)
    fake.url = f"http://127.0.0.1:{runner.addresses[0][1]}/api/"
    try:
        yield fake
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
