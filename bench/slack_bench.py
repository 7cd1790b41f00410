"""Benchmark: a signed `/gov vote` handled end to end in-process, against a bare Bolt app that only acks.

Run `python bench/slack_bench.py` (the lead wires `make bench`). It prints the median and p99 of
  - govbot: signature check, parse, database write (SQLite file, migrated), and the reply reaching Slack
    (the fake Web API on 127.0.0.1 records the ephemeral answer posted to the response_url);
  - bare Bolt: the same signed request to an App whose only listener acks;
their ratio, and a run with 50 concurrent senders (failures and p99). Targets: p99 < 25 ms, ratio < 3x,
50 concurrent with no failures and p99 < 250 ms.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

from pydantic import SecretStr
from slack_bolt import App, BoltRequest
from slack_sdk.signature import SignatureVerifier

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.conversation import respond  # noqa: E402
from bot.db import make_engine, session_factory, unit_of_work, upgrade  # noqa: E402
from bot.services.context import Place, Speaker  # noqa: E402
from bot.services.groups import bind_channel, import_group  # noqa: E402
from bot.settings import Settings  # noqa: E402
from handlers.slack import build_app  # noqa: E402
from handlers.slack.client import web_client  # noqa: E402
from tests.slack.fake_slack import FakeSlack, fake_slack  # noqa: E402

SEQUENTIAL, WARMUP, SENDERS, PER_SENDER = 300, 30, 50, 4
CHANNEL = "CBENCH"
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
VOTERS = ["bob", "carol", "dan", "erin", "frank", "grace", "harry", "ivy", "jack", "kate", "liam"]


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


def govbot_once(app: App, sender: Sender, fake: FakeSlack, user: str, choice: int) -> tuple[float, float, bool]:
    """Seconds to the ack (what Slack waits for) and to the reply reaching Slack, and whether the vote counted."""
    request, path = sender.request(user, f"vote 1 {choice}")
    started = time.perf_counter()
    status = app.dispatch(request).status
    acked = time.perf_counter() - started
    text = fake.wait_for(lambda: answered(fake, path), timeout=30)
    elapsed = time.perf_counter() - started
    return acked, elapsed, status == 200 and "Your vote on poll 1" in text


def bare_once(app: App, sender: Sender) -> float:
    request, _ = sender.request("bob", "vote 1 1")
    started = time.perf_counter()
    assert app.dispatch(request).status == 200
    return time.perf_counter() - started


def report(name: str, samples: list[float]) -> tuple[float, float]:
    median, p99 = statistics.median(samples) * 1000, percentile(samples, 0.99) * 1000
    print(f"{name:<34} median {median:7.2f} ms   p99 {p99:7.2f} ms   (n={len(samples)})")
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
    chair = respond(sessions, Speaker("slack", "UALICE", "alice"), Place("slack", CHANNEL),
                    'poll "Benchmark?" "One" "Two"', NOW)
    assert not chair.error, chair.text
    secret = secrets.token_hex(16)
    with fake_slack() as fake:
        settings = Settings(_env_file=None, slack_bot_token=SecretStr("xoxb-bench"),  # type: ignore[call-arg]
                            slack_signing_secret=SecretStr(secret), slack_api_url=fake.url)
        app = build_app(settings, sessions, lambda: NOW)
        bare = App(signing_secret=secret, client=web_client(settings, "xoxb-bench"), process_before_response=True,
                   token_verification_enabled=False)
        bare.command("/gov")(lambda ack: ack())
        sender = Sender(secret, fake)

        for i in range(WARMUP):
            govbot_once(app, sender, fake, "bob", 1 + i % 2)
            bare_once(bare, sender)
        acks, ours, failures = [], [], 0
        for i in range(SEQUENTIAL):  # every vote changes bob's ballot, so every request writes to the record
            acked, elapsed, ok = govbot_once(app, sender, fake, "bob", 1 + i % 2)
            acks.append(acked)
            ours.append(elapsed)
            failures += not ok
        theirs = [bare_once(bare, sender) for _ in range(SEQUENTIAL)]
        print(f"signed `/gov vote` on SQLite ({url}), {SEQUENTIAL} sequential requests after {WARMUP} warm-up")
        _, our_p99 = report("govbot end to end (reply at Slack)", ours)
        _, ack_p99 = report("govbot ack (what Slack waits for)", acks)
        _, bare_p99 = report("bare Bolt app (ack only)", theirs)
        print(f"{'ratio end to end / bare (p99)':<34} {our_p99 / bare_p99:.1f}x")
        print(f"{'ratio ack / bare (p99)':<34} {ack_p99 / bare_p99:.1f}x")

        def sender_run(index: int) -> list[tuple[float, float, bool]]:
            own = Sender(secret, fake)
            return [govbot_once(app, own, fake, VOTERS[index % len(VOTERS)], 1 + (index + k) % 2)
                    for k in range(PER_SENDER)]

        with ThreadPoolExecutor(SENDERS) as pool:
            results = [r for run in pool.map(sender_run, range(SENDERS)) for r in run]
        concurrent_failures = sum(not ok for _, _, ok in results)
        _, concurrent_p99 = report(f"{SENDERS} concurrent: end to end", [e for _, e, _ in results])
        report(f"{SENDERS} concurrent: ack", [a for a, _, _ in results])
        print(f"{'failures':<34} sequential {failures}, concurrent {concurrent_failures} of {len(results)}")
        for target, met in (("p99 end to end < 25 ms", our_p99 < 25), ("ratio ack / bare < 3x", ack_p99 / bare_p99 < 3),
                            ("ratio end to end / bare < 3x", our_p99 / bare_p99 < 3),
                            ("50 concurrent: no failures", concurrent_failures == 0 and failures == 0),
                            ("50 concurrent: p99 < 250 ms", concurrent_p99 < 250)):
            print(f"  target {target:<32} {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
