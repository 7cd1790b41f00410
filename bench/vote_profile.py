"""What one `/gov vote` costs the core, in process: CPU, SQL statements and Python function calls a vote.

`python bench/vote_profile.py sqlite|postgres [--batch K] [--pending] [--top N]`. The votes are the over-HTTP
bench's (bench/http_bench.py) without HTTP, Bolt or threads: on SQLite eleven CJCG members change their ballots
on one poll, in group-commit batches of K (one transaction, a savepoint a vote, as `govbot run` commits them);
on PostgreSQL 500 members of ten groups each vote once, a transaction a vote. Each vote is claimed as a platform
delivery and its receipt carries the poll's refreshed card, as a Slack vote does; the audit chain is verified
after. CPU and statements are the first run's; Python calls, and with `--top` cProfile's costliest functions, a
second, profiled run's.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import re
import secrets
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.http_bench import CJCG_VOTERS, GROUPS, VOTERS_PER_GROUP, load_group  # noqa: E402
from bench.statement_count import count_statements  # noqa: E402
from bot import group_commit  # noqa: E402
from bot.conversation import respond, respond_once  # noqa: E402
from bot.db import make_engine, session_factory, upgrade  # noqa: E402
from bot.group_commit import GroupCommit, Queued  # noqa: E402
from bot.identity import Place, Speaker  # noqa: E402
from bot.records.audit_trail import verify  # noqa: E402
from bot.services.deliveries import Delivery  # noqa: E402

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
POLL = f'poll "Benchmark?" "One" "Two" --closes "{(NOW + dt.timedelta(days=7)).date()} 17:00"'
Vote = tuple[Speaker, Place, str]
sent = [0]


def prepared(kind: str, url: str) -> tuple[sessionmaker[Session], list[Vote]]:
    """A migrated record with the bench's groups and open polls, and the votes to time, in order."""
    upgrade(url)
    sessions = session_factory(make_engine(url))
    if kind == "sqlite":
        voters = {0: [f"U{v.upper()}" for v in ["alice", *CJCG_VOTERS]]}
    else:
        voters = {g: [f"UG{g}V{i}" for i in range(VOTERS_PER_GROUP)] for g in range(GROUPS)}
    for g, people in voters.items():
        load_group(sessions, f"bench{g}", f"CGROUP{g}", people)
        reply = respond(sessions, Speaker("slack", people[0], people[0]), Place("slack", f"CGROUP{g}"), POLL, NOW)
        assert not reply.error, reply.text
    if kind == "sqlite":  # everyone has voted once: every timed vote changes a ballot
        people = voters[0][1:]
        votes = [(Speaker("slack", people[i % len(people)], people[i % len(people)]), Place("slack", "CGROUP0"),
                  f"vote 1 {1 + (i // len(people)) % 2}") for i in range(len(people) * 40)]
        return sessions, votes
    return sessions, [(Speaker("slack", people[i], people[i]), Place("slack", f"CGROUP{g}"), "vote 1 1")
                      for i in range(VOTERS_PER_GROUP) for g, people in voters.items()]


def cast(sessions: sessionmaker[Session], votes: list[Vote], batch: int, pending: bool) -> Callable[[], None]:
    """A function that casts `votes` and checks every receipt. With `pending`, every vote is told that its poll's
    card is being refreshed already (as under fifty senders), so it leaves the card to that refresh."""
    def one(vote: Vote, now: dt.datetime) -> Callable[[Session], Any]:
        speaker, place, said = vote
        return lambda _session: respond_once(sessions, speaker, place, said, now,
                                             Delivery("slack", secrets.token_hex(8)), lambda _ref: pending)

    def run() -> None:
        for start in range(0, len(votes), batch):
            now = NOW + dt.timedelta(minutes=start // batch)  # within the record's pace for each member
            if batch == 1:
                replies = [one(v, now)(None) for v in votes[start:start + batch]]  # type: ignore[arg-type]
            else:
                replies = writer_batch(sessions, [one(v, now) for v in votes[start:start + batch]])
            for reply in replies:
                assert reply is not None and not reply.error and (reply.cards or reply.cards_pending), reply

    return run


def writer_batch(sessions: sessionmaker[Session], works: list[Callable[[Session], Any]]) -> list[Any]:
    """The votes as the group-commit writer runs one batch: one transaction, a savepoint each (GroupCommit._one),
    on this thread rather than the writer's own, so that cProfile sees it. `transact` finds this stand-in writer and,
    as inside a real batch, runs each vote on the batch's session."""
    writer = GroupCommit.__new__(GroupCommit)  # no thread of its own: this one is the writer
    writer.sessions, writer.thread = sessions, threading.current_thread()
    items = [Queued("vote", work) for work in works]
    with sessions() as session, session.begin():
        writer.current = session
        group_commit._writers[sessions] = writer
        try:
            for item in items:
                GroupCommit._one(session, item)
                if item.error is not None:
                    raise item.error
        finally:
            group_commit._writers.pop(sessions, None)
    return [item.result for item in items]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("sqlite", "postgres"))
    parser.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL",
                                                             "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--batch", type=int, default=None, help="votes a group-commit batch (SQLite; default 16)")
    parser.add_argument("--pending", action="store_true", help="every vote's card is being refreshed already")
    parser.add_argument("--top", type=int, default=0, help="print cProfile's costliest functions")
    args = parser.parse_args()
    count_statements(sent, args.kind == "sqlite")
    batch = args.batch or (16 if args.kind == "sqlite" else 1)
    rounds = []
    for profiled in (False, True):
        schema = f"vote_{uuid.uuid4().hex[:8]}"
        if args.kind == "sqlite":
            url = f"sqlite:///{tempfile.mkdtemp(prefix='govbot-vote-')}/govbot.db"
        else:
            admin = make_engine(args.postgres)
            with admin.begin() as connection:
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
            url = args.postgres + f"?options=-csearch_path%3D{schema}"
        try:
            sessions, votes = prepared(args.kind, url)
            run = cast(sessions, votes, batch, args.pending)
            statements, cpu = sent[0], time.process_time()
            profile = cProfile.Profile(time.process_time) if profiled else None  # CPU, not wall time
            if profile:
                profile.enable()
            run()
            if profile:
                profile.disable()
            rounds.append((time.process_time() - cpu, sent[0] - statements, profile, len(votes)))
            with sessions() as session:  # every ballot as the audit chain sealed it
                assert verify(session).intact, verify(session).problems[:3]
            sessions.kw["bind"].dispose()
        finally:
            if args.kind == "postgres":
                with admin.begin() as connection:
                    connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                admin.dispose()
    seconds, statements, _, n = rounds[0]
    stats = pstats.Stats(rounds[1][2])
    print(f"{args.kind}, {n} votes, batches of {batch}{', cards pending' if args.pending else ''}: "
          f"{seconds / n * 1000:.2f} ms CPU a vote, {statements / n:.2f} statements a vote, "
          f"{stats.total_calls / n:.0f} Python function calls a vote")  # type: ignore[attr-defined]
    if args.top:
        stats.sort_stats("tottime").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(re.compile(r"bot/|handlers/"), args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
