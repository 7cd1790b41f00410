"""Posting replies into a Teams conversation during a turn, and refreshing the card a record is shown on."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from microsoft_agents.activity import ConversationAccount
from microsoft_agents.hosting.core import TurnContext
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import card
from bot.db import unit_of_work
from bot.refs import MeetingRef, PollRef, RecordRef, from_key
from bot.replies import Aside, Reply
from bot.services import conversations, groups, posted_cards
from bot.services.channel_posts import follows, postpone_post
from bot.services.context import Place, Speaker
from bot.services.posted_cards import PostedCard, note_shown, posted_card, remember_card, shows_later
from handlers.teams import envelope, forms, render
from handlers.teams.card_turns import CardTurns
from handlers.teams.notifier import THROTTLED
from handlers.teams.personal import to_personal_chat

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Record:
    """What every listener needs: the record's sessions, the clock, and whose turn it is over each card."""

    sessions: sessionmaker[Session]
    clock: Callable[[], dt.datetime]
    turns: CardTurns = field(default_factory=CardTurns, compare=False)

    async def remember(self, context: TurnContext) -> None:
        """Keep this conversation's reference so reminders can reach it later."""
        if (keep := self.keeping(context)) is None:
            return

        def store() -> None:
            with unit_of_work(self.sessions) as session:
                keep(session)

        await asyncio.to_thread(store)

    def keeping(self, context: TurnContext) -> Callable[[Session], None] | None:
        """What keeps this conversation's reference, in a transaction given to it: the command's own (one
        transaction a turn, not two), or `remember`'s. None when the activity gives no reference to keep."""
        activity = context.activity
        if not activity.service_url or activity.conversation is None:
            return None
        reference, place = envelope.reference(activity), envelope.place(activity)
        return lambda session: conversations.remember(session, place, reference, self.clock())

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
        answer is given in the thread, @mentioning the person it is for; in a 1:1 chat it is simply said. A
        record's card is posted in its turn (card_turns): a change shown meanwhile waits for it, and updates it."""
        if reply.subject is None or reply.private or not render.needs_card(reply):
            return await self._send(context, place, reply)
        async with self.turns.one_at_a_time(place.channel_id, reply.subject.key):
            await self._send(context, place, reply)

    async def _send(self, context: TurnContext, place: Place, reply: Reply) -> None:
        personal = envelope.is_personal(context.activity)
        mention = context.activity.from_property if (reply.private or reply.error) and not personal else None
        try:
            response = await context.send_activity(render.message(reply, mention))
        except aiohttp.ClientResponseError as error:
            if error.status not in THROTTLED or reply.private or reply.error:
                raise
            await self._post_later(context, place, reply)
            return
        if reply.subject is not None and render.needs_card(reply) and not reply.private and response and response.id:
            conversation = context.activity.conversation.id if context.activity.conversation else place.channel_id
            await asyncio.to_thread(self._remember_post, place, reply.subject, PostedCard(response.id, conversation))

    async def tell(self, context: TurnContext, place: Place, asides: tuple[Aside, ...]) -> None:
        """Each aside to its person: in their 1:1 chat with the bot, or to the speaker in the thread."""
        for aside in asides:
            if aside.to is None:
                await self.post(context, place, aside.reply)
            else:
                await to_personal_chat(context, aside.to, aside.reply)

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

    def _remember_post(self, place: Place, ref: RecordRef, posted: PostedCard) -> None:
        with unit_of_work(self.sessions) as session:
            remember_card(session, place, ref, posted, self.clock(), latest=True)

    async def show(self, context: TurnContext, place: Place, shown: Reply) -> dict[str, Any] | None:
        """Put the public card `shown` (read in the command's own transaction) in place of the card posted for its
        record, if one was; returns the card, or None where the posted card shows a later change (another turn's,
        or another replica's), which `shown` must not undo."""
        content = render.card(shown)
        if shown.subject is None:
            return content
        async with self.turns.one_at_a_time(place.channel_id, shown.subject.key):
            posted, outdone = await asyncio.to_thread(self._posted_outdone, place, shown.subject, shown.version)
            if outdone:
                return None
            if posted is not None:
                await self._put(context, place, posted, shown)
        return content

    async def in_place(self, context: TurnContext, place: Place, reply: Reply) -> bool:
        """Put the public `reply` in place of the vote's card already posted here (a vote closed by a typed
        command), as Slack does: True where that card now shows it, or a later change, so the reply needs no card
        of its own; False where there is no such card, or it could not be updated (deleted since). A meeting's
        card is posted again where it is opened, in the thread the meeting's people are reading now, unless its card
        is in that very thread (a meeting closed where it was opened): there the card above shows it."""
        if not isinstance(reply.subject, PollRef | MeetingRef) or not render.needs_card(reply):
            return False
        here = context.activity.conversation.id if context.activity.conversation else None
        async with self.turns.one_at_a_time(place.channel_id, reply.subject.key):
            posted, outdone = await asyncio.to_thread(self._posted_outdone, place, reply.subject, reply.version)
            if posted is None or (isinstance(reply.subject, MeetingRef) and posted.conversation != here):
                return False
            return outdone or await self._put(context, place, posted, reply)

    async def _put(self, context: TurnContext, place: Place, posted: PostedCard, shown: Reply) -> bool:
        """Update the message `posted` to show `shown`, and note the change it now shows; False when Teams would
        not (the card deleted, or throttled): the command is recorded, so that must not fail the turn."""
        update = render.card_activity(render.card(shown), posted.message)
        update.conversation = ConversationAccount(id=posted.conversation or place.channel_id)
        update.service_url = context.activity.service_url
        update.channel_id = context.activity.channel_id
        # Straight to the adapter: TurnContext.update_activity would point the update at the conversation
        # of the current turn, which may be another thread than the one the card was posted in.
        try:
            await context.adapter.update_activity(context, update)
        except Exception:
            logger.exception("could not refresh the posted card of %s", shown.subject)
            return False
        if shown.subject is not None and shown.version is not None:
            await asyncio.to_thread(self._note_shown, place, shown.subject, shown.version)
        return True

    async def refresh_posted(self, context: TurnContext, speaker: Speaker, place: Place, ref: RecordRef | None,
                             *, moved: bool = False) -> None:
        """Put the card of `ref` as it stands in place of its copy posted here, if there is one (the card is
        read only then, in the transaction that finds the copy: a record not yet posted here, one just made, say,
        has no copy to refresh); `moved`: the card is about to be posted again, so that copy says so (render.moved)."""
        if ref is None:
            return
        subject = ref

        def posted(session: Session) -> bool:
            return posted_card(session, place, subject) is not None

        shown = await asyncio.to_thread(card, self.sessions, speaker, place, subject, self.clock(), posted)
        if shown is not None:
            await self.show(context, place, render.moved(shown) if moved else shown)

    async def refresh_where_posted(self, context: TurnContext, speaker: Speaker, refs: tuple[RecordRef, ...]) -> None:
        """The cards a command in a 1:1 chat changed (a vote with --group) are in the group's channel, not in the
        chat: each is put in place wherever it was posted, read anew there."""
        for ref in refs:
            for channel in await asyncio.to_thread(self._channels, ref):
                await self.refresh_posted(context, speaker, Place(envelope.PLATFORM, channel), ref)

    async def refresh(self, context: TurnContext, speaker: Speaker, place: Place,
                      ref: RecordRef | None) -> dict[str, Any] | None:
        """Read the card of `ref` as it stands (a record the command did not change, or a card pressed) and put it
        in place of the posted one. Returns the new card, or None when the record has no card to refresh."""
        if ref is None:
            return None
        shown = await asyncio.to_thread(card, self.sessions, speaker, place, ref, self.clock())
        return await self.show(context, place, shown) if shown is not None else None

    async def pressed(self, context: TurnContext, speaker: Speaker, place: Place, card_key: str | None,
                      reply: Reply | None = None) -> dict[str, Any] | None:
        """The card an action was pressed on, as it stands now: the forms menu, or a record's card (the one the
        command's transaction read when it changed that record, else read again), its posted copy refreshed for
        everyone. None when there is no such card to show."""
        if card_key == forms.MENU_CARD:
            return forms.forms_card()
        ref = from_key(card_key)
        for shown in reply.cards if reply is not None else ():
            if shown.subject == ref and (content := await self.show(context, place, shown)) is not None:
                return content
        return await self.refresh(context, speaker, place, ref)

    async def replace(self, context: TurnContext, activity_id: str, content: dict[str, Any]) -> None:
        """Replace the message `activity_id` of this conversation with the card `content`."""
        try:
            await context.update_activity(render.card_activity(content, activity_id))
        except Exception:  # what was asked is recorded: a card that cannot be replaced must not fail the turn
            logger.exception("could not replace a pressed card")

    def _posted_outdone(self, place: Place, ref: RecordRef, version: int | None) -> tuple[PostedCard | None, bool]:
        """The card posted here for `ref`, and whether it shows a later change than `version` (by any replica)."""
        with self.sessions() as session:
            posted = posted_card(session, place, ref)
            return posted, posted is not None and version is not None and shows_later(session, place, ref, version)

    def _channels(self, ref: RecordRef) -> list[str]:
        with self.sessions() as session:
            return posted_cards.channels_showing(session, envelope.PLATFORM, ref)

    def _note_shown(self, place: Place, ref: RecordRef, version: int) -> None:
        with unit_of_work(self.sessions) as session:
            note_shown(session, place, ref, version)
