"""The Teams envelope: who speaks, in which channel, what they typed, and how to post there again later."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
from typing import Any

import aiohttp
from microsoft_agents.activity import Activity, ChannelAccount, ConversationAccount, ConversationParameters
from microsoft_agents.hosting.core import TurnContext
from microsoft_agents.hosting.core.connector import ConnectorClientBase

from bot.identity import Audience
from bot.services.context import Place, Speaker
from bot.services.deliveries import Delivery
from handlers.teams.typed import typed

logger = logging.getLogger(__name__)

PLATFORM = "teams"
COMMAND_PREFIX = re.compile(r"^\s*[/!]?gov\b", re.IGNORECASE)
THREAD = ";messageid="
# A bound on the paging, so a connector that keeps answering with a token cannot hold the turn for ever; far more
# pages than the largest team has.
MAX_MEMBER_PAGES = 500


def speaker(account: ChannelAccount | None) -> Speaker:
    """The person behind an account: their Entra object id where Teams gives it (stable across the tenant's
    apps, and what a ToR file names as `holder: teams:<object id>`), else their Teams user id."""
    if account is None:
        return Speaker(PLATFORM, "unknown", "unknown")
    return Speaker(PLATFORM, account.aad_object_id or account.id, account.name or account.id)


def place(activity: Activity) -> Place:
    """The channel (or chat) an activity belongs to. A reply in a channel thread carries the thread in its
    conversation id (`19:...;messageid=...`); the group is bound to the whole channel, so the thread is dropped."""
    conversation_id = (activity.conversation.id if activity.conversation else "") or ""
    channel_id = conversation_id.split(THREAD, 1)[0]
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    name = (data.get("channel") or {}).get("name") if isinstance(data.get("channel"), dict) else None
    if name is None and activity.conversation is not None:
        name = activity.conversation.name
    return Place(PLATFORM, channel_id, name, direct=is_personal(activity), audience=audience(activity))


# A channel's membership type, as Teams gives it in channelData.channel.type: a standard channel is read by the
# whole team, a shared one by people of other teams and organisations, a private one only by its members.
AUDIENCES = {"standard": Audience(public=True, shared=False), "shared": Audience(public=False, shared=True),
             "private": Audience(public=False, shared=False)}


def audience(activity: Activity) -> Audience | None:
    """Who can read the channel, where Teams says so on the activity; None (not known) in a chat or when the
    activity does not say."""
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    channel = data.get("channel")
    if activity.conversation is None or activity.conversation.conversation_type != "channel" or \
            not isinstance(channel, dict):
        return None
    return AUDIENCES.get(str(channel.get("type") or "").casefold())


def delivery(activity: Activity) -> Delivery | None:
    """What makes an activity the same one again: its id in its conversation (Teams redelivers an activity it
    thinks the bot did not take, with the same id). Hashed: a channel thread's conversation id is long."""
    if not activity.id or activity.conversation is None:
        return None
    key = hashlib.sha256(f"{activity.conversation.id}\n{activity.id}".encode()).hexdigest()
    return Delivery(PLATFORM, f"activity:{key}")


def typed_place(activity: Activity) -> Place:
    """The place of a typed message: outside a 1:1 chat, everyone in the channel or group chat reads it."""
    return dataclasses.replace(place(activity), said_in_public=not is_personal(activity))


# Teams calls every 1:1 chat `personal`, but only the person's own chat with the bot is read by them alone. Its id
# begins `a:` (or `8:`); Microsoft Graph's name for it, `19:<person>_<bot>@unq.gbl.spaces`, names both. A `19:` id
# is otherwise a chat between two people (`19:<one>_<other>@unq.gbl.spaces`), a group chat or a channel.
SHARED_ID = "19:"
ONE_TO_ONE = re.compile(r"19:([^_@:]+)_([^_@:]+)@unq\.gbl\.spaces", re.IGNORECASE)


