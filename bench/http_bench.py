"""Benchmark over real HTTP: signed `/gov vote` requests to running servers, as Slack sends them.

Run by `make bench` (alone: `python bench/http_bench.py [--postgres URL]`). Two parts:
  1. SQLite: 50 concurrent senders, 200 signed votes, to `govbot run` (each vote changes a ballot in the record and
     the receipt comes back in the ack), beside a bare Bolt app served the same way (aiohttp, a thread pool) that
     only acks, and one that commits one row to a SQLite file first (the durable-write floor).
  2. PostgreSQL: 500 voters across 10 groups, one vote each, 50 senders, to one `govbot run` and then to two
     replicas on one database (half the connections to each): votes per second, failures, one ballot per voter;
     `--rounds N` measures both N times over and gives the median ratio.
Targets: SQLite p99 < 150 ms and within 3x of the one-row floor; two replicas >= 1.6x the votes/s of one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier
from sqlalchemy import func, select, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import cpu, load, pg_waits, wrk_load  # noqa: E402
from bot.db import make_engine, session_factory, unit_of_work, upgrade  # noqa: E402
from bot.models import Ballot  # noqa: E402
from bot.services.context import Place  # noqa: E402
from bot.services.groups import bind_channel, import_group  # noqa: E402
from handlers.slack.workers import TRANSACTIONS_AT_ONCE  # noqa: E402
from tests.conftest import START  # noqa: E402
from tests.deploy.processes import clean_env, free_port, get  # noqa: E402
from tests.slack.fake_slack import FakeSlack, fake_slack  # noqa: E402

# `govbot run`, counting the SQL statements it sends (bench/counted_server.py).
SERVER = [sys.executable, str(ROOT / "bench" / "counted_server.py")]
SENDERS, VOTES = 50, 200
GROUPS, VOTERS_PER_GROUP = 10, 50
CJCG_VOTERS = ["bob", "carol", "dan", "erin", "frank", "grace", "harry", "ivy", "jack", "kate", "liam"]
Signed = tuple[str, dict[str, str]]
# A vote between meetings needs a deadline: without --closes the poll is refused, privately, in the ack.
POLL = f'poll "Benchmark?" "One" "Two" --closes "{dt.date.today() + dt.timedelta(days=7)} 17:00"'


def signed_command(secret: str, fake: FakeSlack, channel: str, user: str, said: str) -> Signed:
    body = urlencode({"team_id": "T0GOV", "channel_id": channel, "channel_name": "bench", "user_id": user,
                      "user_name": user.lower(), "command": "/gov", "text": said, "api_app_id": "A0GOV",
                      "response_url": fake.url.removesuffix("api/") + f"response/{uuid.uuid4().hex}",
                      "trigger_id": "t"})
    timestamp = str(int(time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=body)
    return body, {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature,
                  "Content-Type": "application/x-www-form-urlencoded"}


@dataclass(frozen=True)
class Run:
    """One timed run: latencies in seconds, the requests answered, how many failed, and the wall time."""

    median: float
    p99: float
    answered: int
    failures: int
    wall: float


GENERATOR = ["python"]  # --generator: the Python driver, or wrk (no cheaper: bench/wrk_load.py)


def blast(ports: list[int], requests: list[Signed], senders: int, fake: FakeSlack) -> Run:
    """Send every request, `senders` connections at once, each keep-alive, split between the ports, each sending its
    next request when its last is answered; each request is signed and written out as the bytes of an HTTP request
    before the clock starts. The load generator is not what is measured, but it shares the machine's cores with the
    servers: one Python thread driving every connection (bench/load.py), or with `--generator wrk` wrk
    (bench/wrk_load.py), which costs as much CPU a request: most of either's is the kernel's loopback TCP."""
    if GENERATOR[0] == "wrk":
        shares = {port: [wire(port, *requests[i]) for i in range(n, len(requests), len(ports))]
                  for n, port in enumerate(ports)}
        seen = wrk_load.drive(shares, senders)
        failures = len(requests) - seen.answered + seen.failed
        if fake.url and seen.later:  # receipts sent to response URLs: every vote's, or a failure each
            failures += max(seen.later - receipts_later(requests, fake, seen.later), 0)
        return Run(seen.median, seen.p99, seen.answered, failures, seen.wall)
    queue = load.Queue({port: [wire(port, body, headers) for body, headers in requests] for port in ports},
                       [body for body, _ in requests])
    drivers = [load.Sender(ports[i % len(ports)], queue) for i in range(senders)]
    wall = load.drive(drivers)
    samples, failures = load.checked(drivers, lambda answer, body: received(answer, body, fake))
    p99 = statistics.quantiles(samples, n=100)[98] if len(samples) > 1 else max(samples, default=0.0)
    return Run(statistics.median(samples), p99, len(samples), failures, wall)


def receipts_later(requests: list[Signed], fake: FakeSlack, expected: int) -> int:
    """How many of `requests` got their receipt at their response URL (waiting up to 30 s for `expected`)."""
    paths = {"/" + m.group(1).replace("%2F", "/") for body, _ in requests
             if (m := re.search(r"response_url=[^&]*?(response%2F[0-9a-f]+)", body))}

    def found() -> int:
        return sum(c.path in paths and "Your vote on poll" in str(c.params.get("text"))
                   for c in fake.of("response_url"))

    try:
        return int(fake.wait_for(lambda: found() if found() >= expected else None, 30))
    except AssertionError:  # fewer came: each missing one failed
        return found()


def wire(port: int, body: str, headers: dict[str, str]) -> bytes:
    """A signed request as the bytes an HTTP/1.1 client sends for it on a keep-alive connection."""
    payload = body.encode()
    lines = ["POST /slack/events HTTP/1.1", f"Host: 127.0.0.1:{port}", f"Content-Length: {len(payload)}",
             *(f"{name}: {value}" for name, value in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


def received(answer: str, body: str, fake: FakeSlack) -> bool:
    """A bare app's empty ack; govbot's receipt, in the ack or (when the command outlasted it) at the response URL."""
    if "vote" not in body or not fake.url:
        return True
    if answer.strip() and "Your vote on poll" in json.loads(answer).get("text", ""):
        return True
    path = "/" + re.search(r"response_url=[^&]*?(response%2F[0-9a-f]+)", body).group(1).replace("%2F", "/")  # type: ignore[union-attr]
    return "Your vote on poll" in str(fake.wait_for(
        lambda: next((c.params.get("text") for c in fake.of("response_url") if c.path == path), None), 30))


def open_polls(ports: list[int], polls: list[Signed], fake: FakeSlack) -> None:
    """Open each poll and wait for its card; stop with the bot's answer if one was refused (its ack then says why)."""
    for i, (body, headers) in enumerate(polls):
        connection = http.client.HTTPConnection("127.0.0.1", ports[i % len(ports)], timeout=60)
        connection.request("POST", "/slack/events", body=body, headers=headers)
        answer = connection.getresponse().read().decode()
        connection.close()
        if answer.strip():
            raise SystemExit(f"the bench's poll was not opened: {json.loads(answer).get('text', answer)}")
    fake.wait_for(lambda: len(fake.of("chat.postMessage")) >= len(polls), 30)


