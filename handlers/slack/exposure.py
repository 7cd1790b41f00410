"""Who can read a Slack channel, asked when the core wants to know (after a bind), and the asides it gives rise to:
a confidential group's chair warned by direct message, the speaker privately where they spoke."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from bot.conversation import exposure
from bot.identity import Audience
from bot.replies import Aside
from handlers.slack.answer import Exchange
from handlers.slack.render import message

logger = logging.getLogger(__name__)


def warn_if_exposed(exchange: Exchange) -> None:
    """Called after a reply that wanted the channel's audience. Reads the channel with conversations.info and
    says what the core answers."""
    place = exchange.place
    try:
        info = exchange.client.conversations_info(channel=place.channel_id)["channel"]
    except SlackApiError as error:
        logger.warning("could not read channel %s to check who can see it: %s", place.channel_id,
                       error.response.get("error"))
        return
    audience = Audience(public=not info.get("is_private", False),
                        shared=bool(info.get("is_ext_shared") or info.get("is_pending_ext_shared")))
    with exchange.core.serially():
        asides = exposure(exchange.core.sessions, exchange.speaker, place, audience, exchange.core.clock())
    tell(exchange, asides)


def tell(exchange: Exchange, asides: tuple[Aside, ...]) -> None:
    """Each aside to its person: by direct message, or to the speaker as an ephemeral message in the channel."""
    for aside in asides:
        if aside.to is None:
            exchange.whisper(aside.reply)
            continue
        channel = exchange.client.conversations_open(users=aside.to)["channel"]["id"]
        exchange.client.chat_postMessage(channel=channel, **message(aside.reply))
