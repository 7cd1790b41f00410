"""Nothing is lost when Slack pushes back: a channel post that 429s past the retry budget waits in the outbox, the
person who acted is told it will follow, and the delivery job posts it later, once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from bot.models import Meeting, OutboxMessage
from bot.settings import Settings
from handlers.slack import SlackNotifier
from handlers.slack.client import RATE_LIMIT_RETRIES
from scheduler.delivery import deliver
from tests.slack.conftest import Workspace, buttons, shown
from tests.slack.fake_slack import FakeSlack

SCHEDULE = "meeting schedule 2026-12-10 10:00 --where \"Civic Centre\""


def posted(fake: FakeSlack, words: str) -> list[str]:
    return [shown(c) for c in fake.of("chat.postMessage") if c.answer.get("ok") and words in shown(c)]


def test_a_429_storm_longer_than_the_retry_budget_posts_later_from_the_outbox_once(
        workspace: Workspace, fake: FakeSlack, slack_settings: Settings) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    fake.wait_for(lambda: fake.of("conversations.info"))  # the bind's own follow-up is done before the storm
    fake.rate_limited, fake.retry_after = 1 + RATE_LIMIT_RETRIES + 1, 0  # more 429s than the client will wait out
    sent = workspace.command("alice", SCHEDULE)
    assert sent.status == 200
    told = fake.wait_for(lambda: next((c for c in fake.of("response_url") if "Recorded" in c.params["text"]), None))
    assert told.path == "/" + (sent.response_url or "").split("/", 3)[3]  # only alice is told, in her reply
    assert "Recorded. Slack is busy, so the post in this channel will follow" in told.params["text"]
    assert "Meeting 1 scheduled" in told.params["text"]
    with workspace.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Meeting)) == 1  # the record holds
        [queued] = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "channel-post")).all()
        assert queued.status == "queued" and queued.recipient_id is None and queued.channel_binding_id is not None
    assert posted(fake, "Meeting 1 scheduled") == []
    assert fake.rate_limited == 1  # the storm is still on when the post is given up: one 429 left to answer

    notifiers = {"slack": SlackNotifier.from_settings(slack_settings)}
    later = workspace.clock() + dt.timedelta(minutes=1)
    deliver(workspace.sessions, notifiers, later)  # the storm's last 429 is waited out by the client
    [post] = posted(fake, "Meeting 1 scheduled")
    assert "Civic Centre" in post and [c.params["channel"] for c in fake.of("chat.postMessage")][-1] == "CCJCG0001"
    deliver(workspace.sessions, notifiers, later + dt.timedelta(minutes=5))
    assert len(posted(fake, "Meeting 1 scheduled")) == 1  # once
    with workspace.sessions() as session:
        assert session.scalar(select(OutboxMessage.status).where(OutboxMessage.kind == "channel-post")) == "sent"



def test_a_poll_posted_later_from_the_outbox_keeps_its_buttons(
        workspace: Workspace, fake: FakeSlack, slack_settings: Settings) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    fake.wait_for(lambda: fake.of("conversations.info"))
    at_once = workspace.say("alice", 'poll "Where shall we meet?" "Civic Centre" "Online" --closes "2026-12-31 17:00"')
    fake.rate_limited, fake.retry_after = 1 + RATE_LIMIT_RETRIES + 1, 0
    workspace.command("alice", 'poll "Where shall we dine?" "Civic Centre" "Online" --closes "2026-12-31 17:00"')
    fake.wait_for(lambda: next((c for c in fake.of("response_url") if "Recorded" in c.params["text"]), None))
    later = workspace.clock() + dt.timedelta(minutes=1)
    deliver(workspace.sessions, {"slack": SlackNotifier.from_settings(slack_settings)}, later)
    [post] = [c for c in fake.of("chat.postMessage") if c.answer.get("ok") and "Poll 2 is open" in shown(c)]
    # The same card as a poll posted at once: a button per option, each casting that vote on poll 2.
    assert buttons(post).keys() == buttons(at_once).keys() and len(buttons(post)) >= 2
    assert buttons(post)["Civic Centre"] == buttons(at_once)["Civic Centre"].replace('"poll":1', '"poll":2')
    assert "Where shall we dine?" in shown(post)
    workspace.say("bob", "vote 2 1")  # typed: the card posted later is the one the tally is kept on
    workspace.finish()
    update = fake.wait_for(lambda: next((c for c in fake.of("chat.update") if c.params["ts"] == post.answer["ts"]),
                                        None))
    assert "1 of" in shown(update)
