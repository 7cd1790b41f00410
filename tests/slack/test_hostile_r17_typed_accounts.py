"""A Slack account id a member typed (`USAM`) is text, never govbot naming that person: the post that carried it
showed it as typed (tests/slack/test_typed_account_ids.py), but the same words shown again later went out as
Slack's mention of the account (`<@USAM>`). The poll's card refreshed after a vote showed its option as Sam's
name, and the meeting reminder the scheduler posts to the channel, quoting the place and agenda as typed, pinged
Sam at the word of whoever typed them. Over signed HTTP, with the fake Slack Web API and the scheduler's tick."""

from __future__ import annotations

import datetime as dt
import json

from bot.settings import Settings
from handlers.slack import SlackNotifier
from scheduler.runner import tick
from tests.slack.conftest import Workspace, shown
from tests.slack.fake_slack import FakeSlack
from tests.slack.test_home import open_home
from tests.slack.test_typed_account_ids import mrkdwn

PICKED = 'poll "Who leads the review?" <@USAM> <@UBOB> --closes 2026-12-04'  # both picked from Slack's @ menu

DEADLINE = dt.datetime(2026, 12, 4, 17, 0, tzinfo=dt.UTC)


def test_a_poll_card_refreshed_after_a_vote_shows_a_typed_account_as_typed(workspace: Workspace,
                                                                          fake: FakeSlack) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    card = workspace.say("alice", 'poll "Who should chair?" "USAM plan" "Someone else" --closes 2026-12-04')
    assert "<@USAM>" not in json.dumps(mrkdwn(card.params)), card.params
    workspace.card_noted(card)
    workspace.say("bob", "vote 1 1")
    update = fake.wait_for(lambda: next((c for c in reversed(fake.of("chat.update"))
                                         if c.params["ts"] == card.answer["ts"]), None))
    assert "<@USAM>" not in json.dumps(mrkdwn(update.params)), update.params
    assert "USAM" in shown(update), update.params


