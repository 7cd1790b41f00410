"""A bare `@handle` typed on Slack or Teams: the name a person's account had when the bot first heard of it, which
any stranger in the workspace (or in another workspace the bot serves) may also bear. So a typed handle is read
first among the group's own people, and where that leaves only a stranger while one of the group bears a name like
it, or several people, nobody is guessed at: the platform's own mention names the account."""

from __future__ import annotations

import re

from sqlalchemy import BindParameter, ScalarSelect, bindparam, select, union
from sqlalchemy.orm import Session

from bot.errors import NotFound
from bot.models import Attendance, DeputyNomination, Identity, Meeting, Membership, Person

# How a person is mentioned so the platform sends their account, not a name anyone may bear.
MENTION = {"slack": "Pick {} from Slack's @ menu as you type",
           "teams": "@mention {}, choosing from the names Teams offers"}
WORD = re.compile(r"[^\w]+")


def group_people() -> ScalarSelect[int]:
    """The ids of the group `:group_id`'s own people: its seat holders, the deputies named for it, and those
    recorded at its meetings (deputies and guests)."""
    group_id: BindParameter[int] = bindparam("group_id")
    return union(
        select(Membership.person_id).where(Membership.group_id == group_id, Membership.ended_at.is_(None)),
        select(DeputyNomination.deputy_id).where(DeputyNomination.group_id == group_id,
                                                 DeputyNomination.revoked_at.is_(None)),
        select(Attendance.member_id).join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Meeting.group_id == group_id),
        select(Attendance.deputy_id).join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Meeting.group_id == group_id, Attendance.deputy_id.is_not(None)),
    ).scalar_subquery()


# Built once, with bound parameters: a typed name is read at every command naming someone, and building these (a
# union of four) cost more than running them.
PEOPLE_OF_GROUP = select(Person).where(Person.id.in_(group_people()))
HANDLE_ON = select(Identity).where(Identity.platform == bindparam("platform"), Identity.handle == bindparam("typed"))
CONSOLE_ACCOUNT = select(Identity.id).where(Identity.platform == "console", (Identity.external_id == bindparam("name"))
                                            | (Identity.handle == bindparam("typed"))).limit(1)


def words(name: str) -> list[str]:
    return [w for w in WORD.split(name.casefold()) if w]


def alike(typed: str, name: str) -> bool:
    """Whether a typed handle could be meant for someone of this name: the whole name or one of its words, or a
    name written as one word (`@bobjones`, `@bob.jones`)."""
    parts = words(name)
    return typed in parts or typed == "".join(parts) or (len(typed) >= 3 and "".join(parts).startswith(typed))


def by_handle(session: Session, platform: str, handle: str, group_id: int | None) -> Person:
    """The person a typed `@handle` names on `platform`, read first among the group's own people.
    Raises NotFound saying how to mention the person instead."""
    typed = handle.casefold()
    mention = MENTION.get(platform, "Mention {} with the platform's @-picker")
    found = {i.person_id: i.person for i in session.scalars(HANDLE_ON, {"platform": platform, "typed": typed})}
    ours: dict[int, Person] = {}
    if group_id is not None:
        ours = {p.id: p for p in session.scalars(PEOPLE_OF_GROUP, {"group_id": group_id})}
    # a name of one word, or the whole name in quotes (`@"Bob Jones"`, as govbot suggests it)
    named = [p for p in ours.values() if p.id in found or words(p.display_name) == [typed]
             or p.display_name.casefold() == typed]
    if len(named) == 1:
        return named[0]
    if len(named) > 1 or len(found) > 1:
        raise NotFound(f"More than one person is called @{handle}, so I won't guess. "
                       f"{mention.format('the one you mean')}.")
    if not found:
        raise NotFound(f"I don't know @{handle} here. {mention.format('them')}, so I get their account, or ask "
                       "them to say `help` to me once.")
    like = sorted(p.display_name for p in ours.values() if alike(typed, p.display_name))
    if like:
        raise NotFound(f"@{handle} is not the account of {' or '.join(like)} of this group, so I won't guess whom "
                       f"you mean. {mention.format('them')}.")
    return next(iter(found.values()))


def console_named(session: Session, name: str, group_id: int) -> Person | None:
    """On the console, where a typed name is an account: the one person of the group whose name is `name`, where
    no account has that name (a seat holder the ToR file names `Bob Jones`, seated by the account `bob`, is
    `@"Bob Jones"` too); None otherwise, and the name is the account's."""
    typed = name.casefold()
    if session.scalar(CONSOLE_ACCOUNT, {"name": name, "typed": typed}) is not None:
        return None
    ours = list(session.scalars(PEOPLE_OF_GROUP, {"group_id": group_id}))
    named = [p for p in ours if p.display_name.casefold() == typed]
    return named[0] if len(named) == 1 else None
