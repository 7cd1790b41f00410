"""Terms that end: whether a person has just served a term in a seat, for ToRs that then want a new representative."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import Membership
from bot.services.context import Context
from bot.services.standing import term_ended


def served_a_term(ctx: Context, person_id: int, seat_title: str) -> bool:
    """Whether the person is the seat's latest holder and held it to the end of their term: the term ended while
    they held it (lapsed in place, or removed after it ended). A successor's term in between makes them new."""
    latest = ctx.session.scalar(select(Membership).where(
        Membership.group_id == ctx.group.id, Membership.seat_title == seat_title).order_by(Membership.id.desc())
        .limit(1))
    if latest is None or latest.person_id != person_id or latest.term_ends_on is None:
        return False
    if latest.ended_at is None:
        return term_ended(ctx, latest)
    return latest.term_ends_on < latest.ended_at.astimezone(ctx.terms.zone).date()
