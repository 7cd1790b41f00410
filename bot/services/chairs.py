"""Chairs: making a member the chair, as the ToR's chair rules (bot/rules/chair.py) allow."""

from __future__ import annotations

import datetime as dt

from bot.errors import NotAllowed
from bot.models import Meeting, Membership, Person
from bot.records.chair_elected import attended
from bot.replies import Reply
from bot.rules import chair
from bot.rules.calendar import show_date
from bot.rules.powers import power_for
from bot.services import lengths
from bot.services.authority import may, require
from bot.services.context import Context
from bot.services.election import elected_in
from bot.services.lengths import kept
from bot.services.numbers import meeting_number
from bot.terms import Role
from bot.terms_powers import Act
from bot.verbs import Chair


def make_chair(ctx: Context, cmd: Chair) -> Reply:
    """Make a member the chair, for the ToR's chair term: named by whoever the ToR's powers name, or, where the
    group elects its chair, the result of the ballot `--poll N` recorded; never the secretariat or an observer."""
    rule = ctx.terms.chair
    refusal = chair.naming_refusal(ctx.terms)
    if refusal is not None:
        raise NotAllowed(refusal)
    agreed = kept((cmd.agreed or "").strip(), lengths.NOTE, "reference to the agreement") or None
    if not may(ctx, cmd.act):  # who may name one first, then whether this person may chair, then the agreement
        require(ctx, cmd.act, "name the chair")
    person = ctx.person(cmd.person)
    membership = may_chair(ctx, person)
    if (already := already_chair(ctx, membership)) is not None and cmd.poll is None:
        return already
    require(ctx, cmd.act, "name the chair", agreed=agreed)  # CJCG 6.2: "an agreed named member of the group"
    election = elected_in(ctx, cmd.poll, person) if rule.chosen == "elected" else None
    # The chair renewed before their term ends (CJCG 6.2: 12 months) serves it out, the new term following on.
    current = membership.chair_term_ends_on if membership.role == Role.CHAIR and election is None else None
    renewed = current if current is not None and current >= ctx.today else None
    refuse_renewed_already(ctx, person.display_name, renewed)
    replaced, before = [], [m.person_id for m in ctx.memberships() if m.role == Role.CHAIR]  # a renewal's own
    for other in ctx.memberships():
        if other.role == Role.CHAIR and other.id != membership.id:
            other.role = chair.role_after_chair(ctx.terms, other.seat_title)
            other.chair_term_ends_on = None
            replaced.append(other.person.display_name)
    membership.role = Role.CHAIR
    starts = renewed + dt.timedelta(days=1) if renewed is not None else ctx.today  # the day after the term ends
    membership.chair_term_ends_on = chair.chair_term_ends(ctx.terms, starts)
    until = f" until {show_date(membership.chair_term_ends_on)}" if membership.chair_term_ends_on else ""
    if election is not None:
        ctx.audit("chair.elected", person=person.id, until=membership.chair_term_ends_on, chairs_before=before,
                  meeting=election.meeting_id, poll=election.id, poll_number=election.number)
        assert election.meeting_id is not None
        rest = hand_over(ctx, election.meeting_id, person)
        number = meeting_number(ctx.session, election.meeting_id)
        return Reply(rule.cited(f"{person.display_name} is elected chair{until} at meeting {number}, by poll "
                                f"{election.number}: {election.outcome}") + "." + rest)
    ctx.audit("chair.named", person=person.id, until=membership.chair_term_ends_on, agreed=agreed, chairs_before=before,
              **({"renewed": True} if renewed is not None else {}))  # its term's end: not the clause's (CJCG 6.2)
    former = f"; {' and '.join(replaced)} no longer chair{'s' if len(replaced) == 1 else ''}" if replaced else ""
    if renewed is not None:
        said = (f"{person.display_name}'s term as chair is renewed{until}, following on from the term that ends on "
                f"{show_date(renewed)}" + renewal_length(ctx))
    elif current is not None:  # named again after their term ended (CJCG 6.2 sets only the first): a further term
        said = (f"{person.display_name} is chair again for a further term{until}, after the term that ended on "
                f"{show_date(current)}" + renewal_length(ctx))
    else:
        said = ctx.terms.chair.cited(f"{person.display_name} is now the chair{until}")
    return Reply(said + f"{former}" + (f"; agreed: {agreed}." if agreed else "."))


def renewal_length(ctx: Context) -> str:
    """How long a renewal runs, citing the clause for what it says: `; the ToR sets only an initial term of 12 months
    (ToR 6.2), so a renewal is for a further 12 months, the usual practice` (CJCG 6.2), or ` (ToR 4.1)` where the
    clause sets every term."""
    rule = ctx.terms.chair
    if not rule.initial_term_only:
        return rule.cited("")
    return "; " + rule.cited(f"the ToR sets only an initial term of {rule.term_months} months") + \
        f", so a renewal is for a further {rule.term_months} months, the usual practice"


