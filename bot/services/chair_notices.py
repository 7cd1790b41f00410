"""The notices about the chair's term (CJCG 6.2: "for an initial term of 12 months"): who names the next chair."""

from __future__ import annotations

import datetime as dt

from bot.rules.calendar import show_date
from bot.rules.chair import naming
from bot.rules.powers import power_for, who_may
from bot.services.context import Context
from bot.terms import Role
from bot.terms_powers import Act


def naming_chair(ctx: Context) -> str:
    """`the chair or the secretariat names the chair with `chair @person` (ToR 6.2)`: who records the next chair."""
    power = power_for(ctx.terms, Act.NAME_CHAIR)
    return f"{who_may(power, Act.NAME_CHAIR)} names the chair with `{naming(ctx.terms)}`{power.cite()}"


def chair_vacant(ctx: Context, holder: str, ends_on: dt.date) -> str:
    """To the channel on the last day of the chair's term: from tomorrow no one chairs until a chair is named."""
    text = ctx.terms.chair.cited(f"{holder}'s term as chair of {ctx.terms.name} ends today, {show_date(ends_on)}")
    return f"{text}: from tomorrow {holder} no longer opens or chairs its meetings, until named again; " \
        f"{naming_chair(ctx)}."


def namers(ctx: Context) -> tuple[int, ...]:
    """Besides the chair, who is told the chair's term is ending: the secretariat, which records the next chair
    (CJCG 6.2; README "Powers": the chair or the secretariat by default)."""
    return tuple(m.person_id for m in ctx.memberships() if m.role == Role.SECRETARIAT)
