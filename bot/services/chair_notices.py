"""The notices about the chair's term (CJCG 6.2: "for an initial term of 12 months"): who names the next chair."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.models import Membership
from bot.models_events import AuditEvent
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


def chair_vacant(ctx: Context, membership: Membership, ends_on: dt.date) -> str:
    """To the channel on the last day of the chair's term: from tomorrow no one chairs until a chair is named."""
    holder = membership.person.display_name
    text = chair_term_cited(ctx, membership, f"{holder}'s term as chair of {ctx.terms.name} ends today, "
                            f"{show_date(ends_on)}")
    return f"{text}: from tomorrow {holder} no longer opens or chairs its meetings, until named again; " \
        f"{naming_chair(ctx)}."


def namers(ctx: Context) -> tuple[int, ...]:
    """Besides the chair, who is told the chair's term is ending: the secretariat, which records the next chair
    (CJCG 6.2; README "Powers": the chair or the secretariat by default)."""
    return tuple(m.person_id for m in ctx.memberships() if m.role == Role.SECRETARIAT)


def chair_term_cited(ctx: Context, membership: Membership, text: str) -> str:
    """`text` about the end of `membership`'s chair term, citing the clause that sets it: where the ToR sets only an
    initial term (CJCG 6.2) and this one is a renewal, its length is the usual practice."""
    rule = ctx.terms.chair
    if not rule.initial_term_only or not renewed(ctx, membership.person_id):
        return rule.cited(text)
    initial = f"the ToR sets only an initial term of {rule.term_months} months"
    return (f"{text}, a renewal for a further {rule.term_months} months, the usual practice "
            f"({initial}{', ' + rule.cite()[1:-1] if rule.cite() else ''})")


def renewed(ctx: Context, person_id: int) -> bool:
    """Whether the chair term `person_id` serves now was recorded as a renewal (its latest naming says so)."""
    namings = ctx.session.scalars(select(AuditEvent.detail).where(
        AuditEvent.group_id == ctx.group.id, AuditEvent.action == "chair.named").order_by(AuditEvent.id.desc()))
    latest = next((d for d in namings if d.get("person") == person_id), None)
    return bool(latest and latest.get("renewed"))
