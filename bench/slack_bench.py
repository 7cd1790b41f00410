"""Benchmark: a signed `/gov vote` handled end to end in-process, against a bare Bolt app that only acks.

Run `make bench` (or `python bench/slack_bench.py`). It prints the median and p99 of
  - govbot: signature check, parse, the vote written to the record (SQLite file, migrated, fsync'd), and the
    receipt back at Slack: in the ack's body, which Slack shows to the voter (or, when a command outlasts the
    ack, at the response_url);
  - bare Bolt: the same signed request to an App whose only listener acks;
  - bare Bolt writing: the same, but the listener first commits one row to a SQLite file (WAL, fsync'd, as
    govbot's record is), to show what a durable write alone costs beside the bare ack;
their ratio, and a run with 50 concurrent senders (failures and p99). The poll's card is in the channel, so
every vote also refreshes it after the ack (chat.update on the fake Slack), as in a real channel. Targets:
p99 < 25 ms, ratio < 3x, 50 concurrent with no failures and p99 < 250 ms.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

from pydantic import SecretStr
from slack_bolt import Ack, App, BoltRequest
from slack_sdk.signature import SignatureVerifier

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.db import make_engine, session_factory, unit_of_work, upgrade  # noqa: E402
from bot.services.context import Place  # noqa: E402
from bot.services.groups import bind_channel, import_group  # noqa: E402
from bot.settings import Settings  # noqa: E402
from handlers.slack import build_app  # noqa: E402
from handlers.slack.app import WORKERS  # noqa: E402
from handlers.slack.client import web_client  # noqa: E402
from handlers.slack.workers import Workers  # noqa: E402
from tests.slack.fake_slack import FakeSlack, fake_slack  # noqa: E402

SEQUENTIAL, WARMUP, SENDERS, PER_SENDER = 300, 30, 50, 4
CHANNEL = "CBENCH"
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
VOTERS = ["bob", "carol", "dan", "erin", "frank", "grace", "harry", "ivy", "jack", "kate", "liam"]


class BenchClock:
    """The time the votes arrive at, moved on by the bench: one member's ballot changes 330 times in a row here,
    and the record takes at most 30 changes a minute and 240 an hour from one member (bot/rules/record_pace.py),
    so each of those votes comes 16 s after the one before."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now

    def tick(self, seconds: float = 16) -> None:
        self.now += dt.timedelta(seconds=seconds)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Sender:
    def __init__(self, secret: str, fake: FakeSlack) -> None:
        self.verifier, self.fake, self.n = SignatureVerifier(secret), fake, 0

    def request(self, user: str, text: str) -> tuple[BoltRequest, str]:
        self.n += 1
        response_path = f"/response/{self.n}-{secrets.token_hex(4)}"
        body = urlencode({"team_id": "T0GOV", "channel_id": CHANNEL, "channel_name": "bench",
                          "user_id": f"U{user.upper()}", "user_name": user, "command": "/gov", "text": text,
                          "response_url": self.fake.url.removesuffix("/api/") + response_path, "trigger_id": "t",
                          "api_app_id": "A0GOV"})
        timestamp = str(int(time.time()))
        headers = {"content-type": ["application/x-www-form-urlencoded"], "x-slack-request-timestamp": [timestamp],
                   "x-slack-signature": [self.verifier.generate_signature(timestamp=timestamp, body=body)]}
        return BoltRequest(body=body, headers=headers), response_path


def answered(fake: FakeSlack, path: str) -> str | None:
    return next((c.params.get("text") for c in reversed(fake.calls) if c.path == path), None)


def govbot_once(app: App, sender: Sender, fake: FakeSlack, user: str, choice: int) -> tuple[float, bool]:
    """Seconds until the voter's receipt is back at Slack, and whether the vote counted."""
    return deliver(app, fake, sender.request(user, f"vote 1 {choice}"))


def deliver(app: App, fake: FakeSlack, signed: tuple[BoltRequest, str]) -> tuple[float, bool]:
    """Dispatch a signed vote; seconds until its receipt is back at Slack, and whether the vote counted."""
    request, path = signed
    started = time.perf_counter()
    response = app.dispatch(request)
    receipt = json.loads(response.body).get("text") if response.body else None
    if receipt is None:  # the ack outran the command: the receipt follows at the response_url
        receipt = fake.wait_for(lambda: answered(fake, path), timeout=30)
    elapsed = time.perf_counter() - started
    return elapsed, response.status == 200 and "Your vote on poll 1" in receipt


def bare_once(app: App, sender: Sender) -> float:
    request, _ = sender.request("bob", "vote 1 1")
    started = time.perf_counter()
    assert app.dispatch(request).status == 200
    return time.perf_counter() - started


