"""Saying the core's reply in Slack: private replies ephemeral, channel records posted, cards updated in place."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import respond
from bot.replies import Reply
from bot.services.context import Place, Speaker
from handlers.slack import cards
from handlers.slack.render import message

logger = logging.getLogger(__name__)

# The command that shows a subject's current card, as any member sees it (a secret poll's tally stays hidden).
CARD_COMMANDS = {"poll": "results {}"}
NOT_IN_CHANNEL = ("I can't post in this channel yet. Invite me with `/invite @govbot`, then try again; "
                  "nothing you asked for was lost: {}")


@dataclass(frozen=True)
class Core:
    """The core as Slack listeners call it: the record's sessions and the clock."""

    sessions: sessionmaker[Session]
    clock: Callable[[], dt.datetime]


@dataclass(frozen=True)
class Exchange:
    """One person speaking in one channel through Slack, and how to answer them there."""

    core: Core
    client: WebClient
    speaker: Speaker
    place: Place
    response_url: str | None = None
    clicked_ts: str | None = None  # the channel message whose button was pressed

    def say(self, text: str) -> None:
        """Run `text` as a command from the speaker and answer it."""
        self.answer(respond(self.core.sessions, self.speaker, self.place, text, self.core.clock()))

    def answer(self, reply: Reply) -> None:
        if reply.private:
            self.whisper(reply)
            if reply.subject and not reply.error:
                self.refresh(reply.subject)
        else:
            self.show(reply)

    def whisper(self, reply: Reply) -> None:
        """An ephemeral message only the speaker sees."""
        if self.response_url:
            WebhookClient(self.response_url).send(response_type="ephemeral", replace_original=False,
                                                  **message(reply))
        else:
            self.client.chat_postEphemeral(channel=self.place.channel_id, user=self.speaker.user_id,
                                           **message(reply))

    def show(self, reply: Reply) -> None:
        """Post a record to the channel, or update the card that already shows its subject."""
        channel = self.place.channel_id
        ts = self.card(reply.subject) if reply.subject else None
        try:
            if ts is not None:
                self.client.chat_update(channel=channel, ts=ts, **message(reply))
                return
            posted = self.client.chat_postMessage(channel=channel, **message(reply))
        except SlackApiError as error:
            if error.response.get("error") not in ("not_in_channel", "channel_not_found"):
                raise
            self.whisper(Reply(NOT_IN_CHANNEL.format(reply.text), private=True, error=True))
            return
        if reply.subject:
            cards.remember(self.core.sessions, channel, reply.subject, str(posted["ts"]), self.core.clock())

    def card(self, subject: str) -> str | None:
        return self.clicked_ts or cards.card_ts(self.core.sessions, self.place.channel_id, subject)

    def refresh(self, subject: str) -> None:
        """Update the channel's card for `subject` (after a vote, say) with what the core shows now."""
        kind, _, ident = subject.partition(":")
        ts = self.card(subject)
        if kind not in CARD_COMMANDS or ts is None:
            return
        card = respond(self.core.sessions, self.speaker, self.place, CARD_COMMANDS[kind].format(ident),
                       self.core.clock())
        if card.error:
            logger.warning("could not refresh the card of %s: %s", subject, card.text)
            return
        public = Reply(card.text, title=card.title, fields=card.fields, buttons=card.buttons, subject=subject)
        self.client.chat_update(channel=self.place.channel_id, ts=ts, **message(public))
