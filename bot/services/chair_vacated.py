"""Whether the group's elected chair left it: a group that elects its chair and has none may never have elected one,
or have lost the one it elected (CSCPWG Governance), and the two are told differently."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import Membership, Person
from bot.rules.calendar import show_date
from bot.services.context import Context
from bot.terms import CHAIR_ROLES


def chair_vacated(ctx: Context) -> str | None:
    """`alice, the chair, left the group on 1 Feb 2023`: the last chair to leave their seat; None where no chair
    ever did (the group has yet to elect its first)."""
    found = ctx.session.execute(
        select(Person.display_name, Membership.ended_at).join(Person, Person.id == Membership.person_id)
        .where(Membership.group_id == ctx.group.id, Membership.role.in_([str(r) for r in CHAIR_ROLES]),
               Membership.ended_at.is_not(None))
        .order_by(Membership.ended_at.desc()).limit(1)).first()
    if found is None or found.ended_at is None:
        return None
    left_on = found.ended_at.astimezone(ctx.terms.zone).date()
    return f"{found.display_name}, the chair, left the group on {show_date(left_on)}"
