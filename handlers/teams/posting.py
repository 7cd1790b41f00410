"""Posting replies into a Teams conversation during a turn, and refreshing the card a record is shown on."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
from microsoft_agents.activity import ConversationAccount
from microsoft_agents.hosting.core import TurnContext
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import respond_command
from bot.db import unit_of_work
from bot.replies import Reply
from bot.services import conversations, groups
from bot.services.channel_posts import follows, postpone_post
from bot.services.context import Place, Speaker
from handlers.teams import envelope, forms, render
from handlers.teams.notifier import THROTTLED

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Record:
    """What every listener needs: the record's sessions and the clock."""

    sessions: sessionmaker[Session]
    clock: Callable[[], dt.datetime]

    async def remember(self, context: TurnContext) -> None:
        """Keep this conversation's reference so reminders can reach it later."""
        activity = context.activity
        if not activity.service_url or activity.conversation is None:
            return
        reference = envelope.reference(activity)
        place = envelope.place(activity)

        def store() -> None:
            with unit_of_work(self.sessions) as session:
                conversations.remember(session, place, reference, self.clock())

        await asyncio.to_thread(store)

    async def bound(self, place: Place) -> bool:
        """Whether `place` is already a group's channel."""

        def find() -> bool:
            with self.sessions() as session:
                return groups.group_for(session, place) is not None

        return await asyncio.to_thread(find)

    async def introduce(self, people: list[Speaker], *, create: bool = False) -> None:
        """Tell the record the names of people it knows only by id (seated by Entra object id in the ToR)."""
        if not people:
            return

        def store() -> None:
            with unit_of_work(self.sessions) as session:
                conversations.learn_names(session, people, create=create)

        await asyncio.to_thread(store)

    async def post(self, context: TurnContext, place: Place, reply: Reply) -> None:
        """Say `reply` in the conversation. Teams has no message only one person sees in a channel, so a private
        answer is given in the thread, @mentioning the person it is for; in a 1:1 chat it is simply said."""
        personal = envelope.is_personal(context.activity)
        mention = context.activity.from_property if (reply.private or reply.error) and not personal else None
        try:
            response = await context.send_activity(render.message(reply, mention))
        except aiohttp.ClientResponseError as error:
            if error.status not in THROTTLED or reply.private or reply.error:
                raise
            await self._post_later(context, place, reply)
            return
        if reply.subject and render.needs_card(reply) and not reply.private and response and response.id:
            conversation = context.activity.conversation.id if context.activity.conversation else place.channel_id
            message = {"conversation": conversation, "activity": response.id}
            await asyncio.to_thread(self._remember_post, place, reply.subject, message)

    async def _post_later(self, context: TurnContext, place: Place, reply: Reply) -> None:
        """Teams is busy (429, 412, 502, 504): the record is changed, so its post waits in the outbox for the
        delivery job, and the person is told (if Teams takes even that; else the post still follows)."""

        def queue() -> bool:
            with unit_of_work(self.sessions) as session:
                return postpone_post(session, place, reply, self.clock())

        queued = await asyncio.to_thread(queue)
        logger.warning("Teams would not take a post in a channel; %s", "it waits in the outbox" if queued
                       else "it could not be queued (the channel is bound to no group)")
        told = follows("Teams", reply) if queued else reply
        try:
            mention = None if envelope.is_personal(context.activity) else context.activity.from_property
            await context.send_activity(render.message(Reply(told.text, private=True), mention))
        except aiohttp.ClientResponseError:
            logger.warning("Teams would not take the note that a post will follow either")

    def _remember_post(self, place: Place, subject: str, message: dict[str, Any]) -> None:
        with unit_of_work(self.sessions) as session:
            conversations.remember_post(session, place, subject, message, self.clock())

    async def refresh(self, context: TurnContext, speaker: Speaker, place: Place,
                      subject: str | None) -> dict[str, Any] | None:
        """Re-render the card for `subject` (a poll's tally, say) and replace the posted one in place.
        Returns the new card, or None when the subject has no card to refresh."""
        view = conversations.view_of(subject)
        if view is None or subject is None:
            return None
        shown = await asyncio.to_thread(respond_command, self.sessions, speaker, place, view, self.clock())
        if shown.error:
            return None
        content = render.card(shown)
        message = await asyncio.to_thread(self._posted, place, subject)
        if message is not None:
            update = render.card_activity(content, str(message["activity"]))
            update.conversation = ConversationAccount(id=str(message["conversation"]))
            update.service_url = context.activity.service_url
            update.channel_id = context.activity.channel_id
            # Straight to the adapter: TurnContext.update_activity would point the update at the conversation
            # of the current turn, which may be another thread than the one the card was posted in.
            try:
                await context.adapter.update_activity(context, update)
            except Exception:  # the command is recorded: a stale card (deleted, throttled) must not fail the turn
                logger.exception("could not refresh the posted card of %s", subject)
        return content

    async def pressed(self, context: TurnContext, speaker: Speaker, place: Place,
                      card: str | None) -> dict[str, Any] | None:
        """The card an action was pressed on, as it stands now: the forms menu, or a record's card re-read from
        the record (and its posted copy refreshed for everyone). None when there is no such card to show."""
        if card == forms.MENU_CARD:
            return forms.forms_card()
        return await self.refresh(context, speaker, place, card)

    async def replace(self, context: TurnContext, activity_id: str, content: dict[str, Any]) -> None:
        """Replace the message `activity_id` of this conversation with the card `content`."""
        try:
            await context.update_activity(render.card_activity(content, activity_id))
        except Exception:  # what was asked is recorded: a card that cannot be replaced must not fail the turn
            logger.exception("could not replace a pressed card")

    def _posted(self, place: Place, subject: str) -> dict[str, Any] | None:
        with unit_of_work(self.sessions) as session:
            return conversations.posted(session, place, subject)