@contextmanager
def running(command: list[str], env: dict[str, str], port: int, log: Path) -> Iterator[int]:
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env | {"PORT": str(port)}, stdout=out, stderr=out, cwd=log.parent)
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    if get(f"http://127.0.0.1:{port}/healthz")[0] == 200:
                        break
                except OSError:
                    pass
                assert process.poll() is None and time.monotonic() < deadline, log.read_text()[-2000:]
                time.sleep(0.2)
            yield process.pid
        finally:
            process.terminate()
            process.wait(timeout=90)


def govbot_env(url: str, secret: str, fake: FakeSlack) -> dict[str, str]:
    return clean_env(DATABASE_URL=url, SLACK_API_URL=fake.url, SLACK_BOT_TOKEN="xoxb-bench",
                     SLACK_SIGNING_SECRET=secret, MIGRATE_ON_START="false", LOG_LEVEL="WARNING")


def load_group(sessions: object, short_name: str, channel: str, voters: list[str]) -> None:
    seats = "\n".join(f"  - {{title: Seat {i}, organisation: Org {i}, holder: 'slack:{v}'"
                      f"{', role: chair' if i == 0 else ''}}}" for i, v in enumerate(voters))
    tor = (ROOT / "examples" / "004-cjcg.yaml").read_text(encoding="utf-8")
    tor = re.sub(r"(?ms)^seats:[^\n]*\n.*?(?=^\S)", f"seats:\n{seats}\n\n", tor)
    tor = re.sub(r"(?m)^short_name: \S+", f"short_name: {short_name}", tor)
    tor = re.sub(r"(?m)^parent: \S+", "parent: null", tor)
    with unit_of_work(sessions) as session:  # type: ignore[arg-type]
        group = import_group(session, tor, START)
        bind_channel(session, group, Place("slack", channel), START, actor_id=None)


