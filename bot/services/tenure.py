"""Terms that end: whether a person has served a term in a seat, for ToRs that then want a new representative."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import Membership
from bot.services.context import Context


def served_a_term(ctx: Context, person_id: int, seat_title: str) -> bool:
    """Whether the person has held `seat_title` to the end of a term: the seat's term ended while they held it."""
    held = ctx.session.scalars(select(Membership).where(
        Membership.group_id == ctx.group.id, Membership.person_id == person_id,
        Membership.seat_title == seat_title, Membership.term_ends_on.is_not(None))).all()
    return any(ctx.term_ended(m) if m.ended_at is None
               else m.term_ends_on is not None and m.term_ends_on < m.ended_at.astimezone(ctx.terms.zone).date()
               for m in held)
