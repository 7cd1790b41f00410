"""The people a Teams message @mentions: who they are, how each is written in its text, and the command text with
each written as `<@id>`, which the grammar reads as that person."""

from __future__ import annotations

import dataclasses
import html
import logging

import aiohttp
from microsoft_agents.activity import Activity, ChannelAccount
from microsoft_agents.hosting.core import TurnContext
from microsoft_agents.hosting.core.connector.teams import TeamsConnectorClient

from bot.services.context import Speaker
from handlers.teams.envelope import PLATFORM, connector
from handlers.teams.typed import typed

logger = logging.getLogger(__name__)

# The most people one message may @mention for a command: a command names at most three, and a motion's 2,000
# characters hold some fifty written mentions. Each costs a lookup at Teams (when it carries no Entra object id)
# and a person in the record, so an activity cannot spend thousands of either.
MAX_MENTIONED = 50


def mentions(activity: Activity) -> list[tuple[str, ChannelAccount]]:
    """Each @mention of a person (not the bot) in the message's text, in the order Teams lists its entities (the
    order they stand in the text): how it is written, and whose account it is. Two people who share a display
    name are written alike (`<at>Sam</at>`), so each entity stands for one written mention, not for every one."""
    text, recipient = typed(activity.text), activity.recipient.id if activity.recipient else None
    found = []
    for mention in activity.get_mentions():
        person, written = mention.mentioned, typed(mention.text)
        if person is not None and person.id and person.id != recipient and written and written in text:
            found.append((written, person))
    return found


def mentioned_name(person: ChannelAccount) -> str:
    """A mentioned account's name as written: Teams sends it HTML-escaped (`O&#39;Brien &amp; Co`), which a card
    shows as it is; unescaped once, and each place that shows it escapes it as that place needs."""
    return html.unescape(person.name or "")


def people_mentioned(activity: Activity) -> list[tuple[str, ChannelAccount]]:
    """The people a message's text @mentions (not the bot), once each: how each is written, and their account."""
    found: dict[str, tuple[str, ChannelAccount]] = {}
    for written, person in mentions(activity):
        found.setdefault(str(person.id), (written, person))
    return list(found.values())


async def command_text(context: TurnContext) -> tuple[str, list[Speaker]]:
    """The message text as typed (handlers.teams.typed) with each @mention of a person written as `<@id>`, which
    the grammar reads as that person, and the people mentioned (so the record knows their names). Each mention
    entity takes the first of its written mentions not yet taken, so `deputy @Sam --for @Sam` names two Sams where
    there are two, and the words of one name written as mentions of one account side by side are that one person.
    Teams does not always put the Entra object id on a mention, so it is asked for when missing."""
    activity = context.activity
    text = typed(activity.text)
    people: dict[str, Speaker] = {}
    accounts: dict[str, set[str]] = {}  # the accounts written each way
    written_out, rest = "", text
    for written, person in mentions(activity):
        name = mentioned_name(person)
        if person.id not in people:
            object_id = person.aad_object_id or await _object_id(context, str(person.id)) or str(person.id)
            people[str(person.id)] = Speaker(PLATFORM, object_id, name or object_id)
        accounts.setdefault(written, set()).add(str(person.id))
        before, found, after = rest.partition(written)
        token = f"<@{people[str(person.id)].user_id}>"
        if found and not before.strip() and written_out.endswith(token):
            # A name Teams wrote a word at a time (`<at>Dan</at> <at>Jones</at>`, an entity each): one person,
            # whose name is the words together.
            known = people[str(person.id)]
            if name and name not in known.display_name:
                people[str(person.id)] = dataclasses.replace(known, display_name=f"{known.display_name} {name}")
            rest = after
        elif found:  # else more entities than written mentions of that name: the later ones name no one more
            written_out, rest = f"{written_out}{before}{token}", after
    for written, ids in accounts.items():  # a name written again with no entity of its own, where it names one
        if len(ids) == 1:
            rest = rest.replace(written, f"<@{people[ids.pop()].user_id}>")
    return (written_out + rest).strip(), list(people.values())


async def _object_id(context: TurnContext, user_id: str) -> str | None:
    client = connector(context)
    if not isinstance(client, TeamsConnectorClient) or context.activity.conversation is None:
        return None
    try:
        member = await client.get_conversation_member(context.activity.conversation.id, user_id)
    except aiohttp.ClientError:
        # The mention still names a Teams account; the command goes on with its Teams user id.
        logger.exception("could not look up the Entra object id of a mentioned member")
        return None
    return member.aad_object_id
