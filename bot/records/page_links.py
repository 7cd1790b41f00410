"""Personal links to a group's page: signed (HMAC, by itsdangerous) for one person and one group, until a time.

The link carries the group, the person and when it expires; the signature makes any change to them show. It grants
nothing by itself: whoever opens it must still be a member of the group when they do (see `reader`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import Group, Membership
from bot.records.holdings import held_on
from bot.rules.page_access import Visibility, visibility
from bot.terms import SHORT_NAME
from bot.terms_stored import group_terms

SALT = "govbot.group-page"


@dataclass(frozen=True)
class Pass:
    """What a valid link says: this person may read this group's page until then."""

    short_name: str
    person_id: int
    expires: dt.datetime


def signer(secret: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret, salt=SALT)


def issue(secret: str, short_name: str, person_id: int, expires: dt.datetime) -> str:
    """A token for `person_id` to read the page of `short_name` until `expires`."""
    return str(signer(secret).dumps({"g": short_name, "p": person_id, "e": int(expires.timestamp())}))


def read(secret: str, token: str, now: dt.datetime) -> Pass | None:
    """The pass a token carries, if its signature is good and it has not expired; None for anything else."""
    try:
        data = signer(secret).loads(token)
        found = Pass(str(data["g"]), int(data["p"]), dt.datetime.fromtimestamp(int(data["e"]), dt.UTC))
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    return found if found.expires > now else None


CALENDAR_SALT = "govbot.calendar"


def calendar_token(secret: str, short_name: str, person_id: int) -> str:
    """The token of `person_id`'s own address of the calendar of `short_name`, as their page shows it. It carries
    no expiry (a calendar app keeps the address for good) and reads the feed only while they are a member
    (`calendar_reader`): the group's own token, which the page showed, kept working for a member who had left."""
    return str(URLSafeSerializer(secret, salt=CALENDAR_SALT).dumps({"g": short_name, "p": person_id}))


def calendar_reader(session: Session, group: Group, secret: str, token: str, now: dt.datetime) -> int | None:
    """The member whose calendar token `token` is for `group`, or None (a bad token, another group's, or one who
    has left)."""
    try:
        data = URLSafeSerializer(secret, salt=CALENDAR_SALT).loads(token)
        named, person_id = str(data["g"]), int(data["p"])
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    return person_id if named == group.short_name and is_member(session, group, person_id, today(group, now)) \
        else None


def today(group: Group, now: dt.datetime) -> dt.date:
    """The group's day at `now`, in its ToR's time zone."""
    return now.astimezone(group_terms(group).zone).date()


def is_member(session: Session, group: Group, person_id: int, on: dt.date) -> bool:
    """The person holds a seat of the group on the day `on` (a member, chair, secretariat or observer): leaving ends
    access, and a successor seated ahead has none before their first day nor the one they succeed from it."""
    return session.scalar(select(Membership.id).where(Membership.group_id == group.id,
                                                      Membership.person_id == person_id,
                                                      held_on(on)).limit(1)) is not None


def reader(session: Session, group: Group, secret: str | None, token: str, now: dt.datetime) -> int | None:
    """The person a token lets read `group`'s page now, or None: bad or expired token, another group's, or a
    person who has left the group."""
    found = read(secret, token, now) if secret and token else None
    if found is None or found.short_name != group.short_name or not is_member(session, group, found.person_id,
                                                                                     today(group, now)):
        return None
    return found.person_id


@dataclass(frozen=True)
class Admission:
    """The answer to "may this request see this group's page?": the group and reader when it may; else whether
    to say the page exists (a members' page asks for a link) or not (unknown and confidential groups alike)."""

    group: Group | None
    reader_id: int | None = None
    exists: bool = False


def admit(session: Session, short_name: str, token: str, secret: str | None, now: dt.datetime) -> Admission:
    """Whether the holder of `token` (or anyone, for a public page) may see the page of `short_name` now."""
    group = session.scalar(select(Group).where(Group.short_name == short_name)) \
        if SHORT_NAME.fullmatch(short_name) else None
    if group is None:
        return Admission(None)
    seen = visibility(group_terms(group))
    person_id = reader(session, group, secret, token, now)
    if seen == Visibility.PUBLIC or person_id is not None:
        return Admission(group, person_id, exists=True)
    return Admission(None, exists=seen == Visibility.MEMBERS)
