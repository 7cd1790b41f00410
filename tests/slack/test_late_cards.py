"""A record's card that Slack pushed back, sent later from the outbox: never put over the card of the same record
that meanwhile shows a later change, nor posted again below it."""

from __future__ import annotations

import datetime as dt

from bot.settings import Settings
from handlers.slack import SlackNotifier
from handlers.slack.client import RATE_LIMIT_RETRIES
from scheduler.delivery import deliver
from tests.slack.conftest import Workspace, shown
from tests.slack.fake_slack import Call, FakeSlack
from tests.slack.idle import wait_until_idle


def scheduled_while_pushed_back(workspace: Workspace, fake: FakeSlack, also_in: str | None = None) -> None:
    """CJCG bound (and bound in channel `also_in` too, if given); alice's `meeting schedule` recorded while Slack
    pushed back every post of its card, which waits in the outbox; Slack then takes posts again."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    fake.wait_for(lambda: fake.of("conversations.info"))
    if also_in is not None:
        workspace.command("alice", "group bind cjcg", channel=also_in)
        fake.wait_for(lambda: len(fake.of("conversations.info")) >= 2)
    fake.rate_limited, fake.retry_after = 1 + RATE_LIMIT_RETRIES + 1, 0
    workspace.command("alice", "meeting schedule 2026-12-10 10:00")
    fake.wait_for(lambda: next((c for c in fake.of("response_url") if "Recorded" in c.params["text"]), None))
    fake.rate_limited = 0


def opened_with_its_scheduling_pushed_back(workspace: Workspace, fake: FakeSlack) -> Call:
    """CJCG bound; alice's `meeting schedule` recorded while Slack pushed back every post of its card (so it waits
    in the outbox); then, on the day, the meeting opened and its card posted: that card's message."""
    scheduled_while_pushed_back(workspace, fake)
    workspace.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    opened = workspace.say("alice", "meeting open")
    assert opened.method == "chat.postMessage" and "is open" in shown(opened)
    workspace.card_noted(opened)
    return opened


def sent_late(workspace: Workspace, fake: FakeSlack, slack_settings: Settings) -> list[str]:
    """What the delivery job, run a minute later, put in the channel (posts and updates), once govbot is idle."""
    workspace.finish()
    before = len(fake.calls)
    deliver(workspace.sessions, {"slack": SlackNotifier.from_settings(slack_settings)},
            workspace.clock() + dt.timedelta(minutes=1))
    return [shown(c) for c in fake.calls[before:] if c.method in ("chat.update", "chat.postMessage")]


def test_a_scheduling_posted_late_does_not_put_back_the_open_meetings_roll(
        workspace: Workspace, fake: FakeSlack, slack_settings: Settings) -> None:
    """Slack pushed back the post of `meeting schedule`, which waited in the outbox; the meeting was opened and its
    card posted, and bob and carol said `here`. The delivery job then sent the scheduling card and put it over the
    open meeting's card: the roll call, its buttons and the quorum gave way to "Meeting 1 scheduled" and a button
    to send apologies, and the scheduling was posted again below, for a meeting under way."""
    opened = opened_with_its_scheduling_pushed_back(workspace, fake)
    for member in ("bob", "carol"):
        workspace.say(member, "here")
    late = sent_late(workspace, fake, slack_settings)
    assert late == [], late
    card = [shown(c) for c in fake.of("chat.update") if c.params["ts"] == opened.answer["ts"]]
    assert "quorate — 3 members present" in card[-1] and "[Here]" in card[-1], card[-1]


def test_asking_the_quorum_answers_below_and_leaves_the_meeting_card_whole(workspace: Workspace) -> None:
    """`quorum` answered by putting its one line over the open meeting's card: the roll call, its buttons and the
    people present gave way to "Meeting 1 is quorate…" until the next change, and the answer itself appeared far up
    the channel, where nobody who asked was looking."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    # The scheduling card is noted before the meeting opens, as alice sees it first: `meeting open` then updates it.
    # Opened the instant the fake recorded that post, it posted a second card, which was never noted (on Slack the
    # first card of a record stays its card), and the wait below ran out (CI, stop 28).
    workspace.card_noted(workspace.say("alice", "meeting schedule 2026-12-10 10:00"))
    workspace.clock.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    opened = workspace.say("alice", "meeting open")
    assert opened.method == "chat.update", opened.method
    workspace.card_noted(opened)
    for member in ("bob", "carol", "dan"):
        workspace.say(member, "here")
    # Until every "here" has been answered in the channel (no thread busy, no task queued): one look at the busy
    # threads missed dan's notice still queued under load (a full run at load 15), and it was read as quorum's.
    wait_until_idle()
    asked = workspace.say("alice", "quorum")
    assert asked.method == "chat.postMessage", asked.method
    assert "Meeting 1 is quorate — 4 members present" in shown(asked), shown(asked)
    card = workspace.fake.wait_for(lambda: [shown(c) for c in workspace.fake.of("chat.update")
                                            if c.params["ts"] == opened.answer["ts"] and "dan" in shown(c)])
    workspace.finish()
    last = [shown(c) for c in workspace.fake.of("chat.update") if c.params["ts"] == opened.answer["ts"]][-1]
    assert last == card[-1] and "[Here]" in last, last


def test_a_scheduling_posted_late_does_not_replace_the_first_card_of_the_open_meeting(
        workspace: Workspace, fake: FakeSlack, slack_settings: Settings) -> None:
    """As above with nobody yet present: the open meeting's card is the first one posted for it, and the change it
    shows is noted with it (one transaction), so the late scheduling card must not go over it either."""
    opened_with_its_scheduling_pushed_back(workspace, fake)
    late = sent_late(workspace, fake, slack_settings)
    assert late == [], late
