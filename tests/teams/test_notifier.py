"""Proactive reminders: TeamsNotifier posts into the conversation stored when the bot was added."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import ChannelBinding
from bot.ports import DeliveryFailed, Destination
from bot.replies import Reply
from bot.settings import Settings
from handlers.teams.notifier import TeamsNotifier
from tests.teams.conftest import BOT, CHANNEL, SDK_WARNINGS, TENANT, FakeEntra, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

REMINDER = Reply("Meeting 1 of the Children's Joint Commissioning Group starts tomorrow at 10:00.",
                 title="Reminder")


class Sleeps:
    """Records the waits the notifier asks for instead of waiting (no test sleeps on the wall clock)."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def stored_destination(sessions: sessionmaker[Session]) -> Destination:
    with sessions() as session:
        binding = session.scalars(select(ChannelBinding).where(ChannelBinding.channel_id == CHANNEL)).one()
        return Destination("teams", channel_id=CHANNEL, conversation=binding.conversation)


def test_a_reminder_reaches_the_channel_the_bot_was_added_to(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.install()
            assert teams.connector.texts() == []  # the channel is already the group's: nothing to set up
            destination = stored_destination(sessions)
            assert destination.conversation and destination.conversation["serviceUrl"] == teams.connector.url
            notifier = TeamsNotifier(Settings(_env_file=None, teams_anonymous=True), sleep=Sleeps())
            await asyncio.to_thread(notifier.send, destination, REMINDER)
            posted = teams.connector.sent()[-1]
            # A new post in the channel itself, not a reply in some thread.
            assert posted.path == f"/v3/conversations/{CHANNEL}/activities"
            card = posted.body["attachments"][0]["content"]
            assert card["body"][0]["text"] == "Reminder" and "starts tomorrow" in card["body"][1]["text"]

    asyncio.run(run())


def test_a_reminder_for_one_person_goes_to_their_1_to_1_chat(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.install()
            personal = teams.activity("alice", type="conversationUpdate", membersAdded=[BOT],
                                      conversation={"id": "a:1-aad-alice", "conversationType": "personal"})
            assert (await teams.post(personal)).status == 202
            assert "Reminders meant for you alone" in teams.connector.sent()[-1].body["text"]
            channel = stored_destination(sessions)
            notifier = TeamsNotifier(Settings(_env_file=None, teams_anonymous=True), sleep=Sleeps())
            to_alice = Destination("teams", user_id="aad-alice", conversation=channel.conversation)
            await asyncio.to_thread(notifier.send, to_alice, Reply("Your seat's term ends on 14 January 2027."))
            created, posted = teams.connector.sent()[-2:]
            assert created.path == "/v3/conversations"
            assert created.body["members"] == [{"id": "aad-alice"}] and created.body["isGroup"] is False
            assert created.body["tenantId"] == TENANT
            assert posted.path == "/v3/conversations/a:1-aad-alice/activities"
            assert posted.body["text"] == "Your seat's term ends on 14 January 2027."

    asyncio.run(run())


def test_with_credentials_the_reminder_carries_the_bots_token(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.install()
            settings = Settings(_env_file=None, teams_app_id="app-id", teams_app_secret="s" * 16,
                                teams_tenant_id=TENANT)
            notifier = TeamsNotifier(settings, token_providers=FakeEntra, sleep=Sleeps())
            await asyncio.to_thread(notifier.send, stored_destination(sessions), REMINDER)
            authorization = teams.connector.sent()[-1].authorization
            assert authorization is not None and authorization.removeprefix("Bearer ") in FakeEntra.issued

    asyncio.run(run())


def test_throttled_deliveries_back_off_and_then_succeed(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.install()
            sleeps = Sleeps()
            notifier = TeamsNotifier(Settings(_env_file=None, teams_anonymous=True), sleep=sleeps)
            teams.connector.failures = [(429, {"Retry-After": "3"}), (502, {}), (412, {})]
            before = len(teams.connector.sent())
            await asyncio.to_thread(notifier.send, stored_destination(sessions), REMINDER)
            assert len(teams.connector.sent()) - before == 4  # three refusals, then delivered
            assert sleeps.waits[0] == 3.0  # Teams said how long to wait
            assert all(0 < wait <= 8.5 for wait in sleeps.waits[1:])  # bounded back-off with jitter

    asyncio.run(run())


def test_when_teams_keeps_throttling_the_outbox_is_told_when_to_retry(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.install()
            notifier = TeamsNotifier(Settings(_env_file=None, teams_anonymous=True), sleep=Sleeps())
            teams.connector.failures = [(429, {})] * 10
            before = len(teams.connector.sent())
            with pytest.raises(DeliveryFailed) as failed:
                await asyncio.to_thread(notifier.send, stored_destination(sessions), REMINDER)
            assert failed.value.retry_after is not None and failed.value.retry_after >= 1
            assert not failed.value.permanent
            assert len(teams.connector.sent()) - before == 5  # bounded: the first try and four retries

    asyncio.run(run())


def test_a_removed_bot_fails_permanently(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.install()
            notifier = TeamsNotifier(Settings(_env_file=None, teams_anonymous=True), sleep=Sleeps())
            teams.connector.failures = [(403, {})]
            with pytest.raises(DeliveryFailed) as failed:
                await asyncio.to_thread(notifier.send, stored_destination(sessions), REMINDER)
            assert failed.value.permanent

    asyncio.run(run())


def test_messages_to_one_conversation_keep_to_seven_a_second(sessions: sessionmaker[Session]) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.install()
            sleeps = Sleeps()
            notifier = TeamsNotifier(Settings(_env_file=None, teams_anonymous=True), sleep=sleeps,
                                     monotonic=lambda: 100.0)
            for _ in range(3):
                await asyncio.to_thread(notifier.send, stored_destination(sessions), REMINDER)
            assert sleeps.waits == pytest.approx([1 / 7, 2 / 7])

    asyncio.run(run())


def test_a_channel_the_bot_never_heard_from_cannot_be_reached() -> None:
    notifier = TeamsNotifier(Settings(_env_file=None, teams_anonymous=True))
    with pytest.raises(DeliveryFailed) as failed:
        notifier.send(Destination("teams", channel_id=CHANNEL), REMINDER)
    assert failed.value.permanent and "added to it" in failed.value.reason
