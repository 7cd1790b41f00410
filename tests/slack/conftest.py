"""Fixtures for Slack: the fake Web API, govbot's web server on 127.0.0.1, and a workspace that sends it
signed Slack requests (slash commands, button clicks, form submissions, events) over real HTTP."""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pytest
from aiohttp import web
from pydantic import SecretStr
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import PostedMessage
from bot.settings import Settings
from handlers.slack import mount
from tests import loaded
from tests.conftest import Clock, example
from tests.kept_alive import KeptAlive
from tests.slack.fake_slack import TEAM, Call, FakeSlack, fake_slack

CHANNEL = "CCJCG0001"
# A slash command's fields that are the same in every one a test sends, form-encoded once: the body is the one
# urlencode made of all of them, field for field (encoding each field anew cost a chat turn ~130 Python calls).
TEAM_FIELDS = urlencode({"token": "legacy-unused", "team_id": TEAM, "team_domain": "test"})
COMMAND_FIELD, APP_FIELD = urlencode({"command": "/gov"}), urlencode({"api_app_id": "A0GOV"})


@dataclass
class Sent:
    status: int
    body: str
    response_url: str | None = None


def user_id(name: str) -> str:
    return "U" + name.upper()


def slack_terms(short_name: str) -> str:
    """An example ToR whose seat holders are Slack accounts (`holder: slack:UALICE`)."""
    text = example(short_name).read_text(encoding="utf-8")
    return re.sub(r"holder: (\w+)", lambda m: f"holder: slack:{user_id(m.group(1))}", text)


class Workspace:
    """Slack's side: signs and sends what Slack would send govbot, and reads what govbot called back."""

    def __init__(self, url: str, secret: str, fake: FakeSlack, sessions: sessionmaker[Session], clock: Clock,
                 stop: Callable[[], None]):
        self.url, self.secret, self.fake, self.sessions, self.clock = url, secret, fake, sessions, clock
        self.counter = itertools.count(1)
        self.http = KeptAlive(url, timeout=10)
        self.stop = stop
        self.requests = 0  # how many requests Slack has sent govbot

    def finish(self) -> None:
        """Shut govbot's server down the way `govbot run` does: all acknowledged work completes first."""
        self.http.close()
        self.stop()

    def load(self, short_name: str) -> None:
        """An operator imports the group (`govbot group import`); its chair then binds the channel from Slack."""
        loaded.load(self.sessions, slack_terms(short_name), self.clock())

    def headers(self, body: str, *, timestamp: str | None = None, secret: str | None = None,
                content_type: str = "application/x-www-form-urlencoded") -> dict[str, str]:
        timestamp = str(int(time.time())) if timestamp is None else timestamp
        signature = SignatureVerifier(secret or self.secret).generate_signature(timestamp=timestamp, body=body)
        return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature,
                "Content-Type": content_type}

    def post(self, body: str, headers: dict[str, str]) -> Sent:
        self.requests += 1
        status, answer = self.http.post("/slack/events", body.encode(), headers)
        return Sent(status, answer.decode())

    def command_body(self, user: str, text: str, channel: str = CHANNEL) -> tuple[str, str]:
        n = next(self.counter)
        response_url = self.fake.url.removesuffix("api/") + f"response/{n}"
        body = "&".join((TEAM_FIELDS, urlencode({"channel_id": channel, "channel_name": "cjcg", "user_id": user_id(user),
                                                "user_name": user}), COMMAND_FIELD,
                         urlencode({"text": text}), APP_FIELD,
                         urlencode({"response_url": response_url, "trigger_id": f"{n}.trigger"})))
        return body, response_url

    def command(self, user: str, text: str, channel: str = CHANNEL) -> Sent:
        body, response_url = self.command_body(user, text, channel)
        sent = self.post(body, self.headers(body))
        sent.response_url = response_url
        return sent

    def interaction(self, payload: dict[str, Any]) -> Sent:
        n = next(self.counter)
        response_url = self.fake.url.removesuffix("api/") + f"response/{n}"
        payload = {"team": {"id": TEAM}, "api_app_id": "A0GOV", "response_url": response_url,
                   "trigger_id": f"{n}.trigger", **payload}
        body = urlencode({"payload": json.dumps(payload)})
        sent = self.post(body, self.headers(body))
        sent.response_url = response_url
        return sent

    def click_body(self, user: str, value: str, message_ts: str, channel: str = CHANNEL) -> dict[str, Any]:
        return {"type": "block_actions", "user": {"id": user_id(user), "username": user, "team_id": TEAM},
                "container": {"type": "message", "message_ts": message_ts, "channel_id": channel,
                              "is_ephemeral": False},
                "channel": {"id": channel, "name": "cjcg"}, "message": {"ts": message_ts, "text": "card"},
                "actions": [{"type": "button", "action_id": "gov_button_0", "block_id": "b1", "value": value,
                             "action_ts": f"{time.time():.6f}"}]}

    def click(self, user: str, value: str, message_ts: str, channel: str = CHANNEL) -> Sent:
        return self.interaction(self.click_body(user, value, message_ts, channel))

    def event(self, event: dict[str, Any], event_id: str, retry: int | None = None, team: str = TEAM) -> Sent:
        body = json.dumps({"token": "legacy-unused", "team_id": team, "api_app_id": "A0GOV", "type": "event_callback",
                           "event": event, "event_id": event_id, "event_time": int(time.time())})
        headers = self.headers(body, content_type="application/json")
        if retry is not None:
            headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        return self.post(body, headers)

    def reply_to(self, sent: Sent) -> Call:
        """The ephemeral answer to a request: in its ack (what Slack shows the person at once), else what govbot
        sent to the request's response_url."""
        path = "/" + (sent.response_url or "").split("/", 3)[3]
        return acked(sent) or self.fake.wait_for(
            lambda: next((c for c in self.fake.of("response_url") if c.path == path), None))

    def say(self, user: str, text: str) -> Call:
        """Send `/gov <text>` as `user` and return the first thing govbot said back: an ephemeral answer, or a
        message posted or updated in the channel."""
        before = len(self.fake.calls)
        return self.answer(self.command(user, text), before)

    def press(self, user: str, value: str, message_ts: str) -> Call:
        """Click a button as `user`; return the first thing govbot said back (as `say`)."""
        before = len(self.fake.calls)
        return self.answer(self.click(user, value, message_ts), before)

    def card_noted(self, card: Call, timeout: float = 10.0) -> None:
        """Wait until govbot has noted the card it just posted (it does so right after Slack answers with the
        card's ts), as any later command in a real channel finds it: a test that speaks the instant the fake
        records the post would otherwise race the bot's bookkeeping."""
        deadline = time.monotonic() + timeout
        while True:
            with self.sessions() as session:
                if session.scalar(select(PostedMessage.id).where(PostedMessage.message_ref == card.answer["ts"])):
                    return
            assert time.monotonic() < deadline, f"govbot did not note its card {card.answer['ts']}"
            time.sleep(0.005)  # polls the record, not the clock the bot runs on

    def answer(self, sent: Sent, before: int) -> Call:
        assert sent.status == 200, sent
        if (in_ack := acked(sent)) is not None:
            return in_ack
        path = "/" + (sent.response_url or "").split("/", 3)[3]

        def answered() -> Call | None:
            return next((c for c in self.fake.calls[before:] if c.path == path or
                         c.method in ("chat.postMessage", "chat.update")), None)

        return self.fake.wait_for(answered)


