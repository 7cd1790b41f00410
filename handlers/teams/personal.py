"""Saying something to one person alone in Teams: in their 1:1 chat with the bot, the one place nobody else reads."""

from __future__ import annotations

import logging

import aiohttp
from microsoft_agents.hosting.core import TurnContext

from bot.replies import Reply
from handlers.teams import envelope, render

logger = logging.getLogger(__name__)


async def to_personal_chat(context: TurnContext, user_id: str, reply: Reply) -> bool:
    """Say `reply` to `user_id` (a Teams user id) in their 1:1 chat with the bot, opened if need be. False where
    Teams would not (the app not installed for them, the connector down): the log keeps what was not said."""
    activity = context.activity
    client = envelope.connector(context)
    try:
        if client is None:
            raise ValueError("Teams gave the turn no connector")
        tenant = activity.conversation.tenant_id if activity.conversation else None
        chat = await envelope.personal_chat(client, activity.recipient, tenant, user_id)
        message = render.message(reply)
        message.conversation = chat
        if activity.recipient is not None:
            message.from_property = activity.recipient
        await client.conversations.send_to_conversation(chat.id, message)
    except (aiohttp.ClientError, ValueError):  # the command is recorded; the log keeps what was not said
        logger.exception("could not tell a person in their 1:1 chat with the bot")
        return False
    return True
