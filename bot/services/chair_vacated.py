"""Whether the group's chair left it: a group that elects its chair and has none may never have elected one, or have
lost the one it elected (CSCPWG Governance), and the two are told differently."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.models import Membership, Person
from bot.rules.calendar import show_date
from bot.rules.chair import holds_chair
from bot.services.context import Context
from bot.terms import Role

# Who holds the chair's seat: the chair, or the co-chairs together (LIEG 3.1). A vice-chair stands in for the chair
# and holds no seat of theirs: one leaving leaves the chair as it was.
SEAT_ROLES = (str(Role.CHAIR), str(Role.CO_CHAIR))


def chair_vacated(ctx: Context) -> str | None:
    """`alice, the chair, left the group on 1 Feb 2023`, or `alice's term as chair ended on 9 Feb 2023`: how the
    last to hold the chair's seat gave it up (left the group, their seat's term or their term as chair ran out);
    None where no one ever did (the group has yet to elect its first chair), or someone holds it still (a co-chair
    left beside another in office)."""
    if any(m.role in SEAT_ROLES and holds_chair(ctx.terms, m, ctx.today) for m in ctx.memberships()):
        return None
    rows = ctx.session.execute(select(Membership, Person.display_name).join(Person, Person.id == Membership.person_id)
                               .where(Membership.group_id == ctx.group.id, Membership.role.in_(SEAT_ROLES)))
    gone = [given for held, who in rows if (given := given_up(ctx, held, who)) is not None]
    return max(gone)[1] if gone else None


def given_up(ctx: Context, held: Membership, who: str) -> tuple[dt.date, str] | None:
    """When and how `held`, a chair's or co-chair's, stopped holding the chair, the earliest of: leaving the group,
    their seat's term ending, their term as chair ending; None while they hold it."""
    role = held.role.replace("_", "-")
    ends: list[tuple[dt.date, str]] = []
    if held.ended_at is not None:
        left = held.ended_at.astimezone(ctx.terms.zone).date()
        ends.append((left, f"{who}, the {role}, left the group on {show_date(left)}"))
    if held.term_ends_on is not None and held.term_ends_on < ctx.today:
        ends.append((held.term_ends_on, f"{who}'s term in {held.seat_title} ended on {show_date(held.term_ends_on)}"))
    if held.chair_term_ends_on is not None and held.chair_term_ends_on < ctx.today:
        ends.append((held.chair_term_ends_on, f"{who}'s term as {role} ended on {show_date(held.chair_term_ends_on)}"))
    return min(ends) if ends else None
