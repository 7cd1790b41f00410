"""A seat holder's standing today, from the record: whether their term is over, whether they are a member and
whether they vote. The rules decide (bot/rules/tenure.py, bot/rules/voting.py); this reads the facts for them."""

from __future__ import annotations

from bot.models import Membership
from bot.rules import tenure, voting
from bot.services.context import Context


def term_ended(ctx: Context, membership: Membership | None) -> bool:
    """Whether the membership's term ended before today in the group's zone (its last day is still in term)."""
    return tenure.term_over(membership, ctx.today)


def is_member(ctx: Context, membership: Membership | None) -> bool:
    """A member of the group in term: the secretariat and observers attend, but are not members."""
    return tenure.is_member(membership, ctx.today)


def is_voting(ctx: Context, membership: Membership | None) -> bool:
    """A voting seat, held as a member, within its term (bot.rules.voting.is_voting)."""
    return voting.is_voting(ctx.terms, membership, ctx.today)


def voting_members(ctx: Context) -> list[Membership]:
    """The group's voting members in office today, present or not."""
    return [m for m in ctx.memberships() if voting.is_voting(ctx.terms, m, ctx.today)]


def candidates(ctx: Context) -> list[str]:
    """The names of the voting members in office, whom a ballot for the chair lists (`rules.chair.ballot`)."""
    return [m.person.display_name for m in voting_members(ctx)]


def voting_ids(ctx: Context) -> set[int]:
    """The person ids of the group's voting members in office today."""
    return {m.person_id for m in voting_members(ctx)}
