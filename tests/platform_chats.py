"""The `chat` of tests/conftest.py on each platform: the console handler, signed Slack requests over HTTP to the real
Slack routes (answering through the fake Slack Web API), and Activity JSON over HTTP to the real Teams endpoint.

Each says a line as a person in the group's channel and returns what that person reads back, as `Said`: the text
of every message, card or ephemeral answer the bot sent for the line, read the way the platform shows it, and
whether it was a refusal. So a meeting written once (tests/transcripts/) runs on every platform.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import io
import itertools
import json
import re
import secrets
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web
from pydantic import SecretStr
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, session_factory
from bot.models import Base
from bot.services.context import Place
from bot.settings import Settings
from handlers import console
from handlers.teams import mount as mount_teams
from tests import compiled, loaded
from tests.conftest import START, Clock, example
from tests.kept_alive import KeptAlive
from tests.slack.conftest import CHANNEL as SLACK_CHANNEL
from tests.slack.conftest import Sent, Workspace, acked, blocks_of, serving
from tests.slack.conftest import buttons as buttons_of
from tests.slack.fake_slack import Call, FakeSlack, fake_slack
from tests.slack.idle import wait_until_idle
from tests.teams.conftest import BOT, TENANT, FakeConnector, Recorded
from tests.teams.conftest import CHANNEL as TEAMS_CHANNEL

MENTION = re.compile(r"(?<![\w<])@(\w+)")
HOLDER = re.compile(r"holder: (\w+)")
BUTTON = re.compile(r"\[([^:\]]+): ([^\]]+)\]")  # a button as the console shows it: [Here: here]
LINK = re.compile(r"^([^:\n]+): (https?://\S+)$", re.MULTILINE)  # a link as the console shows it: `Label: address`
REFUSED_TEXT = re.compile(r"^(<at>[^<]*</at>\s*)?⚠ ")  # how govbot marks a refusal it says in plain text on Teams


@dataclass(frozen=True)
class Said:
    """What the speaker reads back. `error` is None where the platform shows no mark of a refusal (Teams marks a
    refusal in plain text with a warning sign; in a card, with the warning colour). `buttons` are those of the
    last message shown with any, by label, as the platform carries them; `card` is that message's id there;
    `links` the web pages the answer offers to open, by label."""

    text: str
    error: bool | None
    buttons: dict[str, str] = field(default_factory=dict)
    card: str | None = None
    links: dict[str, str] = field(default_factory=dict)

    def as_text(self) -> str:
        return self.text


def at(chat: Speaking, day: str, time: str) -> None:
    """Move the clock to `time` (UTC, as GMT in December) on `day`."""
    chat.now = dt.datetime.fromisoformat(f"{day}T{time}:00+00:00")


def meeting_opened(chat: Speaking, group: str, *present: str, by: str = "alice") -> None:
    """`group` loaded, its meeting of 10 Dec 2026 at 10:00 scheduled by sam (the secretariat) the week before,
    opened then by `by` (the chair), and each of `present` saying `here`."""
    chat.load(group)
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    chat.ok(by, "meeting open")
    for who in present:
        chat.ok(who, "here")


def chair_elected(chat: Speaking, chosen: str, voters: tuple[str, ...] = ("alice", "bob", "carol", "dan"),
                  ballot: str = '"alice" "bob"') -> str:
    """CSCPWG's chair elected at its open meeting (Governance), before any other poll: each of `voters` says
    `here`, sam (the secretariat, presiding until then) calls the ballot between `ballot`, each votes for `chosen`,
    and sam closes it and records `chosen` chair. Returns what that last step said."""
    for who in voters:
        chat.ok(who, "here")
    chat.ok("sam", f"poll \"Chair\" {ballot}")
    for who in voters:
        chat.ok(who, f"vote 1 {chosen}")
    chat.ok("sam", "poll close 1")
    return chat.ok("sam", f"chair @{chosen} --poll 1").text


def named_holders(short_name: str, platform: str, account: Callable[[str], str]) -> str:
    """The example ToR with each seat holder (`holder: alice`) seated by their account on `platform`, under the
    same name, so what the bot says reads the same on every platform."""
    text = example(short_name).read_text(encoding="utf-8")
    return HOLDER.sub(lambda m: f'holder: {{id: "{platform}:{account(m.group(1))}", name: {m.group(1)}}}', text)


class Speaking:
    """What every platform's chat shares: the clock, the group loaded and bound, and `ok`/`refused`."""

    platform: str
    channel: str
    sessions: sessionmaker[Session]
    clock: Clock
    overheard = False  # the whole channel reads every answer, even one for the speaker alone (Teams)

    @staticmethod
    def account(name: str) -> str:
        """The account id the platform gives the person called `name`."""
        return name

    @property
    def now(self) -> dt.datetime:
        return self.clock.now

    @now.setter
    def now(self, moment: dt.datetime) -> None:
        self.clock.now = moment

    def advance(self, **delta: float) -> None:
        self.clock.now += dt.timedelta(**delta)

    def load(self, short_name: str, channel: str | None = None) -> None:
        """Import an example group (its holders seated by their accounts here) and bind the channel to it."""
        loaded.load(self.sessions, named_holders(short_name, self.platform, self.account), self.now,
                    Place(self.platform, channel or self.channel, short_name))

    def say(self, who: str, text: str) -> Said:
        raise NotImplementedError

    def press(self, who: str, label: str, on: Said) -> Said:
        """`who` presses the button `label` of the message `on`; returns what they read back."""
        raise NotImplementedError

    def card_now(self, on: Said, showing: str) -> str | None:
        """The card `on` posted in the channel as the channel reads it once it shows `showing` (it may be refreshed
        after the answer); None where no card stays posted to be refreshed (the console prints each answer anew)."""
        return None

    def posted(self) -> list[str]:
        """Every message posted in the channel so far, as anyone there reads it (not an answer shown to one person
        alone); the console posts nothing (it prints each answer to the one typing)."""
        return []

    def ok(self, who: str, text: str) -> Said:
        said = self.say(who, text)
        assert said.error is not True, f"{self.platform}: {who}: {text!r} was refused: {said.text}"
        return said

    def refused(self, who: str, text: str) -> Said:
        said = self.say(who, text)
        assert said.error is not False, f"{self.platform}: {who}: {text!r} should have been refused: {said.text}"
        return said