def report(name: str, run: Run) -> float:
    p99 = run.p99 * 1000
    print(f"{name:<44} median {run.median * 1000:7.1f} ms   p99 {p99:7.1f} ms   "
          f"{run.answered / run.wall:6.0f} req/s   failures {run.failures}")
    return p99


def sqlite_part(workdir: Path) -> None:
    secret, url = secrets.token_hex(16), f"sqlite:///{workdir / 'govbot.db'}"
    upgrade(url)
    sessions = session_factory(make_engine(url))
    tor = re.sub(r"holder: (\w+)", lambda m: f"holder: slack:U{m.group(1).upper()}",
                 (ROOT / "examples" / "004-cjcg.yaml").read_text(encoding="utf-8"))
    with unit_of_work(sessions) as session:
        bind_channel(session, import_group(session, tor, START), Place("slack", "CBENCH"), START, actor_id=None)
    print(f"SQLite: {SENDERS} concurrent senders, {VOTES} signed votes over HTTP to a running server")
    with fake_slack() as fake:
        port = free_port()
        with running(SERVER, govbot_env(url, secret, fake), port,
                     workdir / "govbot.log") as pid:
            open_polls([port], [signed_command(secret, fake, "CBENCH", "UALICE", POLL)], fake)
            votes = [signed_command(secret, fake, "CBENCH", "U" + CJCG_VOTERS[i % 11].upper(), f"vote 1 {1 + i % 2}")
                     for i in range(VOTES)]
            before = cpu.snapshot([pid])
            ours = report("govbot run (vote recorded, receipt in ack)", blast([port], votes, SENDERS, fake))
            print(f"  {cpu.describe(before, cpu.snapshot([pid]), len(votes))}")
        floors = {}
        print("  (the same signed votes, replayed to the bare apps)")
        for mode, name in (("ack", "bare Bolt app (ack only)"), ("row", "bare Bolt app (one row, then ack)")):
            port = free_port()
            command = [sys.executable, str(ROOT / "bench" / "bare_server.py"), mode, str(port), secret, fake.url,
                       str(workdir / f"{mode}.db")]
            with running(command, clean_env(), port, workdir / f"{mode}.log"):
                floors[mode] = report(name, blast([port], votes, SENDERS, FakeSlack()))
    print(f"{'ratio govbot / one-row floor (p99)':<44} {ours / floors['row']:.1f}x")
    for target, met in (("p99 < 150 ms", ours < 150), ("within 3x of the one-row floor", ours < 3 * floors["row"])):
        print(f"  target {target:<36} {'met' if met else 'NOT met'}")


def postgres_part(base_url: str, workdir: Path, rounds: int = 1) -> None:
    """One replica, then two, `rounds` times over: on a shared machine one pair can be minutes apart in what else
    runs, and the median of several ratios says more than any one of them."""
    print(f"PostgreSQL: {GROUPS * VOTERS_PER_GROUP} voters across {GROUPS} groups, {SENDERS} senders")
    ratios = []
    for _ in range(rounds):
        rates, ceilings = {}, {}
        for replicas in (1, 2):
            schema = f"bench_{uuid.uuid4().hex[:8]}"
            admin = make_engine(base_url)
            with admin.begin() as connection:
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
            url = (base_url + ("&" if "?" in base_url else "?") + f"options=-csearch_path%3D{schema}"
                   f"&application_name={pg_waits.NAME}")
            try:
                rates[replicas], ceilings[replicas] = postgres_round(url, replicas, workdir)
            finally:
                with admin.begin() as connection:
                    connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                admin.dispose()
        ratios.append(rates[2] / rates[1])
        print(f"{'two replicas / one (votes per second)':<44} {ratios[-1]:.2f}x   "
              f"target >= 1.6x {'met' if ratios[-1] >= 1.6 else 'NOT met'}")
        cores, each, _ = ceilings[2]
        most = cores / each
        print(f"  this machine's ceiling for two replicas: {cores} cores / {each * 1000:.1f} ms of CPU a vote "
              f"(servers, PostgreSQL, the load generator and the kernel's interrupts) = {most:.0f} votes/s, "
              f"{most / rates[1]:.2f}x one replica's rate: a ratio above that would need more cores, not less code")
        print(f"  bound 2 x S1 / (S2 + P + L + K) = 2 x {ceilings[1][2] * 1000:.1f} / {each * 1000:.1f} ms = "
              f"{2 * ceilings[1][2] / each:.2f}x (one replica on one core, two on both cores all the time)")
    if rounds > 1:
        median = statistics.median(ratios)
        print(f"{'two replicas / one, median of ' + str(rounds) + ' rounds':<44} {median:.2f}x   (each: "
              f"{', '.join(f'{r:.2f}x' for r in ratios)})   target >= 1.6x {'met' if median >= 1.6 else 'NOT met'}")


