"""Two commands on one record at once post one card: `meeting schedule` and, straight after, `meeting open`. The
second showed the record while the first's card was still on its way to Slack (not yet noted), so it posted a card
of its own, which was never noted and never updated: the channel kept a second meeting card frozen at "open", its
buttons answering for a card nobody kept. Now the later command waits for the first card and updates it."""

from __future__ import annotations

import datetime as dt
import threading

from tests.slack.conftest import Workspace, shown
from tests.slack.fake_slack import FakeSlack
from tests.slack.test_card_order_replicas import replica_b

__all__ = ["replica_b"]  # the second server, a fixture


def test_a_record_shown_twice_at_once_has_one_card_showing_the_later(workspace: Workspace, fake: FakeSlack) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    fake.wait_for(lambda: fake.of("conversations.info"))
    workspace.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    slow = fake.held["chat.postMessage"] = threading.Event()  # Slack is slow to take the scheduling card
    workspace.command("alice", "meeting schedule 2026-12-10 10:15")
    fake.wait_for(lambda: fake.holding == 1)
    workspace.command("alice", "meeting open")
    threading.Timer(0.5, slow.set).start()  # the open's card has had time to go out on its own, if it would
    fake.wait_for(lambda: [c for c in fake.calls if c.method in ("chat.postMessage", "chat.update")
                           and "is open" in shown(c)])
    workspace.finish()
    posts = [c for c in fake.of("chat.postMessage") if "meeting 1" in shown(c).casefold()]
    assert len(posts) == 1, [shown(c) for c in posts]
    card = posts[0].answer["ts"]
    latest = [shown(c) for c in fake.of("chat.update") if c.params["ts"] == card]
    assert latest and "is open" in latest[-1], latest


def test_two_replicas_showing_a_record_at_once_leave_one_card_showing_the_later(
        workspace: Workspace, replica_b: Workspace, fake: FakeSlack) -> None:
    """As above with the two commands on two replicas (a lock in one process holds the other back not at all): both
    posted a card, the second noted was never updated again. The one not kept is now taken down, and the card kept
    shows the later change."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    fake.wait_for(lambda: fake.of("conversations.info"))
    workspace.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    slow = fake.held["chat.postMessage"] = threading.Event()
    workspace.command("alice", "meeting schedule 2026-12-10 10:15")
    fake.wait_for(lambda: fake.holding == 1)
    replica_b.command("alice", "meeting open")
    fake.wait_for(lambda: fake.holding == 2)
    slow.set()
    fake.wait_for(lambda: [c for c in fake.calls if c.method in ("chat.postMessage", "chat.update")
                           and "is open" in shown(c)])
    workspace.finish()
    replica_b.finish()
    posts = {c.answer["ts"] for c in fake.of("chat.postMessage") if "meeting 1" in shown(c).casefold()}
    gone = {c.params["ts"] for c in fake.of("chat.delete")}
    [card] = posts - gone
    versions = [shown(c) for c in fake.calls if c.method in ("chat.postMessage", "chat.update")
                and card in (c.params.get("ts"), c.answer.get("ts"))]
    assert "is open" in versions[-1], versions
