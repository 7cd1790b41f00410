"""Who holds a seat on a day, as the record reads it wherever it asks who is a member: not one seated ahead of the
day they take the seat up (`member add ... --from`, PLPCP Membership's successor chosen before a term ends), nor,
from that day, the holder whose term ended before it, whose holding is never ended by a command."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session, aliased

from bot.models import Group, Membership
from bot.terms_stored import group_terms

LATER = aliased(Membership)


def held_on(today: dt.date | Any) -> ColumnElement[bool]:
    """Membership rows held on `today` (a date, or a bound parameter for one): not ended, begun by then, and not
    followed by a successor whose term has begun after theirs ended."""
    succeeded = exists().where(LATER.group_id == Membership.group_id, LATER.seat_title == Membership.seat_title,
                               LATER.id != Membership.id, LATER.ended_at.is_(None), LATER.term_starts_on <= today,
                               Membership.term_ends_on.is_not(None), LATER.term_starts_on > Membership.term_ends_on)
    return Membership.ended_at.is_(None) & (Membership.term_starts_on <= today) & ~succeeded


def held_now(session: Session, person_id: int | None, now: dt.datetime, group_id: int | None = None) \
        -> list[Membership]:
    """`person_id`'s seats held at `now`, each on its group's own day (a 1:1 chat with govbot, the dashboard, a
    confidential group's choices): of one group where `group_id` is given."""
    if person_id is None:
        return []
    rows = session.execute(select(Membership, Group).join(Group, Group.id == Membership.group_id)
                           .where(Membership.person_id == person_id, Membership.ended_at.is_(None),
                                  *([Membership.group_id == group_id] if group_id else [])).order_by(Membership.id))
    return [m for m, group in rows if session.scalar(select(Membership.id).where(
        Membership.id == m.id, held_on(now.astimezone(group_terms(group).zone).date()))) is not None]