def report(name: str, samples: list[float]) -> tuple[float, float]:
    median, p99 = statistics.median(samples) * 1000, percentile(samples, 0.99) * 1000
    print(f"{name:<36} median {median:7.2f} ms   p99 {p99:7.2f} ms   (n={len(samples)})")
    return median, p99


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="govbot-bench-"))
    url = f"sqlite:///{workdir / 'govbot.db'}"
    upgrade(url)
    sessions = session_factory(make_engine(url))
    tor = (Path(__file__).resolve().parent.parent / "examples" / "004-cjcg.yaml").read_text(encoding="utf-8")
    tor = re.sub(r"holder: (\w+)", lambda m: f"holder: slack:U{m.group(1).upper()}", tor)
    with unit_of_work(sessions) as session:
        group = import_group(session, tor, NOW)
        bind_channel(session, group, Place("slack", CHANNEL), NOW, actor_id=None)
    secret = secrets.token_hex(16)
    with fake_slack() as fake:
        settings = Settings(_env_file=None, slack_bot_token=SecretStr("xoxb-bench"),  # type: ignore[call-arg]
                            slack_signing_secret=SecretStr(secret), slack_api_url=fake.url)
        workers = Workers.for_database("sqlite", WORKERS)
        clock = BenchClock()
        app = build_app(settings, sessions, clock, workers)
        bare = App(signing_secret=secret, client=web_client(settings, "xoxb-bench"), process_before_response=True,
                   token_verification_enabled=False)
        bare.command("/gov")(lambda ack: ack())
        writing = App(signing_secret=secret, client=web_client(settings, "xoxb-bench"), process_before_response=True,
                      token_verification_enabled=False)
        row = sqlite3.connect(workdir / "bare.db", isolation_level=None, check_same_thread=False)
        row.execute("PRAGMA journal_mode=WAL")
        row.execute("CREATE TABLE votes (user TEXT, text TEXT)")

        def write_then_ack(ack: Ack, body: dict[str, str]) -> None:
            row.execute("BEGIN IMMEDIATE")
            row.execute("INSERT INTO votes VALUES (?, ?)", (body["user_id"], body["text"]))
            row.execute("COMMIT")
            ack()

        writing.command("/gov")(write_then_ack)
        sender = Sender(secret, fake)
        request, _ = sender.request("alice", 'poll "Benchmark?" "One" "Two" --closes "2026-12-08 17:00"')
        assert app.dispatch(request).status == 200
        fake.wait_for(lambda: fake.of("chat.postMessage"))  # the poll's card, which each vote refreshes

        for i in range(WARMUP):
            clock.tick()
            govbot_once(app, sender, fake, "bob", 1 + i % 2)
            bare_once(bare, sender)
            bare_once(writing, sender)
        ours, failures = [], 0
        for i in range(SEQUENTIAL):  # every vote changes bob's ballot, so every request writes to the record
            clock.tick()
            elapsed, ok = govbot_once(app, sender, fake, "bob", 1 + i % 2)
            ours.append(elapsed)
            failures += not ok
        theirs = [bare_once(bare, sender) for _ in range(SEQUENTIAL)]
        durable = [bare_once(writing, sender) for _ in range(SEQUENTIAL)]
        print(f"signed `/gov vote` on SQLite ({url}), {SEQUENTIAL} sequential requests after {WARMUP} warm-up")
        _, our_p99 = report("govbot (vote recorded, receipt back)", ours)
        _, bare_p99 = report("bare Bolt app (ack only)", theirs)
        _, durable_p99 = report("bare Bolt app (one row, then ack)", durable)
        print(f"{'ratio govbot / bare (p99)':<36} {our_p99 / bare_p99:.1f}x")
        print(f"{'ratio bare writing / bare (p99)':<36} {durable_p99 / bare_p99:.1f}x")
        print(f"{'ratio govbot / bare writing (p99)':<36} {our_p99 / durable_p99:.1f}x")

        # Each sender signs its votes first (Slack's work, not ours), then all fifty start at once, two hours on
        # (about 18 votes each of eleven voters, all in one moment: within the 30 a minute one member may make).
        clock.tick(2 * 3600)
        start_together = threading.Barrier(SENDERS)

        def sender_run(index: int) -> list[tuple[float, bool]]:
            own = Sender(secret, fake)
            signed = [own.request(VOTERS[index % len(VOTERS)], f"vote 1 {1 + (index + k) % 2}")
                      for k in range(PER_SENDER)]
            start_together.wait()
            return [deliver(app, fake, one) for one in signed]

        with ThreadPoolExecutor(SENDERS) as pool:
            results = [r for run in pool.map(sender_run, range(SENDERS)) for r in run]
        workers.shutdown()  # the card refreshes still running finish before the fake Slack closes
        concurrent_failures = sum(not ok for _, ok in results)
        _, concurrent_p99 = report(f"{SENDERS} concurrent senders", [e for e, _ in results])
        print(f"{'failures':<36} sequential {failures}, concurrent {concurrent_failures} of {len(results)}")
        print(f"{'card refreshes (chat.update)':<36} {len(fake.of('chat.update'))} for "
              f"{WARMUP + SEQUENTIAL + len(results)} votes")
        for target, met in (("p99 < 25 ms", our_p99 < 25), ("ratio < 3x", our_p99 / bare_p99 < 3),
                            ("50 concurrent: no failures", concurrent_failures == 0 and failures == 0),
                            ("50 concurrent: p99 < 250 ms", concurrent_p99 < 250)):
            print(f"  target {target:<32} {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
