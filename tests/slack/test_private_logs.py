"""The whole log of a secret-poll meeting, run over Slack through `govbot run`'s web app at DEBUG, links no voter
to a choice and holds neither the signing secret nor a token; a genuine vote that arrives late is refused without
its body reaching the log."""

from __future__ import annotations

import json
import logging
import time
from urllib.parse import urlencode

from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from tests.conftest import Clock
from tests.front_door import served
from tests.slack.conftest import CHANNEL, Workspace, buttons, shown, user_id
from tests.slack.fake_slack import FakeSlack

VOTERS = {"alice": "Shoeburyness", "bob": "Leigh-on-Sea", "carol": "Leigh-on-Sea"}


def test_a_secret_poll_leaves_no_voter_choice_pair_in_the_log(
        fake: FakeSlack, slack_settings: Settings, sessions: sessionmaker[Session], clock: Clock) -> None:
    assert slack_settings.slack_signing_secret is not None and slack_settings.slack_bot_token is not None
    secret = slack_settings.slack_signing_secret.get_secret_value()
    with served(slack_settings, sessions, clock, level=logging.DEBUG) as app:
        workspace = Workspace(app.url, secret, fake, sessions, clock, lambda: None)
        workspace.load("cjcg")
        for user, text in [("alice", "group bind cjcg"), ("alice", "meeting schedule 2026-12-01 09:30"),
                           ("alice", "meeting open"), ("bob", "declare none"), ("bob", "here"), ("carol", "declare none"),
                           ("carol", "here")]:
            workspace.say(user, text)
        before = len(fake.calls)
        workspace.say("alice", 'poll "Where should the away day be?" "Leigh-on-Sea" "Shoeburyness" --secret')
        # The poll's card, not the meeting card the roll call refreshes meanwhile.
        card = fake.wait_for(lambda: next((c for c in fake.calls[before:] if c.method == "chat.postMessage"
                                           and "away day" in str(c.params)), None))
        workspace.card_noted(card)
        poll = json.loads(buttons(card)["Leigh-on-Sea"])["poll"]  # the button's typed command
        workspace.press("bob", buttons(card)["Leigh-on-Sea"], card.answer["ts"])  # a button
        # The draft minutes, read while the poll is open, count who voted but not for what: they gave the count
        # per option (here Leigh-on-Sea 1, Shoeburyness 0), which the card hides, so bob's ballot was known.
        draft = shown(workspace.say("dan", "meeting minutes"))
        assert "Votes: hidden until the poll closes (1 voted; secret ballot, totals only)" in draft, draft
        workspace.say("alice", f"vote {poll} Shoeburyness")  # a typed vote
        workspace.say("carol", f"vote {poll} Leigh-on-Sea")
        # Carol's vote again, genuinely signed but six minutes late (Slack's retry, a slow proxy): refused.
        body = urlencode({"team_id": "T0GOV", "channel_id": CHANNEL, "user_id": user_id("carol"),
                          "command": "/gov", "text": f"vote {poll} Leigh-on-Sea"})
        assert workspace.post(body, workspace.headers(body, timestamp=str(int(time.time()) - 360))).status == 401
        workspace.say("alice", f"poll close {poll}")
        workspace.say("alice", "meeting close")
        workspace.finish = lambda: None
        log = app.logged()
    assert "POST /slack/events 200" in log  # the log was captured, at DEBUG
    for line in log.splitlines():
        for voter, choice in VOTERS.items():
            named = voter in line.lower() or user_id(voter) in line
            assert not (named and (choice in line or choice.replace("-", "+") in line)), line
    assert "Leigh-on-Sea" not in log and "Shoeburyness" not in log and f"vote {poll}" not in log
    assert secret not in log and slack_settings.slack_bot_token.get_secret_value() not in log
    assert "xoxb-" not in log and "text=" not in log and "Traceback" not in log