def acked(sent: Sent) -> Call | None:
    """The message an ack carried, as Slack shows it (ephemeral unless it says `in_channel`); None for an empty
    ack. Recorded like a call to the response_url, which it stands in for."""
    if sent.status != 200 or not sent.body.strip():
        return None
    said = json.loads(sent.body)
    return Call("ack", said, "/" + (sent.response_url or "").split("/", 3)[3], None) if "text" in said else None


def blocks_of(call: Call) -> list[dict[str, Any]]:
    """The Block Kit of a message, or of the view (App Home, a form) the call publishes."""
    blocks = call.params.get("blocks") or (call.params.get("view") or {}).get("blocks")
    return json.loads(blocks) if isinstance(blocks, str) else blocks or []


def shown(call: Call) -> str:
    """Everything a person sees in a message govbot sent: its blocks' texts and fields, and its buttons."""
    blocks = blocks_of(call)
    parts: list[str] = []
    for block in blocks:
        if "text" in block:
            parts.append(block["text"]["text"])
        parts.extend(f["text"] for f in block.get("fields", []))
        parts.extend(e["text"] for e in block.get("elements", []) if block["type"] == "context")
        parts.extend(f"[{e['text']['text']}]" for e in block.get("elements", []) if e.get("type") == "button")
    return "\n".join(parts) or str(call.params.get("text"))


def buttons(call: Call) -> dict[str, str]:
    """Each button's label and the command it carries."""
    return {e["text"]["text"]: e.get("value") or e["url"]  # a link button carries its address
            for b in blocks_of(call) if b["type"] == "actions" for e in b["elements"]}


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with fake_slack() as running:
        yield running


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def slack_settings(fake: FakeSlack) -> Settings:
    return Settings(_env_file=None, slack_bot_token=SecretStr("xoxb-" + secrets.token_hex(12)),  # type: ignore[call-arg]
                    slack_signing_secret=SecretStr(secrets.token_hex(16)), slack_api_url=fake.url)


@contextmanager
def serving(settings: Settings, sessions: sessionmaker[Session], clock: Clock, fake: FakeSlack) -> Iterator[Workspace]:
    """govbot's web server (the Slack routes mounted as `govbot run` mounts them) on an ephemeral port."""
    loop = asyncio.new_event_loop()
    web_app = web.Application()
    mount(web_app, settings, sessions, clock)
    runner = web.AppRunner(web_app)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    port = runner.addresses[0][1]
    thread = threading.Thread(target=loop.run_forever, name="govbot-web", daemon=True)
    thread.start()
    stopped: list[bool] = []

    def stop() -> None:
        if not stopped:
            stopped.append(True)
            asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=30)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=10)
            loop.close()

    assert settings.slack_signing_secret is not None
    workspace = Workspace(f"http://127.0.0.1:{port}", settings.slack_signing_secret.get_secret_value(), fake,
                          sessions, clock, stop)
    try:
        yield workspace
    finally:
        workspace.finish()


@pytest.fixture
def workspace(fake: FakeSlack, slack_settings: Settings, sessions: sessionmaker[Session],
              clock: Clock) -> Iterator[Workspace]:
    with serving(slack_settings, sessions, clock, fake) as running:
        yield running