def postgres_round(url: str, replicas: int, workdir: Path) -> tuple[float, tuple[float, float, float]]:
    """Votes per second of `replicas` servers, and the machine's ceiling as bench.cpu.ceiling measures it.

    Each server is warmed first by votes in a group of its own, outside the timed run: a fresh process compiles
    each statement on its first use, and psycopg prepares a statement on a connection at its fifth. Unwarmed, two
    replicas paid that twice within 250 votes each, one replica once within 500, and the ratio measured it."""
    upgrade(url)
    engine = make_engine(url)
    sessions = session_factory(engine)
    voters = {g: [f"UG{g}V{i}" for i in range(VOTERS_PER_GROUP)] for g in range(GROUPS + 1)}  # the last: warming
    for g, people in voters.items():
        load_group(sessions, f"bench{g}", f"CGROUP{g}", people)
    secret = secrets.token_hex(16)
    with fake_slack() as fake, ExitStack() as stack:
        ports = [free_port() for _ in range(replicas)]
        pids = [stack.enter_context(running(SERVER,
                                            govbot_env(url, secret, fake), port, workdir / f"pg-{replicas}-{i}.log"))
                for i, port in enumerate(ports)]
        open_polls(ports, [signed_command(secret, fake, f"CGROUP{g}", voters[g][0], POLL) for g in voters], fake)
        warming = [signed_command(secret, fake, f"CGROUP{GROUPS}", v, "vote 1 1") for v in voters.pop(GROUPS)]
        failures = blast(ports, warming, 2 * TRANSACTIONS_AT_ONCE * len(ports), fake).failures
        assert not failures, f"{failures} of the votes that warm the servers failed: see {workdir}"
        votes = [signed_command(secret, fake, f"CGROUP{g}", v, "vote 1 1") for i in range(VOTERS_PER_GROUP)
                 for g, people in voters.items() for v in [people[i]]]
        backends = pg_waits.backends(engine)
        before = cpu.snapshot(pids, backends)
        calls = len(fake.calls)
        sampler = pg_waits.Sampler(engine, backends).start()
        run = blast(ports, votes, SENDERS, fake)
        waits = sampler.stop()
        report(f"{replicas} replica{'s' if replicas > 1 else ''} ({len(votes)} votes)", run)
        after = cpu.snapshot(pids, pg_waits.backends(engine), sampler.cpu)
        updates = sum(c.method == "chat.update" for c in fake.calls[calls:])
        print(f"  {cpu.describe(before, after, len(votes))}\n  {waits}\n  Slack calls while timed: "
              f"{len(fake.calls) - calls} ({updates} card updates)")
    with sessions() as session:
        ballots = session.scalar(select(func.count()).select_from(Ballot)) - len(warming)
    print(f"{'':<44} ballots {ballots} for {len(votes)} voters ({'one each' if ballots == len(votes) else 'WRONG'})")
    engine.dispose()
    return len(votes) / run.wall, cpu.ceiling(before, after, len(votes))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL",
                                                             "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--only", choices=("sqlite", "postgres"), help="run one part alone")
    parser.add_argument("--generator", choices=("python", "wrk"), default=GENERATOR[0],
                        help="the load generator: the Python driver (default) or wrk, when installed")
    parser.add_argument("--rounds", type=int, default=1, help="PostgreSQL: measure one and two replicas this many "
                                                              "times over and give the median ratio")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="govbot-http-bench-"))
    GENERATOR[0] = "wrk" if args.generator == "wrk" and wrk_load.available() else "python"
    print("Load generator: " + ("wrk (bench/wrk_votes.lua)" if GENERATOR[0] == "wrk" else
                                "the Python driver (bench/load.py)" + (" -- wrk is not installed (apt-get install "
                                                                       "wrk), so the Python driver instead"
                                                                       if args.generator == "wrk" else "")))
    if args.only != "postgres":
        sqlite_part(workdir)
    if args.only == "sqlite":
        return 0
    try:
        probe = make_engine(args.postgres)
        with probe.connect() as connection:
            connection.execute(text("SELECT 1"))
        probe.dispose()
    except Exception as error:  # no server: say so and skip that part
        print(f"PostgreSQL part skipped: {args.postgres} is not reachable ({type(error).__name__})")
        return 0
    postgres_part(args.postgres, workdir, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
