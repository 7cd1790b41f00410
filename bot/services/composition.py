"""The ToR's composition rules, checked whenever a seat changes: the warnings a change earns, citing the clause."""

from __future__ import annotations

from bot.rules.composition import Breach, Holding, breaches, touched
from bot.services.context import Context


def holdings(ctx: Context) -> list[Holding]:
    """The seats held now, each with the capacity its holder is recorded as also having."""
    return [Holding(m.seat_title, m.also) for m in ctx.memberships()]


def warnings_after(ctx: Context, seat_title: str, before: list[Breach]) -> tuple[str, ...]:
    """The composition warnings for a change to `seat_title`: rules it broke, and broken rules it bore on without
    mending. `before` is `breaches` as they stood before the change."""
    earlier = {(id(b.rule), b.organisation) for b in before}  # the rules of this one ToR, by identity
    after = breaches(ctx.terms, holdings(ctx))
    due = [b for b in after if (id(b.rule), b.organisation) not in earlier or touched(ctx.terms, b, seat_title)]
    return tuple(f"Composition: {b.text}." for b in due)


def standing_breaches(ctx: Context) -> tuple[str, ...]:
    """Every composition rule the membership breaks now, for `members`."""
    return tuple(f"Composition: {b.text}." for b in breaches(ctx.terms, holdings(ctx)))
