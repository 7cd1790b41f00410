"""Chairs: making a member the chair, and who may chair under the ToR."""

from __future__ import annotations

from bot.errors import NotAllowed
from bot.models import Membership, Person
from bot.replies import Reply
from bot.rules.calendar import add_months, show_date
from bot.services.authority import is_member, require
from bot.services.context import Context
from bot.services.election import elected_in
from bot.services.numbers import meeting_number
from bot.terms import CHAIR_ROLES, Role
from bot.terms_powers import Act
from bot.verbs import Chair


def make_chair(ctx: Context, cmd: Chair) -> Reply:
    """Make a member the chair, for the ToR's chair term: named by whoever the ToR's powers name, or, where the
    group elects its chair, the result of the ballot `--poll N` recorded; never the secretariat or an observer."""
    rule = ctx.terms.chair
    if rule.chosen == "per_meeting":
        source = " from the steering group" if rule.drawn_from == "steering_group" else ""
        raise NotAllowed(rule.cited(f"Under the ToR a chair is chosen for each meeting{source}") + ". Name one "
                         "when scheduling: `meeting schedule DATE TIME --chair @person`.")
    require(ctx, Act.NAME_CHAIR, "name the chair")
    person = ctx.person(cmd.person)
    membership = may_chair(ctx, person)
    election = elected_in(ctx, cmd.poll, person) if rule.chosen == "elected" else None
    for other in ctx.memberships():
        if other.role == Role.CHAIR and other.id != membership.id:
            seat = ctx.terms.seat(other.seat_title)  # back to the seat's own role: co-opted stays co-opted
            other.role = seat.role if seat is not None and seat.role not in CHAIR_ROLES else Role.MEMBER
            other.chair_term_ends_on = None
    membership.role = Role.CHAIR
    months = ctx.terms.chair.term_months
    membership.chair_term_ends_on = add_months(ctx.today, months) if months else None
    until = f" until {show_date(membership.chair_term_ends_on)}" if membership.chair_term_ends_on else ""
    if election is not None:
        ctx.audit("chair.elected", person=person.id, until=membership.chair_term_ends_on,
                  meeting=election.meeting_id, poll=election.id, poll_number=election.number)
        assert election.meeting_id is not None
        number = meeting_number(ctx.session, election.meeting_id)
        return Reply(rule.cited(f"{person.display_name} is elected chair{until} at meeting {number}, by poll "
                                f"{election.number} ({election.outcome})") + ".")
    ctx.audit("chair.named", person=person.id, until=membership.chair_term_ends_on)
    return Reply(ctx.terms.chair.cited(f"{person.display_name} is now the chair{until}") + ".")


def may_chair(ctx: Context, person: Person) -> Membership:
    """`person`'s membership, when they may hold the chair: a member in term (not the secretariat or an
    observer), voting where the chair is elected, in the chair's seat where the ToR names one. Else NotAllowed."""
    rule = ctx.terms.chair
    membership = ctx.membership(person)
    if membership is None:
        raise NotAllowed(rule.cited(f"{person.display_name} holds no seat; the chair is chosen from the members") + ".")
    if not is_member(ctx, membership):
        raise NotAllowed(rule.cited(f"{person.display_name} holds {membership.seat_title} as "
                                    f"{membership.role.replace('_', '-')}, not as a member in term; the secretariat "
                                    "and observers are not members and cannot hold the chair") + ".")
    if rule.chosen == "elected" and not ctx.is_voting(membership):
        raise NotAllowed(rule.cited(f"The chair is elected from the voting members, and {person.display_name}'s "
                                    f"seat ({membership.seat_title}) does not vote") + ". Name a voting member: say "
                         "`members` to see them.")
    chair_seat = ctx.terms.seat(rule.seat) if rule.seat else None
    if chair_seat is not None and membership.seat_title.casefold() != chair_seat.title.casefold():
        raise NotAllowed(rule.cited(f"The ToR names the chair's seat: {chair_seat.title}") + ". Seat "
                         f"{person.display_name} there with `member add @{person.display_name} --seat "
                         f"\"{chair_seat.title}\"` first, or revise the ToR.")
    return membership
