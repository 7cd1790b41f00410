"""Words a command keeps in the record (a motion, a question, an interest, an action, a minute) with each person
picked from Slack's or Teams' @ menu written as their name: the platform sends the mention's markup (`<@UBOB|bob>`,
`<@aad-bob>`), which a card's heading, a button, the minutes and the group's page would otherwise show as it is."""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

from bot.commands import Command
from bot.services.context import Context
from bot.services.speakers import PERSON_BY_ID
from bot.typed_words import ACCOUNT_ID

MARKUP = re.compile(rf"<@({ACCOUNT_ID})(?:\|([^<>|]{{0,200}}))?>")
# The fields whose words are kept as they were written; a person a command acts on has a field of its own, and the
# words of `apologies` and `vote` may name one (`apologies for @dan`, `vote 1 @alice`), read there.
WRITTEN = ("text", "question", "description", "title", "note", "where", "agreed", "also", "from_")
C = TypeVar("C", bound=Command)


def names_written(ctx: Context, command: C) -> C:
    """`command` with each mention of a person the record knows in its written words replaced by their name: the
    name the record shows them by, or the one the mention carries where the record knows only their account. Any
    other is kept as written (Slack sends a typed `<@U1>` as the mention it looks like)."""
    changed: dict[str, str | tuple[str, ...]] = {}
    for name in WRITTEN:
        value = getattr(command, name, None)
        if isinstance(value, str) and "<@" in value:
            changed[name] = named(ctx, value)
        elif isinstance(value, tuple) and any(isinstance(word, str) and "<@" in word for word in value):
            changed[name] = tuple(named(ctx, word) for word in value)
    return dataclasses.replace(command, **changed) if changed else command


def named(ctx: Context, text: str) -> str:
    def name(match: re.Match[str]) -> str:
        account, carried = match.group(1), (match.group(2) or "").strip()
        found = ctx.session.execute(PERSON_BY_ID, {"platform": ctx.platform, "external_id": account}).first()
        if found is None:  # nobody the record knows: kept as written, as any other text is
            return match.group()
        known: str = found[0].display_name
        if known != account:
            return known
        return carried or match.group()  # known by account alone: Slack shows the mention as their name

    return MARKUP.sub(name, text)
