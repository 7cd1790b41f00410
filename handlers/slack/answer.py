"""Saying the core's reply in Slack: private replies ephemeral, channel records posted, cards updated in place."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from typing import Any

from slack_bolt import Ack, BoltRequest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient
from sqlalchemy.orm import Session, sessionmaker

from bot import group_commit
from bot.commands import Command
from bot.conversation import card, respond, respond_command, respond_once
from bot.payloads import Pressed
from bot.refs import RecordRef
from bot.replies import Reply
from bot.services.context import Place, Speaker
from handlers.slack import card_refresh, cards, deliveries, first_cards, people, pushback
from handlers.slack.card_refresh import CARD_GONE
from handlers.slack.pacing import Coalesced
from handlers.slack.payloads import slacks_own
from handlers.slack.render import message
from handlers.slack.workers import Workers, logged

logger = logging.getLogger(__name__)

RECEIVED_AT = "govbot_received_at"  # the monotonic time a request arrived, in its Bolt context
CARD_PACE = 1.0  # seconds between one card's refreshes while votes keep arriving
NOT_THERE = ("not_in_channel", "channel_not_found")
NOT_IN_CHANNEL = ("I can't post in this channel yet. Invite me with `/invite @govbot`, then try again; "
                  "nothing you asked for was lost: {}")


@dataclass(frozen=True)
class Core:
    """The core as Slack listeners call it: the record's sessions, the clock, the workers that run what follows an
    ack, and the cards being refreshed."""

    sessions: sessionmaker[Session]
    clock: Callable[[], dt.datetime]
    workers: Workers
    refreshing: Coalesced = field(default_factory=lambda: Coalesced(CARD_PACE))  # app.py shares it across replicas
    writer: threading.Lock = field(default_factory=threading.Lock)
    posting: first_cards.CardPosts = field(default_factory=first_cards.CardPosts)  # a card: one command at a time

    def serially(self) -> AbstractContextManager[object]:
        """SQLite has one writer and every transaction here begins IMMEDIATE: queueing on a lock in the process
        hands over at once, where SQLite's busy handler would sleep and retry (with a group-commit writer, the
        lock it holds while a batch runs). Other databases run in parallel."""
        batches = group_commit.writer_for(self.sessions)
        if batches is not None:
            return batches.turn
        return self.writer if self.sessions.kw["bind"].dialect.name == "sqlite" else nullcontext()

    def commanding(self) -> AbstractContextManager[object]:
        """What a command waits for before it runs: nothing when a group-commit writer queues it (the writer keeps
        arrival order and batches what waits), else `serially`."""
        return nullcontext() if group_commit.writer_for(self.sessions) is not None else self.serially()

    def respond(self, speaker: Speaker, place: Place, said: str | Command) -> Reply:
        """The core's reply to `said` (typed text, or a form's command) from `speaker` in `place`."""
        with self.commanding():
            if isinstance(said, str):
                reply = respond(self.sessions, speaker, place, said, self.clock())
            else:
                reply = respond_command(self.sessions, speaker, place, said, self.clock())
        return people.named(self.sessions, reply, people.typed_ids(said))

    def respond_once(self, speaker: Speaker, place: Place, said: str | Command | Pressed, request: BoltRequest,
                     changes: dict[str, int] | None = None) -> Reply | None:
        """As `respond`, for the command a Slack delivery carries; None (and nothing changed) for a repeat. `changes`
        receives the number of the command's change of each card (Coalesced.changing), for `Exchange.refresh`."""
        def pending(ref: RecordRef) -> bool:
            running, turn = self.refreshing.changing((place.channel_id, ref.key))
            if changes is not None:
                changes[ref.key] = turn
            return running

        with self.commanding():
            reply = respond_once(self.sessions, speaker, place, said, self.clock(), deliveries.delivery_of(request),
                                 pending)
        if reply is None:
            deliveries.repeated(request)
        return reply and people.named(self.sessions, reply, people.typed_ids(said))

    def card(self, speaker: Speaker, place: Place, ref: RecordRef) -> Reply | None:
        """The public card of `ref` as it stands now (None when it has none here). It goes through `transact`, so
        it waits as a command does: holding the writer's turn here would deadlock a group-commit writer."""
        with self.commanding():
            shown = card(self.sessions, speaker, place, ref, self.clock())
        return shown and people.named(self.sessions, shown)

    def first_delivery(self, request: BoltRequest) -> bool:
        """False for Slack's retry or a replay of a delivery already handled (it is then dropped)."""
        with self.serially():
            return deliveries.first_delivery(self.sessions, request, self.clock())

    def after(self, work: Callable[[], object]) -> None:
        """Run `work` on a worker once the ack is on its way: what Slack need not wait for."""
        try:
            self.workers.after.submit(logged, work)
        except RuntimeError:  # the server is shutting down: finish it here rather than drop an answer
            logged(work)

    def acking(self, work: Callable[[dict[str, Any], WebClient, BoltRequest], object]) -> Callable[..., None]:
        """A Bolt listener that acks at once and runs `work(body, client, request)` after, on a worker."""

        def listener(ack: Ack, body: dict[str, Any], client: WebClient, request: BoltRequest) -> None:
            ack()
            self.after(lambda: work(body, client, request))

        return listener


