"""Group commit on SQLite: commands queued behind the one writer are committed together, each in its own savepoint.

A refusal in a batch undoes only itself; the batch keeps the order the commands arrived in; and nobody hears
"recorded" before the batch is on disk, so a crash mid-batch takes back nothing that was acknowledged.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import audit, group_commit
from bot.conversation import respond
from bot.db import make_engine, session_factory
from bot.errors import NotAllowed
from bot.group_commit import GroupCommit
from bot.models import AuditEvent, Group
from bot.records.audit_trail import verify
from bot.replies import Reply
from bot.services.context import Place, Speaker
from bot.services.groups import import_group
from tests.conftest import START, cjcg_in_room, example

ROOM = Place("console", "room")
LATER = START + dt.timedelta(minutes=1)
ROOT = Path(__file__).resolve().parent.parent


def say(sessions: sessionmaker[Session], who: str, words: str) -> Reply:
    return respond(sessions, Speaker("console", who, who), ROOM, words, LATER)


@pytest.fixture
def record(tmp_path: Path) -> Iterator[tuple[sessionmaker[Session], GroupCommit]]:
    engine, sessions = cjcg_in_room(f"sqlite:///{tmp_path / 'g.db'}", ROOM)
    say(sessions, "alice", 'poll "Away day venue" "Leigh" "Shoebury" --closes "2026-12-31 17:00"')
    writer = group_commit.start(sessions)
    yield sessions, writer
    group_commit.stop(sessions)
    engine.dispose()


class Held:
    """Keeps the writer busy, so what is sent meanwhile queues behind it and is committed as one batch."""

    def __init__(self, writer: GroupCommit) -> None:
        self.writer, self.release = writer, threading.Event()
        self.blocker = threading.Thread(target=writer.run, args=("hold", lambda _: self.release.wait(10)))
        self.blocker.start()
        wait_until(lambda: writer.current is not None)
        self.sent: list[threading.Thread] = []

    def send(self, sessions: sessionmaker[Session], who: str, words: str, replies: dict[int, Reply]) -> None:
        """Send one command from its own thread, and return once it is queued (so queue order is send order)."""
        index = len(self.sent)
        sender = threading.Thread(target=lambda: replies.__setitem__(index, say(sessions, who, words)))
        self.sent.append(sender)
        sender.start()
        wait_until(lambda: self.writer.waiting.qsize() == len(self.sent))

    def go(self) -> None:
        self.release.set()
        for thread in [self.blocker, *self.sent]:
            thread.join(10)


def wait_until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_a_refusal_in_a_batch_leaves_the_others_recorded(record: tuple[sessionmaker[Session], GroupCommit]) -> None:
    sessions, writer = record
    held, replies = Held(writer), {}
    batches = writer.batches
    held.send(sessions, "bob", "vote 1 Leigh", replies)
    held.send(sessions, "zed", "vote 1 Leigh", replies)  # not a member: refused
    held.send(sessions, "carol", "vote 1 Shoebury", replies)
    held.send(sessions, "dan", "vote 1 Southend Pier", replies)  # no such option: refused
    held.send(sessions, "erin", "vote 1 Leigh", replies)
    held.go()

    assert writer.batches == batches + 2  # the held one, then all five together
    assert [replies[i].error for i in range(5)] == [False, True, False, True, False]
    assert all("is recorded" in replies[i].text for i in (0, 2, 4))
    results = say(sessions, "alice", "results 1")
    counts = dict(results.fields)
    assert counts["Voted"] == "3" and counts["Leigh"].startswith("2 of") and counts["Shoebury"].startswith("1 of")
    with sessions() as session:
        verdict = verify(session)
        assert verdict.intact, verdict.problems  # each command sealed its own rows


def test_a_batch_keeps_the_order_commands_arrived_in(record: tuple[sessionmaker[Session], GroupCommit]) -> None:
    sessions, writer = record
    held, replies = Held(writer), {}
    for n in range(2, 8):
        held.send(sessions, "alice", f'poll "Question {n}" "Yes" "No" --closes "2026-12-31 17:00"', replies)
    held.send(sessions, "bob", "vote 1 Leigh", replies)
    held.send(sessions, "bob", "vote 1 Shoebury", replies)  # he changes his mind: the later vote stands
    held.go()

    assert [f"Poll {n}" in replies[n - 2].text for n in range(2, 8)] == [True] * 6, [r.text for r in replies.values()]
    results = say(sessions, "alice", "results 1")
    assert dict(results.fields)["Voted"] == "1" and dict(results.fields)["Shoebury"].startswith("1 of")


def test_a_command_undone_after_its_audit_event_leaves_the_chain_whole(
        record: tuple[sessionmaker[Session], GroupCommit]) -> None:
    """The batch's votes share one chain: the head a vote links to is never an event a refused command took back."""
    sessions, writer = record
    held, replies = Held(writer), {}
    held.send(sessions, "bob", "vote 1 Leigh", replies)

    def audited_then_refused(session: Session) -> None:
        audit.record(session, action="test.undone", at=LATER, group_id=group_id, actor_id=None)
        raise NotAllowed("refused after writing its event")

    with sessions() as session:
        group_id = session.scalars(select(Group.id)).one()
    undone = threading.Thread(target=lambda: pytest.raises(NotAllowed, writer.run, "undone", audited_then_refused))
    held.sent.append(undone)
    undone.start()
    wait_until(lambda: writer.waiting.qsize() == len(held.sent))
    held.send(sessions, "carol", "vote 1 Shoebury", replies)
    held.go()

    assert "is recorded" in replies[0].text and "is recorded" in replies[2].text
    with sessions() as session:
        assert not session.scalars(select(AuditEvent).where(AuditEvent.action == "test.undone")).all()
        verdict = verify(session)
        assert verdict.intact, verdict.problems