def test_a_candidate_picked_from_the_menu_is_still_shown_by_name_on_the_refreshed_card(
        workspace: Workspace, fake: FakeSlack) -> None:
    """An option that is a person picked from Slack's @ menu is govbot naming them: Slack shows their name."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    card = workspace.say("alice", PICKED)
    workspace.card_noted(card)
    workspace.say("carol", "vote 1 1")
    update = fake.wait_for(lambda: next((c for c in reversed(fake.of("chat.update"))
                                         if c.params["ts"] == card.answer["ts"]), None))
    assert "*<@USAM>*" in json.dumps(mrkdwn(update.params)), update.params


def test_a_button_naming_a_person_by_account_says_who_that_is(workspace: Workspace) -> None:
    """A button's label is plain text, which Slack never shows as a person: a candidate who never spoke to govbot
    is `USAM` on their button. The card says beside the buttons who that is, as Slack names them."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    card = workspace.say("alice", PICKED)
    labels = [e["text"]["text"] for b in card.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert "USAM" in labels, labels
    said = [e["text"] for b in card.params["blocks"] if b["type"] == "context" for e in b["elements"]]
    assert any("USAM is <@USAM>" in line and "UBOB is <@UBOB>" in line for line in said), said


def test_the_result_posted_at_the_deadline_shows_a_typed_account_as_typed(
        workspace: Workspace, fake: FakeSlack, slack_settings: Settings) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    card = workspace.say("alice", 'poll "Who should chair?" "USAM plan" "Someone else" --closes 2026-12-04')
    workspace.card_noted(card)
    for voter in ("bob", "carol"):
        workspace.say(voter, "vote 1 1")
    workspace.finish()
    notifier = SlackNotifier.from_settings(slack_settings, workspace.sessions.kw["bind"])  # as govbot/wiring.py
    tick(workspace.sessions, {"slack": notifier}, DEADLINE)
    posted = [c for c in fake.of("chat.postMessage") if c.answer.get("ok") and "is closed" in shown(c)]
    assert posted, [shown(c) for c in fake.of("chat.postMessage")]
    assert "USAM" in shown(posted[0]) and "<@USAM>" not in json.dumps(mrkdwn(posted[0].params)), posted[0].params


def test_the_meeting_reminder_quoting_a_typed_account_pings_nobody(
        workspace: Workspace, fake: FakeSlack, slack_settings: Settings) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("alice", 'meeting schedule 2026-12-10 10:00 --where "USAM\'s office"')
    workspace.say("alice", 'agenda add "Ask USAM about the budget" --meeting 1')
    workspace.finish()
    before = len(fake.of("chat.postMessage"))
    notifier = SlackNotifier.from_settings(slack_settings, workspace.sessions.kw["bind"])
    for day in (3, 8, 9):
        tick(workspace.sessions, {"slack": notifier}, dt.datetime(2026, 12, day, 9, 0, tzinfo=dt.UTC))
    reminders = [c for c in fake.of("chat.postMessage")[before:] if "USAM's office" in shown(c)]
    assert reminders, [shown(c) for c in fake.of("chat.postMessage")[before:]]
    for reminder in reminders:
        assert "<@USAM>" not in json.dumps(mrkdwn(reminder.params)), reminder.params


def test_the_minutes_approved_and_posted_to_the_channel_quote_a_typed_account_as_typed(
        workspace: Workspace, fake: FakeSlack) -> None:
    """The minutes are the record as approved and sealed: the channel's copy shows them as written, pinging no one
    whose account id a member typed into an agenda item or a resolution."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("alice", 'meeting schedule 2026-12-01 10:00 --where "USAM\'s office"')
    workspace.say("alice", 'agenda add "Ask USAM about the budget" --meeting 1')
    workspace.say("alice", "meeting open 1 --confirm")
    workspace.say("bob", "here")
    workspace.say("alice", 'resolved "USAM to report in March" --item 1')
    workspace.say("alice", "meeting close")
    workspace.say("alice", "minutes approve 1")
    posted = fake.wait_for(lambda: next((c for c in fake.of("chat.postMessage") if "approved" in shown(c)), None))
    assert "Ask USAM about the budget" in shown(posted), posted
    assert "<@USAM>" not in json.dumps(posted.params), posted.params


def test_lists_and_a_done_action_show_typed_accounts_as_typed(workspace: Workspace, fake: FakeSlack) -> None:
    """What members typed earlier, read back in a list or on the card of an action marked done, read as Sam's name
    (`Ask @Sam Smith about the budget`) rather than the words the record holds."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("alice", 'meeting schedule 2026-12-10 10:00 --where "USAM\'s office"')
    workspace.say("alice", 'agenda add "Ask USAM about the budget" --meeting 1')
    workspace.say("alice", 'action "Call USAM" --due 2026-12-20')
    workspace.say("alice", 'poll "USAM or not?" "Yes" "No" --closes "2026-12-05 10:00"')
    workspace.say("bob", 'declare "USAM is my cousin"')
    for asked, typed in (("agenda 1", "Ask USAM about"), ("meetings", "USAM's office"), ("actions", "Call USAM"),
                         ("polls", "USAM or not?"), ("interests", "USAM is my cousin"), ("action done 1", "Call USAM")):
        said = workspace.say("alice", asked)
        assert typed in shown(said) and "<@USAM>" not in json.dumps(said.params), (asked, said.params)


def test_the_app_home_dashboard_shows_typed_accounts_as_typed(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("alice", 'meeting schedule 2026-12-10 14:00 --where "USAM office"')
    workspace.say("alice", 'poll "Ask USAM to chair?" "Yes" "No" --closes "2026-12-31 17:00"')
    workspace.say("bob", 'declare "USAM is my cousin"')
    home = open_home(workspace, "bob", "Ev0HOMER17")
    for typed in ("USAM office", "Ask USAM to chair?", "USAM is my cousin"):
        assert typed in shown(home), shown(home)
    assert "<@USAM>" not in json.dumps(home.params), home.params


def test_an_item_named_in_a_declaration_or_a_departure_pings_nobody(workspace: Workspace, fake: FakeSlack) -> None:
    """`declare "…" --item 1` and `leaving --item 1` are posted to the channel naming the item by its title."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("alice", 'meeting schedule 2026-12-01 10:00 --where "Town hall"')
    workspace.say("alice", 'agenda add "Ask USAM about the budget" --meeting 1')
    workspace.say("alice", "meeting open 1 --confirm")
    workspace.say("bob", "here")
    for said in ('declare "my cousin works there" --item 1', "leaving --item 1"):
        before = len(fake.of("chat.postMessage"))
        workspace.say("bob", said)
        posted = fake.wait_for(lambda start=before: next((c for c in fake.of("chat.postMessage")[start:]
                                                          if "about the budget" in shown(c)), None))
        assert "Ask USAM about the budget" in shown(posted), (said, shown(posted))
        assert "<@USAM>" not in json.dumps(posted.params), (said, posted.params)
    minuted = workspace.say("alice", 'minute "Discussed" --item 1')
    assert "Ask USAM about the budget" in shown(minuted) and "<@USAM>" not in json.dumps(minuted.params), minuted
