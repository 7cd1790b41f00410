"""The neutral Reply as Teams shows it: plain text for a sentence, an Adaptive Card for anything with structure."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from microsoft_agents.activity import Activity, ActivityTypes, Attachment, ChannelAccount, Mention

from bot.forms import DECLARE
from bot.identity import shown_name
from bot.refs import MeetingRef
from bot.replies import Button, Reply
from handlers.teams import forms
from handlers.teams.markdown import blocks, inline, needs_blocks, unlinked

CARD = "application/vnd.microsoft.card.adaptive"
SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.4"  # Action.Execute (Universal Actions) needs 1.4; older clients use each action's fallback.
VERB = "gov"
STYLES = {"primary": "positive", "danger": "destructive"}
MARKUP = re.compile(r"<[^<>]*>|[<>]")  # a tag, or half of one, in a name written into a mention's <at> tag
# Teams refuses a message over about 28 KB, card and activity together (413), and the turn failed with it: the
# card keeps within this, leaving room for the activity around it and a confirmation line under a pressed card.
CARD_BYTES = 24 * 1024
LEFT_OUT = ("{} more rows are not shown here; the record keeps them all. Ask for fewer (by meeting or person).")
CUT = "The rest is too long for one Teams message and is not shown here; the record keeps it whole."


def needs_card(reply: Reply) -> bool:
    """A card for anything with structure, and for text a plain message would garble (markdown.needs_blocks)."""
    return bool(reply.title or reply.fields or reply.buttons or reply.notices or reply.link) or needs_blocks(reply.text)


def card(reply: Reply) -> dict[str, Any]:
    """The Adaptive Card for `reply`: title, text, facts, notices, and one action per button."""
    body: list[dict[str, Any]] = []
    if reply.title:
        body.append({"type": "TextBlock", "text": unlinked(reply.title), "weight": "Bolder", "size": "Medium",
                     "wrap": True})
    body.extend(blocks(reply.text, **({"color": "Attention"} if reply.error else {})))
    if reply.fields:
        body.append({"type": "FactSet", "facts": [{"title": unlinked(label), "value": inline(value)}
                                                  for label, value in reply.fields]})
    for notice in reply.notices:
        body.extend(blocks(notice, isSubtle=True))
    on = reply.subject.key if reply.subject is not None else None
    actions = [action(button, on) for button in reply.buttons]
    if isinstance(reply.subject, MeetingRef) and reply.buttons:
        # Interests are declared at the start of each meeting: offer the form beside the actions of a meeting to
        # come or under way (a closed meeting's card has none).
        actions.append(forms.opener(DECLARE, reply.subject.key))
    if reply.link:  # the group's page, opened in the browser
        actions.append({"type": "Action.OpenUrl", "title": reply.link[0], "url": reply.link[1]})
    content: dict[str, Any] = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION, "body": body}
    if actions:
        content["actions"] = actions
    return within_a_message(content)


def size(part: object) -> int:
    return len(json.dumps(part, ensure_ascii=False).encode())


def within_a_message(content: dict[str, Any]) -> dict[str, Any]:
    """`content` as it fits a Teams message (CARD_BYTES): the facts that fit, in order, and a line saying how many
    more the record keeps; then the blocks that fit, from the top, and a line saying the rest is not shown."""
    if size(content) <= CARD_BYTES:
        return content
    body: list[dict[str, Any]] = content["body"]
    facts = next((block for block in body if block["type"] == "FactSet"), None)
    if facts is not None:
        rows, facts["facts"] = facts["facts"], []
        kept = fitting(rows, CARD_BYTES - size(content) - size(LEFT_OUT))
        facts["facts"] = rows[:kept]
        if kept < len(rows):
            body.insert(body.index(facts) + 1, note(LEFT_OUT.format(len(rows) - kept)))
    if size(content) > CARD_BYTES:  # the text itself (long minutes)
        body.append(note(CUT))
        while len(body) > 1 and size(content) > CARD_BYTES:
            body.pop(-2)
    return content


def fitting(rows: list[dict[str, Any]], room: int) -> int:
    """How many of `rows`, from the first, fit in `room` bytes of a card."""
    kept = 0
    while kept < len(rows) and (room := room - size(rows[kept]) - 1) >= 0:
        kept += 1
    return kept


def note(text: str) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, "isSubtle": True}


def action(button: Button, card: str | None = None) -> dict[str, Any]:
    """A button as Action.Execute (the presser runs `button.command`), with Action.Submit for older clients.
    `card` names the record the card shows, so the answer can refresh that card (handlers.teams.answers)."""
    data = {"command": button.payload, **({"card": card} if card else {})}
    style = {"style": STYLES[button.style]} if button.style in STYLES else {}
    return {"type": "Action.Execute", "title": button.label, "verb": VERB, "data": data, **style,
            "fallback": {"type": "Action.Submit", "title": button.label, "data": {"verb": VERB, **data}, **style}}


class Outgoing(Activity):
    """An activity govbot sends: made for one send and never read or changed by govbot after. The SDK deep-copies
    every activity it sends (TurnContext.send_activities), card and all, then sets the copy's addressing fields
    (the conversation, from, recipient, reply-to id); a copy of the fields themselves is all that needs, and the
    deep copy cost ~800 Python calls a Teams turn (7% of one)."""

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Outgoing:
        return self.model_copy()


def attachment(content: dict[str, Any]) -> Attachment:
    return Attachment(content_type=CARD, content=content)


def tag_name(name: str) -> str:
    """The name Teams gave a person, as a mention of them shows it: as the record keeps it (no control or reordering
    characters, bot/identity.py) and without markup, which would close the `<at>` tag early ("Zed</at> <at>Carol")."""
    return " ".join(MARKUP.sub(" ", shown_name(name)).split())


def message(reply: Reply, mention: ChannelAccount | None = None) -> Activity:
    """A message activity for `reply`. `mention` names the person a private answer is for, so that Teams
    notifies them of an answer it cannot hide from the rest of the channel."""
    # A refusal is marked as Slack marks it (`:warning:`), so it never reads as a confirmation; on a card the
    # refusal's text is in the warning colour instead.
    text = inline(("⚠ " if reply.error else "") + reply.text, code=True) if not needs_card(reply) else None
    entities: list[Mention] = []
    if mention is not None and (name := tag_name(mention.name or "")):
        tag = f"<at>{name}</at>"
        entities.append(Mention(text=tag, mentioned=ChannelAccount(id=mention.id, name=name)))
        text = f"{tag} {text}" if text is not None else tag
    activity = Outgoing(type=ActivityTypes.message, text=text)
    if text is not None:
        activity.text_format = "markdown"  # a command in it is code (markdown.inline)
    if needs_card(reply):
        activity.attachments = [attachment(card(reply))]
    if entities:
        activity.entities = list(entities)
    return activity


def card_activity(content: dict[str, Any], activity_id: str | None = None) -> Activity:
    """A message carrying only `content`, e.g. to replace a posted card in place."""
    return Outgoing(type=ActivityTypes.message, id=activity_id, attachments=[attachment(content)])


MOVED = "This copy is no longer updated: the meeting's card is posted again in the thread where it was last acted on."


def moved(reply: Reply) -> Reply:
    """`reply`, a meeting's card about to be posted again in another thread (Teams threads a channel), as its
    earlier copy shows it from now on: as it stands, without buttons, saying it is no longer kept up to date."""
    return dataclasses.replace(reply, buttons=(), link=None, notices=(*reply.notices, MOVED))