class ConsoleChat(Speaking):
    """The console handler (`govbot console`), one line at a time, in the channel `room`."""

    platform, channel = "console", "room"

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions, self.clock = sessions, Clock()

    def load(self, short_name: str, channel: str | None = None) -> None:
        loaded.load(self.sessions, example(short_name).read_text(encoding="utf-8"), self.now,
                    Place(self.platform, channel or self.channel))

    def say(self, who: str, text: str) -> Said:
        out = io.StringIO()
        refused = console.chat(self.sessions, io.StringIO(text + "\n"), out, speak_as=who, interactive=False,
                               clock=console.fixed(self.now), place=Place(self.platform, self.channel))
        echo, _, answer = out.getvalue().partition("\n")  # the console echoes the line first: not the bot's words
        return Said(answer, bool(refused), dict(BUTTON.findall(answer)), links=dict(LINK.findall(answer)))

    def press(self, who: str, label: str, on: Said) -> Said:
        return self.say(who, on.buttons[label])  # the console shows a button as the command it runs


def slack_text(text: str) -> str:
    """`text` as Slack sends a slash command's text: `&`, `<`, `>` escaped, people as `<@UBOB|bob>`."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MENTION.sub(lambda m: f"<@U{m.group(1).upper()}|{m.group(1)}>", escaped)


def slack_read(call: Call) -> str:
    """A Slack message as a person reads it: entities shown as characters, each field as `Label: value`."""
    parts: list[str] = []
    for block in blocks_of(call):
        if "text" in block:
            parts.append(block["text"]["text"])
        parts.extend(re.sub(r"^\*(.+?)\*\n", r"\1: ", f["text"]) for f in block.get("fields", []))
        parts.extend(e["text"] for e in block.get("elements", []) if block["type"] == "context")
        parts.extend(f"[{e['text']['text']}]" for e in block.get("elements", []) if e.get("type") == "button")
    return html.unescape("\n".join(parts) or str(call.params.get("text")))


class SlackChat(Speaking):
    """People typing `/gov …` in one Slack channel; the answer is the ack, else what the bot posted after it."""

    platform, channel = "slack", SLACK_CHANNEL

    def __init__(self, workspace: Workspace, sessions: sessionmaker[Session], clock: Clock) -> None:
        self.workspace, self.sessions, self.clock = workspace, sessions, clock
        self.quiet: tuple[int, int] | None = None  # `mark()` when govbot's Slack threads were last seen idle

    @staticmethod
    def account(name: str) -> str:
        return "U" + name.upper()

    def mark(self) -> tuple[int, int]:
        """The requests sent to govbot and the calls it has made so far."""
        with self.workspace.fake.changed:
            return self.workspace.requests, len(self.workspace.fake.calls)

    def settle(self) -> None:
        """Wait until what followed the last command has reached Slack, so it is not read as the next one's answer.
        Where govbot was seen idle after the last answer and has neither been sent a request nor made a call since,
        it still is (its threads only work for a request), and looking again would find it so."""
        if self.quiet is None or self.quiet != self.mark():
            wait_until_idle()

    def say(self, who: str, text: str) -> Said:
        self.settle()
        before = len(self.workspace.fake.calls)
        return self.answer(self.workspace.command(who, slack_text(text), self.channel), before)

    def press(self, who: str, label: str, on: Said) -> Said:
        assert on.card is not None, f"no message with buttons in: {on.text}"
        self.settle()
        before = len(self.workspace.fake.calls)
        return self.answer(self.workspace.click(who, on.buttons[label], on.card, self.channel), before)

    def card_now(self, on: Said, showing: str) -> str | None:
        fake = self.workspace.fake

        def latest() -> str | None:
            with fake.changed:
                versions = [slack_read(c) for c in fake.calls if c.method in ("chat.postMessage", "chat.update")
                            and on.card in (c.params.get("ts"), c.answer.get("ts"))]
            return versions[-1] if versions and showing in versions[-1] else None

        return str(fake.wait_for(latest))

    def posted(self) -> list[str]:
        wait_until_idle(changed=self.workspace.fake.changed)
        self.quiet = self.mark()
        with self.workspace.fake.changed:
            return [slack_read(c) for c in self.workspace.fake.calls if c.method == "chat.postMessage"
                    and c.params.get("channel") == self.channel]

    def answer(self, sent: Sent, before: int) -> Said:
        """Everything the bot said for one request: its ack, else what followed it, once the bot is quiet."""
        fake = self.workspace.fake
        assert sent.status == 200, sent
        path = "/" + (sent.response_url or "").split("/", 3)[3]
        ack = acked(sent)
        if ack is None:
            fake.wait_for(lambda: answers(fake, before, path))
            wait_until_idle(changed=fake.changed)  # and all that follows it: govbot's Slack threads have nothing to do
            self.quiet = self.mark()
        calls = ([ack] if ack else []) + answers(fake, before, path)
        shown = [slack_read(c) for c in calls]
        private = [s for c, s in zip(calls, shown, strict=True) if c.path == path]
        cards = [c for c in calls if buttons_of(c) and c.answer.get("ts")]
        links = {e["text"]["text"]: e["url"] for c in calls for b in blocks_of(c) if b["type"] == "actions"
                 for e in b["elements"] if "url" in e}
        return Said("\n".join(shown), any(s.startswith(":warning:") for s in private),
                    buttons_of(cards[-1]) if cards else {}, cards[-1].answer["ts"] if cards else None, links)


def answers(fake: FakeSlack, before: int, path: str) -> list[Call]:
    """What the bot sent for one command: to its response_url, or into the channel."""
    with fake.changed:
        return [c for c in fake.calls[before:] if c.path == path or c.method in ("chat.postMessage", "chat.update")]


def teams_said(calls: list[Recorded]) -> Said:
    """What the channel reads in these messages, with the buttons of the last card that has any."""
    cards = [(c, a["content"]) for c in calls for a in c.body.get("attachments") or []
             if isinstance(a.get("content"), dict) and a["content"].get("actions")]
    buttons = {a["title"]: json.dumps(a["data"]) for a in cards[-1][1]["actions"]
               if a.get("type") == "Action.Execute"} if cards else {}
    links = {a["title"]: a["url"] for c in calls for attachment in c.body.get("attachments") or []
             if isinstance(attachment.get("content"), dict)
             for a in attachment["content"].get("actions", []) if a.get("type") == "Action.OpenUrl"}
    return Said(*teams_read(calls), buttons, cards[-1][0].answered_id if cards else None, links)


def teams_read(calls: list[Recorded]) -> tuple[str, bool | None]:
    """What the channel reads in these messages (texts, cards' text blocks and facts), and whether a card showed
    its text in the warning colour (None: plain text, where Teams shows no mark)."""
    out: list[str] = []
    error: bool | None = None
    for call in calls:
        text = call.body.get("text") or ""
        if REFUSED_TEXT.match(text):  # a refusal in plain text: Teams shows it after the warning sign
            error = True
        out.append(re.sub(r"</?at>", "", text))
        for attachment in call.body.get("attachments") or []:
            for block in attachment["content"].get("body", []):
                if block.get("type") == "TextBlock":
                    out.append(block.get("text", ""))
                    error = error or block.get("color") == "Attention"
                elif block.get("type") == "FactSet":
                    out.extend(f"{f['title']}: {f['value']}" for f in block["facts"])
            error = bool(error)
    return "\n".join(out), error


class TeamsChat(Speaking):
    """People writing `@govbot …` in one Teams channel, as Activity JSON posted to the bot's endpoint."""

    platform, channel = "teams", TEAMS_CHANNEL
    overheard = True

    @staticmethod
    def account(name: str) -> str:
        return "aad-" + name

    def __init__(self, endpoint: str, connector: FakeConnector, sessions: sessionmaker[Session],
                 clock: Clock) -> None:
        self.endpoint, self.connector, self.sessions, self.clock = endpoint, connector, sessions, clock
        self.ids = itertools.count(1000)
        self.http, self.path = KeptAlive(endpoint, timeout=30), urllib.parse.urlsplit(endpoint).path

    def envelope(self, who: str, activity_id: str) -> dict[str, Any]:
        """What every activity from `who` in the channel carries."""
        return {"id": activity_id, "channelId": "msteams", "serviceUrl": self.connector.url, "recipient": BOT,
                "timestamp": self.now.isoformat(), "from": {"id": f"29:{who}", "name": who, "aadObjectId": f"aad-{who}"},
                "conversation": {"id": f"{self.channel};messageid={activity_id}", "conversationType": "channel",
                                 "tenantId": TENANT, "isGroup": True},
                "channelData": {"channel": {"id": self.channel, "name": "group"}, "tenant": {"id": TENANT},
                                "team": {"id": "19:team@thread.tacv2"}}}

    def say(self, who: str, text: str) -> Said:
        entities: list[dict[str, Any]] = [{"type": "mention", "text": "<at>govbot</at>", "mentioned": BOT}]
        for name in dict.fromkeys(MENTION.findall(text)):
            entities.append({"type": "mention", "text": f"<at>{name}</at>",
                             "mentioned": {"id": f"29:{name}", "name": name, "aadObjectId": f"aad-{name}"}})
        before = len(self.connector.calls)
        activity = {**self.envelope(who, str(next(self.ids))), "type": "message", "textFormat": "plain",
                    "text": "<at>govbot</at> " + MENTION.sub(r"<at>\1</at>", text), "entities": entities}
        self.post(activity)
        return teams_said(self.connector.calls[before:])

    def press(self, who: str, label: str, on: Said) -> Said:
        """An Action.Execute on the card: Teams shows the presser the card the invoke response carries."""
        before = len(self.connector.calls)
        activity_id = str(next(self.ids))
        activity = {**self.envelope(who, activity_id), "type": "invoke", "name": "adaptiveCard/action",
                    "value": {"action": {"type": "Action.Execute", "verb": "gov", "data": json.loads(on.buttons[label])},
                              "trigger": "manual"}, **({"replyToId": on.card} if on.card else {})}
        value = json.loads(self.post(activity) or "{}").get("value")
        answered = Recorded("invoke", "", {"attachments": [{"content": value}]} if isinstance(value, dict)
                            else {"text": value}, None)
        return teams_said([answered, *self.connector.calls[before:]])

    def card_now(self, on: Said, showing: str) -> str | None:
        """Teams refreshes a posted card within the turn (a PUT of its activity), so the latest version is there."""
        versions = [teams_read([c])[0] for c in self.connector.calls
                    if c.answered_id == on.card or (c.method == "PUT" and c.path.endswith(f"/activities/{on.card}"))]
        return versions[-1] if versions else ""

    def posted(self) -> list[str]:
        return [teams_read([c])[0] for c in self.connector.calls
                if c.method == "POST" and f"/conversations/{self.channel};" in c.path]

    def post(self, activity: dict[str, Any]) -> str:
        status, body = self.http.post(self.path, json.dumps(activity).encode(), {"Content-Type": "application/json"})
        assert status in (200, 202), status
        return body.decode()


def fresh(engine: Engine) -> None:
    """Empty every table, for the next test on a server that outlives one test."""
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


@contextmanager
def database(folder: Path) -> Iterator[tuple[Engine, sessionmaker[Session]]]:
    engine = make_engine(f"sqlite:///{folder / 'govbot.db'}")
    compiled.share(engine)  # the SQL the console tests of this process compiled already (tests/compiled.py)
    Base.metadata.create_all(engine)
    try:
        yield engine, session_factory(engine)
    finally:
        loaded.unwatch(engine)
        engine.dispose()


@contextmanager
def slack_server(folder: Path) -> Iterator[tuple[Engine, SlackChat]]:
    """govbot's Slack routes on 127.0.0.1 with the fake Web API, for as long as the caller keeps them."""
    clock = Clock(START)
    with database(folder) as (engine, sessions), fake_slack() as fake:
        settings = Settings(_env_file=None, slack_bot_token=SecretStr("xoxb-" + secrets.token_hex(12)),
                            slack_signing_secret=SecretStr(secrets.token_hex(16)), slack_api_url=fake.url)
        with serving(settings, sessions, clock, fake) as workspace:
            yield engine, SlackChat(workspace, sessions, clock)


@contextmanager
def teams_server(folder: Path) -> Iterator[tuple[Engine, TeamsChat]]:
    """govbot's Teams endpoint (anonymous) and a fake Bot Connector on 127.0.0.1, on a loop in a thread."""
    clock = Clock(START)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="teams-web", daemon=True)
    thread.start()

    def run(coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result(timeout=30)

    async def started(app: web.Application) -> tuple[web.AppRunner, str]:
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        return runner, f"http://127.0.0.1:{runner.addresses[0][1]}"

    with database(folder) as (engine, sessions):
        connector = FakeConnector()
        bot = web.Application()
        mount_teams(bot, Settings(_env_file=None, teams_anonymous=True), sessions, clock)
        runners = []
        try:
            connector_runner, connector.url = run(started(connector.app()))
            connector.url += "/"
            runners.append(connector_runner)
            bot_runner, bot_url = run(started(bot))
            runners.append(bot_runner)
            chat = TeamsChat(bot_url + "/api/messages", connector, sessions, clock)
            try:
                yield engine, chat
            finally:
                chat.http.close()
        finally:
            for runner in reversed(runners):
                run(runner.cleanup())
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=10)
            loop.close()
