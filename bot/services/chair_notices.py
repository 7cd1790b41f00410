"""The notices about the chair's term (CJCG 6.2: "for an initial term of 12 months"): who names the next chair."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.models import Meeting, Membership, Person
from bot.models_events import AuditEvent
from bot.rules.calendar import show, show_date
from bot.rules.chair import awaiting_election, ballot, election_prompt, naming
from bot.rules.powers import power_for, who_may
from bot.services import roll
from bot.services.chair_vacated import chair_vacated
from bot.services.context import Context
from bot.services.standing import candidates
from bot.terms import Role
from bot.terms_powers import Act


def naming_chair(ctx: Context) -> str:
    """`the chair or the secretariat names the chair with `chair @person` (ToR 6.2)`: who records the next chair."""
    power = power_for(ctx.terms, Act.NAME_CHAIR)
    return f"{who_may(power, Act.NAME_CHAIR, ctx.terms)} names the chair with `{naming(ctx.terms)}`{power.cite()}"


def successor_on(ends_on: dt.date) -> str:
    """For a chair term ending on `ends_on`: when a successor is named, since `chair @person` names them at once,
    ending the term running (CJCG 6.2, an initial term of 12 months: a successor named early cut it short)."""
    return (f"A successor takes the chair on the day they are named, so name them on "
            f"{show_date(ends_on + dt.timedelta(days=1))}, the day after this term ends.")


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


def election_opening(ctx: Context) -> str:
    """What the meeting the actor opens while the group awaits its chair's election is told (CSCPWG Governance)."""
    return election_prompt(ctx.terms, ctx.actor.display_name, candidates(ctx), chair_vacated(ctx))


def none_elected_at_close(ctx: Context, meeting: Meeting) -> tuple[str, ...]:
    """At the close of `meeting`, where the ToR has the group elect its chair and none is elected yet (CSCPWG
    Governance: "will elect a chair at its first meeting"): records so for its minutes (audit `chair.none_elected`)
    and returns that none was, citing the clause, and how the next meeting elects one. Empty otherwise."""
    if ctx.terms.chair.chosen != "elected" or not awaiting_election(ctx.terms, ctx.memberships(), ctx.today):
        return ()
    ctx.audit("chair.none_elected", meeting=meeting.id)
    coming = ctx.session.scalar(select(Meeting).where(
        Meeting.group_id == ctx.group.id, Meeting.status == "scheduled", Meeting.id != meeting.id)
        .order_by(Meeting.starts_at).limit(1))
    at = f"meeting {coming.number} ({show(coming.starts_at, ctx.terms.zone)})" if coming is not None else \
        "the next meeting (schedule it with `meeting schedule YYYY-MM-DD HH:MM`)"
    secretariat = [m.person.display_name for m in ctx.memberships() if m.role == Role.SECRETARIAT]
    who = f"the secretariat ({', '.join(secretariat)})" if secretariat else "any voting member"
    return (ctx.terms.chair.cited(f"No chair was elected at meeting {meeting.number}, though the ToR has the group "
                                  "elect its chair") + f", and the minutes say so. Hold the election at {at}: {who} "
            f"opens it and presides until then; `{ballot(candidates(ctx))}` (the candidates), close it with "
            "`poll close N` once the members have voted, then record the result with `chair @winner --poll N`.",)


def taker_away(ctx: Context, meeting: Meeting) -> tuple[str, ...]:
    """At the close of `meeting`: that the member named to take its minutes is minuted absent (or sent apologies),
    and how whoever did take them is recorded before the minutes are approved. Empty otherwise."""
    taker = ctx.session.get(Person, meeting.minute_taker_id) if meeting.minute_taker_id else None
    row = roll.row_for(ctx, meeting, taker) if taker is not None else None
    if taker is None or row is None or row.status not in ("absent", "apologies"):
        return ()
    return (f"{taker.display_name}, named to take the minutes of meeting {meeting.number}, is minuted "
            f"{'absent' if row.status == 'absent' else 'with apologies'}: if someone else took them, record who with "
            f"`meeting minute-taker @person --meeting {meeting.number}` before the minutes are approved.",)
