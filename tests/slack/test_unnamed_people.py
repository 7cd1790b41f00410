"""A seat holder who has never spoken to govbot is known only by their Slack account (`holder: slack:USAM`): answers
and cards showed the raw id ("Ask alice or USAM"). Slack shows such a person by name where the message mentions
them (`<@USAM>`), which needs no scope to read profiles. Over signed HTTP, with the fake Slack Web API."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session, sessionmaker

from bot.ports import Destination
from bot.replies import Reply
from bot.settings import Settings
from handlers.slack import SlackNotifier
from handlers.slack.render import MAX_FIELD, blocks
from tests import loaded
from tests.slack.conftest import Clock, Workspace, slack_terms
from tests.slack.fake_slack import FakeSlack


def test_a_seat_holder_known_only_by_their_slack_account_is_shown_as_slack_names_them(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    said = workspace.say("alice", "members")  # sam, dan and others have never spoken to govbot
    shown = json.dumps(said.params)
    assert "<@USAM>" in shown, shown
    assert "USAM" not in shown.replace("<@USAM>", ""), shown  # never bare
    assert "<@UALICE>" not in shown and "alice" in shown  # alice spoke: her name, no mention


def test_a_refusal_naming_who_may_act_shows_the_secretariat_by_name_not_by_account(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    said = workspace.say("erin", "meeting schedule 2027-03-02 10:00")
    assert said.params["text"].endswith("(ToR 6.3). Ask alice or <@USAM>."), said.params
    assert said.params["blocks"][0]["text"]["text"].endswith("Ask alice or <@USAM>."), said.params


def test_a_long_field_is_cut_before_a_mention_never_inside_it() -> None:
    value = "x" * (MAX_FIELD - 12) + " USAM and more"
    [_, section] = blocks(Reply("Members", fields=(("Seat", value),), accounts=("USAM",)))
    shown = section["fields"][0]["text"]
    assert len(shown) <= MAX_FIELD and shown.endswith("…") and "<@" not in shown, shown[-20:]


def test_a_reminder_naming_a_seat_holder_known_only_by_account_shows_them_by_name(
        fake: FakeSlack, slack_settings: Settings, sessions: sessionmaker[Session], clock: Clock) -> None:
    """What the scheduler posts goes through the notifier, not a command: it showed the bare id too."""
    loaded.load(sessions, slack_terms("cjcg"), clock())
    notifier = SlackNotifier.from_settings(slack_settings, sessions.kw["bind"])
    notifier.send(Destination("slack", channel_id="CCJCG0001"), Reply("USAM's term as secretariat ends in 30 days."))
    [call] = fake.of("chat.postMessage")
    assert call.params["text"].startswith("<@USAM>'s term"), call.params