@dataclass(frozen=True)
class Exchange:
    """One person speaking in one channel through Slack, and how to answer them there."""

    core: Core
    client: WebClient
    speaker: Speaker
    place: Place
    response_url: str | None = None
    clicked_ts: str | None = None  # the channel message whose button was pressed
    changes: dict[str, int] = field(default_factory=dict)  # record key -> this command's change of its card


    def say(self, said: str | Command | Pressed, request: BoltRequest) -> None:
        """Run what a Slack delivery carries as a command from the speaker and answer it (a repeat: silently)."""
        try:
            reply = self.core.respond_once(self.speaker, self.place, said, request, self.changes)
            if reply is not None:
                self.answer(reply)
        finally:
            self.settled()

    def settled(self) -> None:
        """The command has been answered, or failed: its refreshes have run or folded into one that reads the card
        anew, so the numbers of its changes (`changes`) are done with."""
        for key, turn in self.changes.items():
            self.core.refreshing.done((self.place.channel_id, key), turn)

    def answer(self, reply: Reply) -> None:
        if reply.private:
            self.whisper(reply)
        else:
            self.show(reply)
        self.refresh_cards(reply)

    def refresh_cards(self, reply: Reply) -> None:
        """Put the cards the command changed (a poll's tally after a vote, the meeting's roll) in place: those it
        composed, and those whose refresh was already running when it did (`Reply.cards_pending`)."""
        for ref, shown in [(s.subject, s) for s in reply.cards] + [(r, None) for r in reply.cards_pending]:
            if ref is not None and self.place.direct:  # a vote in a direct message: the card in the group's channel
                with self.core.serially():
                    shown_in = cards.channels(self.core.sessions, ref)
                for channel in shown_in:
                    there = Place(self.place.platform, channel)
                    card_refresh.refresh(replace(self, place=there, clicked_ts=None, changes={}), ref, None)
            elif ref is not None:
                card_refresh.refresh(self, ref, shown)

    def whisper(self, reply: Reply) -> None:
        """An ephemeral message only the speaker sees; where Slack shows none in the channel (a form's, which carries
        no response_url, in a channel the bot is not in), the app's direct message with them."""
        hook = slacks_own(self.response_url, self.client.base_url)
        if hook:
            WebhookClient(hook, ssl=self.client.ssl).send(response_type="ephemeral", replace_original=False,
                                                          **message(reply))
            return
        try:
            self.client.chat_postEphemeral(channel=self.place.channel_id, user=self.speaker.user_id, **message(reply))
        except SlackApiError as error:
            if error.response.get("error") not in (*NOT_THERE, "user_not_in_channel"):
                raise
            self.client.chat_postMessage(channel=self.speaker.user_id, **message(reply))

    def show(self, reply: Reply) -> None:
        """Post a record to the channel, or update the card that already shows its subject; a command showing the
        same record here meanwhile waits, so it finds this card noted rather than posting a second (first_cards)."""
        with (self.core.posting.one_at_a_time((self.place.channel_id, reply.subject.key)) if reply.subject
              else nullcontext()):
            self.post_or_update(reply)

    def post_or_update(self, reply: Reply) -> None:
        channel = self.place.channel_id
        ts, outdone = self.placed(reply) if reply.subject else (None, False)
        try:
            if ts is not None:
                if outdone:
                    return  # another replica's card shows a later change, this command's with it
                try:
                    self.client.chat_update(channel=channel, ts=ts, **message(reply))
                    self.noted(reply)
                    return
                except SlackApiError as error:  # what was asked is recorded: the reply must still be seen
                    if error.response.get("error") not in CARD_GONE:
                        logger.exception("could not update the card of %s", reply.subject)
                        self.whisper(Reply(reply.text, title=reply.title, fields=reply.fields, private=True))
                        return
                    logger.warning("the card of %s is gone (%s); posting a new one", reply.subject,
                                   error.response.get("error"))
            posted = self.client.chat_postMessage(channel=channel, **message(reply))
        except (SlackApiError, OSError) as error:
            if pushback.pushed_back(error):  # recorded already: the post follows from the outbox
                pushback.post_later(self.core, self.place, reply, self.whisper)
                return
            if not isinstance(error, SlackApiError) or error.response.get("error") not in NOT_THERE:
                raise
            self.whisper(Reply(NOT_IN_CHANNEL.format(reply.text), private=True, error=True))
            return
        if reply.subject:
            with self.core.serially():
                if ts is not None:  # the card it showed on is gone: this one takes its place
                    cards.replace(self.core.sessions, channel, reply.subject, ts, str(posted["ts"]), self.core.clock())
                else:  # a first card: the change it shows is noted with it, in one transaction
                    kept = cards.remember(self.core.sessions, channel, reply.subject, str(posted["ts"]),
                                          self.core.clock(), reply.version)
            if ts is not None:
                self.noted(reply)
            elif kept is not None:  # another replica's first card was noted first: this one gives way to it
                first_cards.give_way(self, reply, str(posted["ts"]), kept)

    def placed(self, reply: Reply) -> tuple[str | None, bool]:
        """The message showing the record `reply` is about (`card`), and whether any replica has updated it to a
        later change than the reply's, read together."""
        assert reply.subject is not None  # only a record's reply is placed
        with self.core.serially():
            return cards.placed(self.core.sessions, self.place.channel_id, reply.subject, self.clicked_ts,
                                reply.version)

    def noted(self, reply: Reply) -> None:
        """Note the change a record's card now shows, for every replica's refreshes (card_refresh.update_card)."""
        if reply.subject is not None and reply.version is not None:
            with self.core.serially():
                cards.shown(self.core.sessions, self.place.channel_id, reply.subject, reply.version)

    def card(self, ref: RecordRef) -> str | None:
        """The message showing `ref` here: the card the bot posted for it, else the one just clicked (cards.card_ts)."""
        with self.core.serially():
            return cards.card_ts(self.core.sessions, self.place.channel_id, ref, self.clicked_ts)
