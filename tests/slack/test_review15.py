"""Second read of polish14 (handlers/slack/people.py), with the fake Slack Web API."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.ports import Destination
from bot.replies import Reply
from bot.settings import Settings
from handlers.slack import SlackNotifier
from tests import loaded
from tests.slack.conftest import Clock, slack_terms
from tests.slack.fake_slack import FakeSlack


def test_a_command_to_copy_naming_a_person_known_by_account_reads_as_their_mention(
        fake: FakeSlack, slack_settings: Settings, sessions: sessionmaker[Session], clock: Clock) -> None:
    """The term-ending reminder of a seat holder known only by account (CJCG's sam, `slack:USAM`) gives the command
    to reappoint them, `member add @USAM --seat …`. Written as Slack's mention, the `@` stayed before it: Slack showed
    `member add @@Sam …` and the command copied named nobody. The mention is the whole name, `@` and all, as Slack
    sends it when the person is mentioned (`<@USAM>`), which the grammar reads as them."""
    loaded.load(sessions, slack_terms("cjcg"), clock())
    notifier = SlackNotifier.from_settings(slack_settings, sessions.kw["bind"])
    notifier.send(Destination("slack", channel_id="CCJCG0001"), Reply(
        'The chair or secretariat can reappoint USAM: `member add @USAM --seat "Secretariat"`.'))
    [call] = fake.of("chat.postMessage")
    said = call.params["text"]
    assert said == 'The chair or secretariat can reappoint <@USAM>: `member add <@USAM> --seat "Secretariat"`.', said
