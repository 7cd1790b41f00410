"""The Slack notifier: posts to a channel or a person, waits out 429s (bounded), and says which failures last."""

from __future__ import annotations

import pytest

from bot.ports import DeliveryFailed, Destination
from bot.replies import Reply
from bot.settings import Settings
from handlers.slack import SlackNotifier
from handlers.slack.client import RATE_LIMIT_RETRIES
from tests.slack.conftest import shown
from tests.slack.fake_slack import FakeSlack

REMINDER = Reply("Meeting 2 starts tomorrow at 10:00 in the Civic Centre.", title="Reminder")


@pytest.fixture
def notifier(slack_settings: Settings) -> SlackNotifier:
    return SlackNotifier.from_settings(slack_settings)


def delivered(fake: FakeSlack) -> list[str]:
    return [shown(c) for c in fake.of("chat.postMessage") if c.answer.get("ok")]


def test_posts_to_the_bound_channel_with_the_bot_token(fake: FakeSlack, notifier: SlackNotifier,
                                                       slack_settings: Settings) -> None:
    assert notifier.platform == "slack"
    notifier.send(Destination("slack", channel_id="CCJCG0001"), REMINDER)
    [call] = fake.of("chat.postMessage")
    assert call.params["channel"] == "CCJCG0001" and "Civic Centre" in shown(call)
    assert slack_settings.slack_bot_token is not None
    assert call.token == slack_settings.slack_bot_token.get_secret_value()


def test_a_direct_message_opens_the_conversation_first(fake: FakeSlack, notifier: SlackNotifier) -> None:
    notifier.send(Destination("slack", user_id="UBOB"), REMINDER)
    assert fake.of("conversations.open")[0].params["users"] == "UBOB"
    assert fake.of("chat.postMessage")[0].params["channel"] == "DBOB"


def test_a_429_storm_is_waited_out_and_delivers_once(fake: FakeSlack, notifier: SlackNotifier) -> None:
    # Retry-After 0: slack_sdk still waits up to a second of jitter before each retry; how long is slack_sdk's to
    # get right, the retries and the one delivery ours.
    fake.rate_limited, fake.retry_after = 2, 0
    notifier.send(Destination("slack", channel_id="CCJCG0001"), REMINDER)
    assert len(fake.of("chat.postMessage")) == 3
    assert len(delivered(fake)) == 1


def test_when_the_retries_run_out_the_outbox_is_told_when_to_try_again(fake: FakeSlack,
                                                                        notifier: SlackNotifier) -> None:
    fake.rate_limited, fake.retry_after = 100, 0  # Retry-After 0 keeps the test quick; the count is what matters
    with pytest.raises(DeliveryFailed) as failed:
        notifier.send(Destination("slack", channel_id="CCJCG0001"), REMINDER)
    assert failed.value.retry_after == 0 and not failed.value.permanent
    assert len(fake.of("chat.postMessage")) == 1 + RATE_LIMIT_RETRIES
    assert delivered(fake) == []


@pytest.mark.parametrize("error", ["channel_not_found", "is_archived", "not_in_channel"])
def test_a_gone_channel_is_a_permanent_failure(fake: FakeSlack, notifier: SlackNotifier, error: str) -> None:
    fake.failures["chat.postMessage"] = error
    with pytest.raises(DeliveryFailed) as failed:
        notifier.send(Destination("slack", channel_id="CGONE"), REMINDER)
    assert failed.value.permanent and error in failed.value.reason


def test_other_refusals_may_be_retried(fake: FakeSlack, notifier: SlackNotifier) -> None:
    fake.failures["chat.postMessage"] = "internal_error"
    with pytest.raises(DeliveryFailed) as failed:
        notifier.send(Destination("slack", channel_id="CCJCG0001"), REMINDER)
    assert not failed.value.permanent and failed.value.retry_after is None

