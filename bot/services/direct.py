"""Commands in a direct chat with the bot (a Teams 1:1 chat), where no group is bound: they are about the
person's own groups. A list (`members`, `meetings`, `polls`) answers for each of them; any other command acts
on the person's only group, or asks which one (`--group <short-name>`)."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import NotAllowed, NotFound, UsageError
from bot.models import Group, Membership, Person
from bot.records.holdings import held_now
from bot.replies import Reply
from bot.rules.calendar import show_date
from bot.services import groups
from bot.terms_stored import group_terms
from bot.typed_words import APOSTROPHE, KEPT_APOSTROPHE, SMART_QUOTES

GROUP_OPTION = re.compile(r"(?:^|\s)--group(?:=|\s+)([A-Za-z0-9_.\-]+)", re.IGNORECASE)
LISTS = frozenset({"members", "meetings", "polls"})


def named_group(text: str) -> tuple[str, str | None]:
    """The typed text without its `--group <short-name>`, and that short name (None when not given). An option only:
    `--group` inside quoted text (`action "Write to the --group cjcg leads"`) is part of that text, and was taken out
    of it without a word."""
    match = next((m for m in GROUP_OPTION.finditer(text) if unquoted(text, m.start())), None)
    if match is None:
        return text, None
    return (text[:match.start()] + text[match.end():]).strip(), match.group(1).casefold()


def unquoted(text: str, at: int) -> bool:
    """Whether position `at` of a typed command is outside quoted text, as the command's words are read
    (bot.typed_words.tokenize: smart quotes as plain ones, an apostrophe within a word opening none, and single
    quotes as quotes only where they all close)."""
    source = APOSTROPHE.sub(KEPT_APOSTROPHE, text.translate(SMART_QUOTES))
    quotes = "\"'" if open_quote(source, "\"'", len(source)) is None else '"'
    return open_quote(source, quotes, at) is None


def open_quote(source: str, quotes: str, at: int) -> str | None:
    """The quote still open at position `at` of `source`, or None."""
    open_: str | None = None
    for character in source[:at]:
        if open_ is None and character in quotes:
            open_ = character
        elif character == open_:
            open_ = None
    return open_


def own_groups(session: Session, person: Person, now: dt.datetime) -> list[Group]:
    """The groups in which `person` holds a seat now: not one they take up on a day still to come, nor one they
    were succeeded in (bot/records/holdings.py)."""
    ids = {m.group_id for m in held_now(session, person.id, now)}
    return list(session.scalars(select(Group).where(Group.id.in_(ids)).order_by(Group.short_name))) if ids else []


def taking_up(session: Session, person: Person, now: dt.datetime) -> str:
    """` You take up DCS North London of Pan-London ... on 15 Jan 2027.`, for a seat `person` is recorded to take up
    on a day still to come (`member add ... --from`); empty where none is."""
    later = [(m, group) for m, group in session.execute(
        select(Membership, Group).join(Group, Group.id == Membership.group_id).where(
            Membership.person_id == person.id, Membership.ended_at.is_(None)).order_by(Membership.term_starts_on))
             if m.term_starts_on > now.astimezone(group_terms(group).zone).date()]  # each on its group's own day
    return "" if not later else \
        f" You take up {later[0][0].seat_title} of {later[0][1].name} on {show_date(later[0][0].term_starts_on)}."


def groups_meant(session: Session, person: Person, verb: str, named: str | None, now: dt.datetime) -> list[Group]:
    """The groups a command typed in a direct chat is about. Raises NotFound asking which group when that is not
    clear, and NotAllowed for a group in which the person holds no seat."""
    mine = own_groups(session, person, now)
    if named is not None:
        group = groups.group_named(session, named, seen_by=person.id)
        if group.id not in {g.id for g in mine}:
            raise NotAllowed(f"You hold no seat in {group.name}, so govbot answers for it only in its own channel.")
        return [group]
    if not mine:
        raise NotFound("You hold no seat in a group govbot keeps, so there is nothing to answer for here." +
                       taking_up(session, person, now) + " Ask in your group's channel.")
    if len(mine) == 1 or verb in LISTS:
        return mine
    names = ", ".join(g.short_name for g in mine)
    raise NotFound(f"Which group? You sit on {names}. Say it again with `--group <short-name>`, e.g. "
                   f"`{verb} --group {mine[0].short_name}`.")


def check_named(group: Group, named: str | None) -> None:
    """In a group's own channel `--group` may only name that group."""
    if named is not None and named != group.short_name.casefold():
        raise UsageError(f"This channel is the channel of {group.name} ({group.short_name}); `--group` chooses a "
                         "group only in a direct chat with govbot.")


def combined(chosen: list[Group], replies: list[Reply]) -> Reply:
    """One answer for several groups: each group's answer under its name, its fields as a list."""
    if len(replies) == 1:
        return replies[0]
    lines: list[str] = []
    for group, reply in zip(chosen, replies, strict=True):
        lines.append(f"{reply.title or group.name}: {reply.text}")
        lines.extend(f"- {label}: {value}" for label, value in reply.fields)
    return Reply("\n".join(lines), private=True)
