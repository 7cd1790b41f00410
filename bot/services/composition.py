"""The ToR's composition rules, checked whenever a seat changes: the warnings a change earns, citing the clause."""

from __future__ import annotations

from bot.errors import NotAllowed
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


def refuse_steering_as_capacity(ctx: Context, person: str, seat_title: str, also: str) -> None:
    """Refuse `--also "steering group"` where the ToR has one (LIEG 3.1: "including other London LAs by
    invitation"): a capacity gives no power, and who sits on the steering group is the ToR file's seats."""
    steering = [seat for seat in ctx.terms.seats if seat.steering]
    if not steering or "steering" not in also.casefold():
        return
    sitting = [m.person.display_name for m in ctx.holders() if m.seat_title in {s.title for s in steering}]
    now = ", ".join(sitting[:-1]) + f" and {sitting[-1]}" if len(sitting) > 1 else "".join(sitting) or "nobody"
    raise NotAllowed(steering[0].cited("The steering group is the members whose seats the ToR file puts on it")
                     + f": now {now}. `--also` records a capacity and gives no power, so {person} would not be on "
                     f"it. To invite them, ask the operator to mark the seat {seat_title} `steering: true` in the "
                     "ToR file and import it again with `govbot group import FILE`.")
