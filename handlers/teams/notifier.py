"""Proactive messages into Teams: post a reply into a conversation from its stored reference, within Teams'
rate limits, backing off when Teams says to slow down."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

import aiohttp
from microsoft_agents.activity import ConversationAccount, ConversationReference
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import ClaimsIdentity, TurnContext
from sqlalchemy import Engine
from urllib3 import HTTPResponse
from urllib3.exceptions import MaxRetryError
from urllib3.util import Retry

from bot.db import session_factory, unit_of_work
from bot.pacing import reserve_slot
from bot.ports import DeliveryFailed, Destination, Posted
from bot.replies import Reply
from bot.settings import Settings
from handlers.teams import auth, envelope, render
from handlers.teams.admission import on_this_machine

logger = logging.getLogger(__name__)
T = TypeVar("T")
Slots = Callable[[str], float]  # conversation id -> seconds until the slot just reserved for one message

# Teams throttles at about 7 messages a second per conversation (and answers 429, or 412/502/504 when busy).
PER_CONVERSATION_PER_SECOND = 7.0
THROTTLED = (429, 412, 502, 504)
GONE = (403, 404)  # the bot was removed from the team, or the conversation no longer exists
LONGEST_WAIT = 30.0  # seconds; a longer Retry-After goes back to the outbox rather than holding a worker
RETRY = Retry(total=4, status_forcelist=THROTTLED, allowed_methods=None, backoff_factor=0.5, backoff_jitter=0.5,
              backoff_max=8.0, respect_retry_after_header=True, raise_on_status=False)


class TeamsNotifier:
    """bot.ports.Notifier for Teams: `send` posts into `destination.conversation` (the stored reference of a
    channel the bot is in). With `destination.user_id` (an Entra object id) it opens a 1:1 chat with that person
    through the same team instead; Teams allows that once govbot is installed for them (personal scope)."""

    platform = envelope.PLATFORM

    def __init__(self, settings: Settings, *, token_providers: auth.TokenProviders | None = None,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 monotonic: Callable[[], float] = time.monotonic, retry: Retry = RETRY,
                 slots: Slots | None = None) -> None:
        with quiet(auth.logger):  # the endpoint already warned once about anonymous mode, loudly
            config = auth.configuration(settings)
        self._adapter = CloudAdapter(connection_manager=auth.connections(config, token_providers))
        self._adapter.on_turn_error = _reraise
        self._app_id = settings.teams_app_id or ""
        self._anonymous = config.ANONYMOUS_ALLOWED
        self._sleep, self._monotonic, self._retry = sleep, monotonic, retry
        self._next_slot: dict[str, float] = {}
        self._slots = slots  # the slots kept in the record, shared by every replica (shared_slots)
        self._lock = threading.Lock()

    def send(self, destination: Destination, reply: Reply) -> Posted | None:
        """Post `reply`. Raises DeliveryFailed: permanent without a stored reference or when Teams says the
        conversation is gone; with `retry_after` when Teams still throttles after the retries."""
        if not destination.conversation:
            raise DeliveryFailed("No Teams conversation is stored for this channel yet: the bot must be added to "
                                 "it (or spoken to there) once before it can post reminders.", permanent=True)
        reference = self._reference(destination)
        return _run(self._deliver(reference, reply, destination.user_id))

    def _reference(self, destination: Destination) -> ConversationReference:
        """The stored reference to post through. Without credentials (the Agents Playground) only a connector on
        this machine is posted to: a serviceUrl kept from an activity answered in its own response (expectReplies)
        may name any address, and the bot must not post into the network on an unverified word."""
        reference = ConversationReference.model_validate(destination.conversation)
        if self._anonymous and not on_this_machine(reference.service_url):
            raise DeliveryFailed("Without credentials (TEAMS_ANONYMOUS) govbot posts only to a connector on this "
                                 "machine, and this channel's serviceUrl is elsewhere.", permanent=True)
        return reference

    def update(self, destination: Destination, posted: Posted, reply: Reply) -> None:
        """Put `reply`'s card in place of the message `posted` (in its thread). Raises DeliveryFailed."""
        if not destination.conversation:
            raise DeliveryFailed("No Teams conversation is stored for this channel yet.", permanent=True)
        reference = self._reference(destination)
        try:
            _run(self._update(reference, posted, reply))
        except (aiohttp.ClientError, ValueError) as error:
            raise DeliveryFailed(f"Teams would not update the card: {type(error).__name__}") from error

    async def _update(self, reference: ConversationReference, posted: Posted, reply: Reply) -> None:
        claims = ClaimsIdentity() if self._anonymous else self._adapter.create_claims_identity(self._app_id)
        await self._pace(reference.conversation.id if reference.conversation else "")

        async def put(context: TurnContext) -> None:
            update = render.card_activity(render.card(reply), posted.message).apply_conversation_reference(reference)
            if posted.conversation:
                update.conversation = ConversationAccount(id=posted.conversation)
            await self._adapter.update_activity(context, update)

        await self._adapter.continue_conversation_with_claims(claims, reference.get_continuation_activity(), put)

    async def _deliver(self, reference: ConversationReference, reply: Reply, user_id: str | None) -> Posted | None:
        conversation = reference.conversation.id if reference.conversation else ""
        await self._pace(conversation)
        retry = self._retry
        while True:
            try:
                return await self._post(reference, reply, user_id)
            except aiohttp.ClientResponseError as error:
                retry, wait = self._after(retry, error)
            except (aiohttp.ClientError, ValueError) as error:  # network down, or no token from Entra
                raise DeliveryFailed(f"Teams could not be reached: {type(error).__name__}") from error
            logger.warning("Teams throttled a message to %s; trying again in %.1fs", conversation, wait)
            await self._sleep(wait)

    def _after(self, retry: Retry, error: aiohttp.ClientResponseError) -> tuple[Retry, float]:
        """The next retry state and how long to wait first; raises DeliveryFailed when it is time to stop."""
        response = HTTPResponse(status=error.status, headers=dict(error.headers or {}))
        if not retry.is_retry("POST", error.status, has_retry_after="Retry-After" in response.headers):
            raise DeliveryFailed(f"Teams refused the message ({error.status})", permanent=error.status in GONE)
        said = retry.get_retry_after(response)
        try:
            retry = retry.increment(method="POST", response=response)
        except MaxRetryError:
            wait = said if said is not None else max(retry.get_backoff_time(), 1.0)
            raise DeliveryFailed(f"Teams is still throttling ({error.status})", retry_after=wait) from error
        wait = said if said is not None else retry.get_backoff_time()
        if wait > LONGEST_WAIT:
            raise DeliveryFailed(f"Teams asked to wait {wait:.0f}s ({error.status})", retry_after=wait)
        return retry, max(wait, 1.0 / PER_CONVERSATION_PER_SECOND)

    async def _pace(self, conversation: str) -> None:
        """Keep to Teams' per-conversation rate: each message takes the next free slot (of every replica's, when
        the slots are kept in the record; else of this process's)."""
        if self._slots is not None:
            wait = await asyncio.to_thread(self._slots, conversation)
            if wait > 0:
                await self._sleep(wait)
            return
        with self._lock:
            now = self._monotonic()
            slot = max(now, self._next_slot.get(conversation, now))
            self._next_slot[conversation] = slot + 1.0 / PER_CONVERSATION_PER_SECOND
        if slot > now:
            await self._sleep(slot - now)

    async def _post(self, reference: ConversationReference, reply: Reply, user_id: str | None) -> Posted | None:
        claims = ClaimsIdentity() if self._anonymous else self._adapter.create_claims_identity(self._app_id)
        posted: list[Posted] = []

        async def post(context: TurnContext) -> None:
            # A new post in the channel (a new thread), not a reply to the continuation event.
            message = render.message(reply).apply_conversation_reference(reference)
            if user_id is not None:
                message.conversation = await self._personal_chat(context, reference, user_id)
            answers = await self._adapter.send_activities(context, [message])
            if answers and answers[0] is not None and answers[0].id:
                posted.append(Posted(answers[0].id, message.conversation.id if message.conversation else None))

        await self._adapter.continue_conversation_with_claims(claims, reference.get_continuation_activity(), post)
        return posted[0] if posted else None


    @staticmethod
    async def _personal_chat(context: TurnContext, reference: ConversationReference,
                             user_id: str) -> ConversationAccount:
        """The 1:1 chat between the bot and `user_id` (Teams returns the existing one if there is one)."""
        client = envelope.connector(context)
        if client is None:
            raise DeliveryFailed("Teams gave the turn no connector to open a 1:1 chat with")
        tenant = reference.conversation.tenant_id if reference.conversation else None
        return await envelope.personal_chat(client, reference.agent, tenant, user_id)


def shared_slots(engine: Engine) -> Slots:
    """Teams' pace per conversation kept in the record: two replicas (or the server and `govbot reminders`) share
    seven messages a second in a conversation between them, rather than taking seven each."""
    sessions = session_factory(engine)
    step = dt.timedelta(seconds=1 / PER_CONVERSATION_PER_SECOND)

    def slot(conversation: str) -> float:
        with unit_of_work(sessions) as session:
            # The machine's clock, not the governance clock: this paces real calls (replicas' clocks agree).
            return reserve_slot(session, envelope.PLATFORM, conversation[:200], dt.datetime.now(dt.UTC), step)

    return slot


async def _reraise(context: TurnContext, error: Exception) -> None:
    raise error


def _run(work: Coroutine[Any, Any, T]) -> T:
    """Run `work` to the end from synchronous code, also when called on a thread that has a running loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, work).result()


@contextmanager
def quiet(logger: logging.Logger) -> Iterator[None]:
    """`logger` says nothing below ERROR for the duration."""
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