def is_personal(activity: Activity) -> bool:
    """Whether the activity is in the speaker's own 1:1 chat with the bot, which nobody else reads."""
    conversation = activity.conversation
    if conversation is None or conversation.conversation_type != "personal":
        return False
    conversation_id = conversation.id or ""
    if not conversation_id.startswith(SHARED_ID):
        return True
    members = ONE_TO_ONE.fullmatch(conversation_id)
    bot = (activity.recipient.id if activity.recipient else "").removeprefix("28:")
    person = activity.from_property.aad_object_id if activity.from_property else None
    return members is not None and bool(bot and person) and \
        sorted(m.casefold() for m in members.groups()) == sorted(str(m).casefold() for m in (bot, person))


def reference(activity: Activity) -> dict[str, Any]:
    """The conversation reference to post into the channel later, as plain JSON, pointing at the channel itself
    rather than at the thread it was taken from (a proactive post starts a new thread)."""
    ref = activity.get_conversation_reference()
    data = ref.model_dump(mode="json", by_alias=True, exclude_none=True)
    # Not who spoke last, nor their locale: the reference is the channel's, and keeping people out of it means
    # it is rewritten only when Teams moves the channel, not whenever someone else speaks.
    for key in ("activityId", "user", "locale", "requestId"):
        data.pop(key, None)
    conversation = data.get("conversation") or {}
    conversation["id"] = place(activity).channel_id
    data["conversation"] = conversation
    return data


def addressed(activity: Activity, mentioned_bot: bool) -> bool:
    """Whether a message is for the bot: it was @mentioned, it is a 1:1 chat, or the text begins with `gov`."""
    return mentioned_bot or is_personal(activity) or bool(COMMAND_PREFIX.match(typed(activity.text)))


def edited(activity: Activity) -> bool:
    """Whether a messageUpdate is a message edited by its author (not one undeleted, which Teams also sends so)."""
    data = activity.channel_data
    kind = data.get("eventType") if isinstance(data, dict) else getattr(data, "event_type", None)
    return activity.type == "messageUpdate" and kind == "editMessage"


def bot_mentioned(activity: Activity) -> bool:
    recipient = activity.recipient.id if activity.recipient else None
    return any(m.mentioned is not None and m.mentioned.id == recipient for m in activity.get_mentions())


def connector(context: TurnContext) -> ConnectorClientBase | None:
    """The connector client the adapter keeps for the turn, under the key the SDK itself uses: the abstract
    ConnectorClientBase, which mypy does not accept where the lookup's `type[T]` is expected."""
    return context.services.get(ConnectorClientBase)  # type: ignore[type-abstract]


async def personal_chat(client: ConnectorClientBase, agent: ChannelAccount | None, tenant: str | None,
                        user_id: str) -> ConversationAccount:
    """The 1:1 chat between the bot (`agent`) and `user_id` (Teams returns the existing one if there is one)."""
    created = await client.conversations.create_conversation(ConversationParameters(
        is_group=False, agent=agent, members=[ChannelAccount(id=user_id)], tenant_id=tenant,
        channel_data={"tenant": {"id": tenant}} if tenant else None))
    return ConversationAccount(id=created.id, conversation_type="personal", tenant_id=tenant)


async def members(context: TurnContext) -> list[Speaker]:
    """Everyone in the conversation (for a channel: the team), as the record should name them. Teams lists them
    a page at a time, each page with the token for the next, so a large team is read to its last page."""
    client = connector(context)
    if client is None or context.activity.conversation is None:
        return []
    conversation = place(context.activity).channel_id
    accounts: list[ChannelAccount] = []
    token: str | None = None
    try:
        for _ in range(MAX_MEMBER_PAGES):
            page = await client.conversations.get_conversation_paged_members(conversation, continuation_token=token)
            accounts.extend(page.members or [])
            token = page.continuation_token
            if not token:
                break
        else:
            logger.warning("stopped listing the members of a Teams conversation after %d pages", MAX_MEMBER_PAGES)
    except (aiohttp.ClientError, ValueError):  # ValueError: a page that is not what the SDK expects
        # The pages read so far still name their people; the rest appear as they speak.
        logger.exception("could not list all the members of a Teams conversation; names appear as they speak")
    return [speaker(account) for account in accounts if account.name]
