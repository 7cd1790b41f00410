"""When Slack will not take a channel post (still 429 after the client's bounded retries, a 5xx, no connection):
the post goes to the outbox, which the delivery job sends later, and the person who acted is told so."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from slack_sdk.errors import SlackApiError

from bot.db import unit_of_work
from bot.replies import Reply
from bot.services.channel_posts import follows, postpone_post
from bot.services.context import Place

if TYPE_CHECKING:
    from handlers.slack.answer import Core

logger = logging.getLogger(__name__)


def pushed_back(error: Exception) -> bool:
    """Whether trying again later can help: Slack throttled or was down, or could not be reached."""
    if isinstance(error, SlackApiError):
        status = getattr(error.response, "status_code", 200)
        return status == 429 or status >= 500 or error.response.get("error") in ("ratelimited", "fatal_error")
    return isinstance(error, OSError)  # urllib's URLError and socket errors, after the client's retry


def post_later(core: Core, place: Place, reply: Reply, whisper: Callable[[Reply], None]) -> None:
    """Queue `reply` for `place` in the outbox and tell the person; where no group is bound to the channel (so
    there is no outbox for it), show them the reply itself."""
    with core.serially(), unit_of_work(core.sessions) as session:
        queued = postpone_post(session, place, reply, core.clock())
    logger.warning("Slack would not take a post in a channel; %s",
                   "it waits in the outbox" if queued else "shown to the person who acted instead")
    whisper(follows("Slack", reply) if queued else Reply(reply.text, title=reply.title, fields=reply.fields,
                                                          private=True))
