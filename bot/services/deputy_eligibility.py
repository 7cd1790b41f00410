"""Who may send a deputy, and who may be one, as the ToR says: a list in the ToR file or a group the bot holds,
never the nominator's word alone (LGA working group: substitutes are members of the Board; CJCG 7.2)."""

from __future__ import annotations

from sqlalchemy import select

from bot.errors import NotAllowed
from bot.models import Group, Identity, Membership, Person
from bot.services.authority import NOT_MEMBERS
from bot.services.context import Context
from bot.services.standing import is_voting
from bot.terms import DeputyRule, Role


def require_entitled(ctx: Context, seat_held: Membership) -> None:
    """Refuse a deputy for a seat the ToR does not let send one: the secretariat's or an observer's unless
    `deputies.for_seats` lists it (they are not members), a seat outside `deputies.for_seats`, or, where the ToR
    names none, a seat without a vote (co-opted attendees) or out of term."""
    rule = ctx.terms.deputies
    entitled = {t.casefold() for t in rule.for_seats or []}
    if seat_held.role in NOT_MEMBERS and seat_held.seat_title.casefold() not in entitled:
        raise NotAllowed(rule.cited(f"{seat_held.person.display_name} attends as {seat_held.role}, not as a "
                                    "member; the secretariat and observers are not members and have no deputies")
                         + ".")
    if rule.for_seats is not None:
        if seat_held.seat_title.casefold() not in entitled:
            raise NotAllowed(rule.cited(f"Under the ToR only {', '.join(rule.for_seats)} name deputies") + ".")
        return
    if not is_voting(ctx, seat_held) or seat_held.role in (Role.SECRETARIAT, Role.OBSERVER):
        raise NotAllowed(rule.cited(f"A deputy attends in place of a voting member, and {seat_held.seat_title} is "
                                    f"not a voting member's seat now") + "; only voting members name deputies.")


def listed_for(rule: DeputyRule, seat_title: str) -> list[str] | None:
    """The people the ToR file lists as eligible to deputise for `seat_title`; None when it lists nobody."""
    if isinstance(rule.eligible, dict):
        return next((names for title, names in rule.eligible.items() if title.casefold() == seat_title.casefold()),
                    [])
    return rule.eligible


def is_listed(ctx: Context, person: Person, names: list[str]) -> bool:
    """Whether one of `names` (a handle, or `platform:user-id` as for seat holders) is one of the person's
    accounts."""
    accounts: set[str] = set()
    for identity in ctx.session.scalars(select(Identity).where(Identity.person_id == person.id)):
        accounts |= {identity.handle.casefold(), f"{identity.platform}:{identity.external_id}".casefold()}
    return any(name.casefold().removeprefix("console:").lstrip("@") in accounts
               or name.casefold() in accounts for name in names)


def require_eligible(ctx: Context, deputy: Person, seat_title: str) -> None:
    """Refuse `deputy` unless the ToR makes them eligible to deputise for `seat_title`: a member of the group it
    names (`must_belong_to`, when the bot holds it) or listed in the ToR file (`eligible`). Where the ToR names a
    body the bot does not hold and lists nobody, no one is eligible until the ToR file lists them."""
    rule = ctx.terms.deputies
    body, listed = rule.must_belong_to, listed_for(rule, seat_title)
    other = ctx.session.scalar(select(Group).where(Group.short_name == body.casefold())) if body else None
    if other is not None and ctx.session.scalar(select(Membership.id).where(
            Membership.group_id == other.id, Membership.person_id == deputy.id, Membership.ended_at.is_(None))):
        return
    if listed is not None and is_listed(ctx, deputy, listed):
        return
    if listed is None and other is None and not body:
        return  # the ToR sets no eligibility beyond holding no seat here
    who = f"a member of {other.name if other else body}" if body else "one of the people the ToR file lists"
    whose = f" for {seat_title}" if isinstance(rule.eligible, dict) else ""
    names = f" Those listed{whose}: {', '.join(listed)}." if listed else ""
    raise NotAllowed(rule.cited(f"A deputy must be {who}, and {deputy.display_name} is not recorded as one") +
                     f".{names} If they should be, ask the operator to add them to `deputies.eligible` in the ToR "
                     "file and import it again with `govbot group import FILE`.")