CRASHING = textwrap.dedent("""
    import datetime as dt, os, sys, threading, time
    sys.path.insert(0, {root!r})
    from bot import audit, group_commit
    from bot.conversation import respond
    from bot.db import make_engine, session_factory
    from bot.services.context import Place, Speaker
    from tests.conftest import START

    sessions = session_factory(make_engine({url!r}))
    writer = group_commit.start(sessions)
    room, later = Place("console", "room"), START + dt.timedelta(minutes=1)

    def vote(who):
        reply = respond(sessions, Speaker("console", who, who), room, "vote 1 Leigh", later)
        if "is recorded" in reply.text:
            print("recorded", who, flush=True)

    def crash(_session):
        os._exit(9)  # the process dies with the batch half run: nothing of it committed

    for who in ("bob", "carol"):  # acknowledged: committed before anyone heard so
        vote(who)
    release = threading.Event()
    threading.Thread(target=writer.run, args=("hold", lambda _: release.wait(10))).start()
    while writer.current is None:
        time.sleep(0.005)
    for who in ("dan", "erin"):
        threading.Thread(target=vote, args=(who,)).start()
    while writer.waiting.qsize() < 2:
        time.sleep(0.005)
    threading.Thread(target=writer.run, args=("crash", crash)).start()
    while writer.waiting.qsize() < 3:
        time.sleep(0.005)
    for who in ("frank", "grace"):
        threading.Thread(target=vote, args=(who,)).start()
    while writer.waiting.qsize() < 5:
        time.sleep(0.005)
    release.set()
    time.sleep(10)
""")


def test_a_crash_mid_batch_loses_nothing_acknowledged_as_recorded(
        record: tuple[sessionmaker[Session], GroupCommit], tmp_path: Path) -> None:
    sessions, _ = record
    url = f"sqlite:///{tmp_path / 'g.db'}"
    crashed = subprocess.run([sys.executable, "-c", CRASHING.format(root=str(ROOT), url=url)], capture_output=True,
                             text=True, timeout=60, cwd=ROOT)

    assert crashed.returncode == 9, crashed.stderr[-2000:]
    acknowledged = {line.split()[1] for line in crashed.stdout.splitlines() if line.startswith("recorded")}
    assert acknowledged == {"bob", "carol"}  # the batch that crashed had told no one
    engine = make_engine(url)
    results = say(session_factory(engine), "alice", "results 1")
    engine.dispose()
    assert dict(results.fields)["Voted"] == "2" and dict(results.fields)["Leigh"].startswith("2 of")


def test_a_channel_rebound_mid_batch_takes_the_commands_after_to_its_new_group(
        record: tuple[sessionmaker[Session], GroupCommit]) -> None:
    sessions, writer = record
    with sessions() as session, session.begin():
        import_group(session, example("lieg").read_text(), START)
    held, replies = Held(writer), {}
    held.send(sessions, "bob", "vote 1 Leigh", replies)  # the room's group (CJCG) is read in this batch
    held.send(sessions, "zed", "group bind lieg", replies)  # refused: the room stays CJCG's
    held.send(sessions, "carol", "vote 1 Shoebury", replies)
    held.send(sessions, "alice", "group bind lieg", replies)  # LIEG's co-chair: the room is LIEG's from here on
    held.send(sessions, "carol", "polls", replies)
    held.go()

    assert [replies[i].error for i in range(5)] == [False, True, False, False, False]
    assert replies[1].text.startswith("Only the chair (or a co-chair) can bind a channel to London Information")
    assert replies[2].text == "Your vote on poll 1 is recorded: Shoebury."  # still CJCG's poll
    assert replies[3].text == "This channel is now the channel of London Information Exchange Group (lieg)."
    assert replies[4].text == "No votes are open or proposed."  # LIEG's polls: CJCG's poll 1 is not among them


def test_a_poll_closed_mid_batch_takes_no_more_votes(record: tuple[sessionmaker[Session], GroupCommit]) -> None:
    sessions, writer = record
    held, replies = Held(writer), {}
    held.send(sessions, "bob", "vote 1 Leigh", replies)  # the poll is read in this batch
    held.send(sessions, "carol", "vote 1 Nowhere", replies)  # refused after reading it: its savepoint rolls back
    held.send(sessions, "alice", "poll close 1 --early", replies)
    held.send(sessions, "carol", "vote 1 Shoebury", replies)
    held.go()

    assert [replies[i].error for i in range(4)] == [False, True, False, True], [replies[i].text for i in range(4)]
    assert replies[0].text == "Your vote on poll 1 is recorded: Leigh."
    assert replies[3].text.startswith("Poll 1 is closed; see `results 1`."), replies[3].text
