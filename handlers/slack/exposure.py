"""After a channel is bound, ask Slack who can read it; a confidential group's chair is warned once."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from bot.commands import parse
from bot.errors import DomainError
from bot.services.exposure import exposure_warning
from bot.verbs import GroupBind
from handlers.slack.answer import Exchange
from handlers.slack.render import message

logger = logging.getLogger(__name__)


def binds_channel(text: str) -> bool:
    if "bind" not in text.casefold():
        return False  # most commands: no need to parse them a second time
    try:
        return isinstance(parse(text), GroupBind)
    except DomainError:
        return False


def warn_if_exposed(exchange: Exchange) -> None:
    """Called after `group bind` ran in the exchange's channel. Reads the channel with conversations.info."""
    place = exchange.place
    try:
        info = exchange.client.conversations_info(channel=place.channel_id)["channel"]
    except SlackApiError as error:
        logger.warning("could not read channel %s to check who can see it: %s", place.channel_id,
                       error.response.get("error"))
        return
    with exchange.core.serially():
        warning = exposure_warning(exchange.core.sessions, place, public=not info.get("is_private", False),
                                   shared=bool(info.get("is_ext_shared") or info.get("is_pending_ext_shared")),
                                   now=exchange.core.clock())
    if warning is None:
        return
    for chair in warning.chairs:
        channel = exchange.client.conversations_open(users=chair)["channel"]["id"]
        exchange.client.chat_postMessage(channel=channel, **message(warning.reply))
    if exchange.speaker.user_id not in warning.chairs:
        exchange.whisper(warning.reply)  # the secretariat bound it: they hear it too