def already_chair(ctx: Context, membership: Membership) -> Reply | None:
    """`alice is already the chair (ToR Membership); nothing has changed.`, where `membership` holds the chair and
    the ToR sets the chair no term, so naming them again would change nothing and records nothing; None otherwise
    (a vice-chair; a chair for a term, whom naming again renews: CJCG 6.2's 12 months)."""
    if membership.role != Role.CHAIR or not chair.holds_chair(ctx.terms, membership, ctx.today) or \
            membership.chair_term_ends_on is not None or chair.chair_term_ends(ctx.terms, ctx.today) is not None:
        return None
    return Reply(ctx.terms.chair.cited(f"{membership.person.display_name} is already the chair")
                 + "; nothing has changed.", private=True)


def refuse_renewed_already(ctx: Context, name: str, renewed: dt.date | None) -> None:
    """Refuse a renewal that would add a second term from one agreement. Where the ToR sets only an initial term
    (CJCG 6.2: 12 months) a renewal is recorded in the last half of the term, the usual practice, so one recorded
    twice, again to correct its agreement, or a week after the naming adds nothing; where the ToR sets every term,
    the group renews when it agrees, refused only where the term already runs a full term from today."""
    rule = ctx.terms.chair
    if renewed is None:
        return
    if not rule.initial_term_only:
        fresh = chair.chair_term_ends(ctx.terms, ctx.today)
        if fresh is not None and renewed >= fresh:
            raise NotAllowed(rule.cited(f"{name}'s term as chair already runs until {show_date(renewed)}, a full "
                                        f"term of {rule.term_months} months from today") + "; nothing is changed.")
        return
    earliest = chair.renewal_from(ctx.terms, renewed)
    if earliest is None or earliest <= ctx.today:
        return
    raise NotAllowed(f"{name}'s term as chair runs until {show_date(renewed)}; nothing is changed. A renewal follows "
                     "on from the end of the term, so it is recorded in the last half of the term, from "
                     f"{show_date(earliest)}, the usual practice, so that one agreement adds one term; "
                     + rule.cited(f"the ToR sets only an initial term of {rule.term_months} months") + ".")


def require_chair_agreed(ctx: Context, seat_title: str, role: Role, name: str, agreed: str | None) -> None:
    """Return unless seating `name` as chair names the chair where the ToR has it named with a body's agreement
    (CJCG 6.2, "an agreed named member of the group") and none is recorded: then raise NotAllowed as `chair @p`
    would, saying that seating them in the chair's seat names the chair."""
    needs = power_for(ctx.terms, Act.NAME_CHAIR).agreement
    if role != Role.CHAIR or needs is None or needs.body is None:
        return
    try:
        require(ctx, Act.NAME_CHAIR, "name the chair", agreed=agreed)
    except NotAllowed as refused:
        raise NotAllowed(f"{seat_title} is the chair's seat, so seating {name} in it names the chair. "
                         f"{refused.message}") from None


def may_chair(ctx: Context, person: Person) -> Membership:
    """`person`'s membership, when they may hold the chair: a member in term (not the secretariat or an
    observer), voting where the chair is elected, in the chair's seat where the ToR names one. Else NotAllowed."""
    membership = ctx.membership(person)
    seat = ctx.terms.chair.seat
    holder = next((m.person.display_name for m in ctx.memberships() if seat and m.seat_title.casefold() ==
                   seat.casefold() and m.person_id != person.id), None)
    refusal = chair.chair_refusal(ctx.terms, membership, ctx.today, name=person.display_name, holder=holder)
    if refusal is not None:
        raise NotAllowed(refusal)
    assert membership is not None
    return membership


def hand_over(ctx: Context, meeting_id: int, elected: Person) -> str:
    """Whoever presided over the meeting until it elected `elected` (the secretariat) no longer chairs it: the
    elected chair runs the rest of it and approves its minutes. Returns the sentence saying so, if it is open."""
    held = ctx.session.get(Meeting, meeting_id)
    if held is None or held.chair_id == elected.id:
        return ""
    if held.status == "open" and not attended(ctx.session, held.id, elected.id):
        presiding = ctx.session.get(Person, held.chair_id) if held.chair_id is not None else ctx.actor
        who = presiding.display_name if presiding is not None else ctx.actor.display_name
        return (f" {elected.display_name} is not present, so {who} goes on running meeting {held.number}; "
                f"{elected.display_name} chairs the meetings after it.")
    held.chair_id = None  # the meeting names no chair of its own: the group's chair, just elected, chairs it
    return f" {elected.display_name} chairs the rest of the meeting." if held.status == "open" else ""
