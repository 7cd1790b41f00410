"""What /api/messages checks once the SDK has accepted the token, before the activity reaches a listener.

The body must be an Activity as the SDK's own model reads it, from someone (an account with an id); an Adaptive
Card action must carry its action as Teams sends it. Otherwise the SDK fails on it (a 500 and a traceback) or
answers 501. With credentials, two more checks the Bot Framework's own channel validation makes and the Agents
SDK leaves out: the token names a serviceUrl, as the channel service's do (the SDK also accepts a token the
tenant's Entra ID issues to any app that asks), and it is the activity's (else a captured token could send
the bot's replies, and its Entra token, elsewhere), and the conversation belongs to the bot's tenant (the app
registration is single-tenant)."""

from __future__ import annotations

import ipaddress
import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import AgentAuthConfiguration, ClaimsIdentity
from microsoft_agents.hosting.core.authorization import AuthenticationConstants

CARD_ACTION = "adaptiveCard/action"
# The SDK's Activity model logs each validation failure at ERROR, with a traceback and the offending values (which
# may be what someone typed); the refusal here is logged instead, as one short line.
MODEL_LOGGER = "microsoft_agents.activity.activity"


def _not_a_validation_failure(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("Validation error for Activity")


logging.getLogger(MODEL_LOGGER).addFilter(_not_a_validation_failure)

# The SDK logs an activity no listener takes with its whole type and text (what someone typed, of any length).
APP_LOGGER = "microsoft_agents.hosting.core.app.agent_application"
NO_ROUTE = "No route found for activity type: "


def _without_text(record: logging.LogRecord) -> bool:
    message = record.getMessage()
    if message.startswith(NO_ROUTE):
        kind = message.removeprefix(NO_ROUTE).split(" with text: ", 1)[0]
        record.msg, record.args = "no listener takes a Teams activity of type %r", (kind[:40],)
    return True


logging.getLogger(APP_LOGGER).addFilter(_without_text)


@dataclass(frozen=True)
class Refusal:
    status: int
    error: str


NOT_AN_ACTIVITY = Refusal(400, "The body must be a Bot Framework Activity in JSON, with at least a 'type'.")
NO_SENDER = Refusal(400, "The activity must say who sent it ('from' with an 'id' of at most 200 characters).")
ODD_ID = Refusal(400, "An id in the activity (its own, the one it replies to, its sender's, recipient's, "
                      "conversation's or a member's) is longer than 200 characters or holds control characters (or, "
                      "for its own, the one it replies to and its conversation's, a slash, ? or #), as no id Teams "
                      "gives does.")
# The SDK answers an activity with a reply naming its sender and conversation as the activity named them: a name of
# 300 kB made a reply the connector refuses (413), after the command had been recorded. Teams' names are short (an
# Entra display name at most 256 characters, a channel's 50).
NAME_CHARS = 1000
LONG_NAME = Refusal(400, f"A name in the activity (its sender's, recipient's or conversation's) is longer than any "
                         f"Teams gives (at most {NAME_CHARS} characters).")
NO_RECIPIENT = Refusal(400, "The activity must say which bot it is for ('recipient' with an 'id'), as Teams does.")
ID_CHARS = 200  # the longest account id the record keeps
# A mention is written into the command as `<@id>` in place of its text (mentions.command_text): an id with other
# characters (`29:bob> --for <@29:carol`) would write more of the command than the person typed, and a mention
# text that is not an <at> tag ("1") would replace that word wherever it stands.
ACCOUNT_ID = re.compile(r"[^\s<>|\x00-\x1f\x7f]{1,200}")  # a channel's or a tag's id has an @ or = in it: still an id
# Any other id the record keeps (a sender's, a conversation's, a member added): at most as long as the record's
# column, and no control character (PostgreSQL cannot store a NUL: the turn failed with a traceback).
KEPT_ID = re.compile(r"[^\x00-\x1f\x7f]{1,200}")
# The activity's own id, the one it replies to, and its conversation's: the answer is posted to the connector at
# `v3/conversations/<conversation>/activities/<id>`, which the SDK writes without escaping either, so an id with a
# slash (`1/../../<another conversation>/activities`) named another address for it, and a longer one than any
# Teams gives failed the turn with a traceback after the command had been recorded. Teams' ids hold none of these.
OFF_PATH = re.compile(r"[/?#\\]")
MENTION_TEXT = re.compile(r"<at>[^<>]{0,200}</at>")
NOT_A_CARD_ACTION = Refusal(400, "An adaptiveCard/action invoke must carry 'value.action' with a 'verb' and "
                                 "object 'data', as Teams sends it.")
UNHANDLED_INVOKE = "govbot does not handle this invoke: only the actions on the cards it posted."
NOT_A_MENTION = Refusal(400, "A mention entity must be written <at>name</at> and name an account by its id, as "
                             "Teams sends it.")
NO_CHANNEL = Refusal(401, "The token was not issued by the Bot Framework's channel service for an activity (it names "
                          "no serviceUrl): Teams' activities come with such a token.")
WRONG_SERVICE = Refusal(401, "The activity's serviceUrl is not the one its token was issued for.")
OTHER_TENANT = Refusal(403, "This bot serves one Microsoft Entra tenant, and this conversation is in another.")
NOT_LOCAL = Refusal(401, "Without credentials (TEAMS_ANONYMOUS, for the Agents Playground) the bot answers only a "
                         "connector on this machine: the serviceUrl must be localhost, or the deliveryMode "
                         "expectReplies.")
NOT_LOCAL_PEER = Refusal(401, "Without credentials (TEAMS_ANONYMOUS, for the Agents Playground) the bot answers only "
                              "requests from this machine. Set TEAMS_APP_ID, TEAMS_APP_SECRET and TEAMS_TENANT_ID "
                              "to serve Teams.")
# The Bot Framework issues the same tokens for every channel of the bot's registration, and Web Chat's and Direct
# Line's (on by default in Azure) let the client name its sender: an activity from them could speak as any member
# whose Entra object id the sender knows. Teams names its senders itself.
TEAMS_CHANNEL = "msteams"
NOT_TEAMS = Refusal(403, "This bot answers Microsoft Teams only (channelId 'msteams'): Web Chat, Direct Line and the "
                         "other channels of its Azure registration let a sender name themselves. Speak to it in Teams.")
NO_TENANT = Refusal(403, "This bot serves one Microsoft Entra tenant: the activity must name it (conversation.tenantId "
                         "or channelData.tenant.id), as Teams does.")


def refusal(body: Any, identity: ClaimsIdentity | None, config: AgentAuthConfiguration) -> Refusal | None:
    """Why this activity is refused, or None to let it through to the listeners."""
    if not isinstance(body, dict) or not isinstance(body.get("type"), str) or not body["type"]:
        return NOT_AN_ACTIVITY
    try:
        activity = Activity.model_validate(body)
    except Exception:  # ValidationError, or the bare Exception the model raises for a channelId at odds with
        return NOT_AN_ACTIVITY  # its productInfo entity
    if activity.channel_id is None:  # every channel names itself; the SDK fails the turn on an activity without
        return NOT_AN_ACTIVITY
    sender = activity.from_property
    if sender is None or not sender.id or len(sender.id) > ID_CHARS or len(sender.aad_object_id or "") > ID_CHARS:
        return NO_SENDER
    if activity.recipient is None or not activity.recipient.id:  # the bot's own account, which answers come from
        return NO_RECIPIENT
    if not all(KEPT_ID.fullmatch(given) for given in kept_ids(activity)) or not in_the_path(activity):
        return ODD_ID
    if any(len(account.name or "") > NAME_CHARS for account in (sender, activity.recipient, activity.conversation)
           if account is not None):
        return LONG_NAME
    if not channel_named_in_text(body):
        return NOT_AN_ACTIVITY
    if activity.type == "invoke" and activity.name == CARD_ACTION and not is_card_action(activity.value):
        return NOT_A_CARD_ACTION
    if not all(is_mention(entity) for entity in body.get("entities") or [] if isinstance(entity, dict)
               and entity.get("type") == "mention"):
        return NOT_A_MENTION
    if config.ANONYMOUS_ALLOWED:  # no token says where the activity came from: answer this machine only, or in
        # the HTTP response itself (deliveryMode expectReplies: nothing is posted to the serviceUrl)
        local = on_this_machine(activity.service_url) or activity.delivery_mode == "expectReplies"
        return None if local else NOT_LOCAL
    return through_teams(body, activity, identity, config.TENANT_ID)


def through_teams(body: dict[str, Any], activity: Activity, identity: ClaimsIdentity | None,
                  tenant: str | None) -> Refusal | None:
    """With credentials: why the activity did not come through Teams' channel service, for the bot's tenant, or
    None when it did."""
    if activity.channel_id is None or activity.channel_id.channel.casefold() != TEAMS_CHANNEL:
        return NOT_TEAMS
    claimed = identity.get_claim_value(AuthenticationConstants.SERVICE_URL_CLAIM) if identity else None
    if claimed is None:  # a token Entra issued to some app of the tenant, not a channel's: its body could name
        return NO_CHANNEL  # anyone as the sender
    if str(claimed).rstrip("/") != (activity.service_url or "").rstrip("/"):
        return WRONG_SERVICE
    return tenancy(body, tenant)


def in_the_path(activity: Activity) -> bool:
    """Whether the ids the answer's address is written from stay in their place in it (OFF_PATH), the activity's
    own and the one it replies to no longer than the record keeps."""
    ids = [given for given in (activity.id, activity.reply_to_id) if given is not None]
    conversation = activity.conversation.id if activity.conversation is not None else None
    return all(KEPT_ID.fullmatch(given) for given in ids) and not any(
        OFF_PATH.search(given) for given in (*ids, conversation or ""))


def kept_ids(activity: Activity) -> list[str]:
    """The ids of the activity that the record keeps or looks up: the sender's and recipient's, the channel's (its
    conversation id without the thread), and those of members added or removed."""
    accounts = [activity.from_property, activity.recipient, *(activity.members_added or []),
                *(activity.members_removed or [])]
    found = [given for account in accounts if account is not None
             for given in (account.id, account.aad_object_id) if given is not None]
    if activity.conversation is not None and activity.conversation.id is not None:
        found.append(activity.conversation.id.split(";messageid=", 1)[0])
    return found


def tenancy(body: dict[str, Any], tenant: str | None) -> Refusal | None:
    """The conversation is in the bot's tenant and says so: an activity that names no tenant is not one Teams
    sends. (One that calls a channel, or a chat between two people, `personal` is answered as where it is:
    envelope.is_personal.)"""
    named = tenants(body)
    if tenant and not named:
        return NO_TENANT
    if tenant and any(str(given).casefold() != tenant.casefold() for given in named):  # a GUID, in either case
        return OTHER_TENANT
    return None


def channel_named_in_text(body: dict[str, Any]) -> bool:
    """Whether Teams' channel data, where it names the channel (which the record keeps), names it in text."""
    data = body.get("channelData")
    channel = data.get("channel") if isinstance(data, dict) else None
    return not isinstance(channel, dict) or isinstance(channel.get("name"), str | None)


def on_this_machine(service_url: str | None) -> bool:
    """Whether a serviceUrl is a loopback address (the Agents Playground's connector), or absent (nothing to call)."""
    if not service_url:
        return True
    try:
        host = urlsplit(service_url).hostname or ""
    except ValueError:  # a bracketed host that is not an address
        return False
    return loopback(host)


def loopback(host: str | None) -> bool:
    """Whether a host name or address (a request's peer, say) is this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


def is_card_action(value: object) -> bool:
    action = value.get("action") if isinstance(value, dict) else None
    return (isinstance(action, dict) and isinstance(action.get("verb"), str)
            and isinstance(action.get("data"), dict | None))


def is_mention(entity: dict[str, Any]) -> bool:
    """Whether a mention entity is as Teams writes one: `<at>name</at>`, naming an account, a channel or a tag by
    an id (and an Entra object id, when given) without spaces or the brackets of a written mention."""
    mentioned = entity.get("mentioned")
    if not isinstance(mentioned, dict) or not isinstance(entity.get("text"), str):
        return False
    ids = [mentioned.get("id"), *([mentioned["aadObjectId"]] if mentioned.get("aadObjectId") is not None else [])]
    return bool(MENTION_TEXT.fullmatch(entity["text"])) and all(
        isinstance(given, str) and ACCOUNT_ID.fullmatch(given) for given in ids)


def tenants(body: dict[str, Any]) -> list[object]:
    """The tenant ids the activity names: its conversation's, and Teams' channel data's."""
    conversation, data = body.get("conversation"), body.get("channelData")
    found = [conversation.get("tenantId") if isinstance(conversation, dict) else None]
    tenant = data.get("tenant") if isinstance(data, dict) else None
    found.append(tenant.get("id") if isinstance(tenant, dict) else tenant)
    return [t for t in found if t is not None]
