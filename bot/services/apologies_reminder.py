"""The "Apologies?" reminder before a meeting: to each voting member who has neither answered for it nor named a
deputy for it, and, to those whose seat can, that they can name one."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import Attendance, DeputyNomination
from bot.rules import deputies
from bot.rules.calendar import show
from bot.services.context import Context
from bot.services.notices import Notice, meeting_of
from bot.services.standing import is_voting


def apologies(ctx: Context, meeting_id: int, starts: str | None = None) -> Notice | str:
    """To voting members who have neither answered for the meeting nor named a deputy for it."""
    meeting = meeting_of(ctx, meeting_id, starts)
    if isinstance(meeting, str):
        return meeting
    answered = set(ctx.session.scalars(select(Attendance.member_id).where(Attendance.meeting_id == meeting.id)))
    answered |= set(ctx.session.scalars(select(DeputyNomination.member_id).where(
        DeputyNomination.group_id == ctx.group.id, DeputyNomination.revoked_at.is_(None),
        DeputyNomination.meeting_id == meeting.id)))
    people = tuple(m.person_id for m in ctx.memberships() if is_voting(ctx, m) and m.person_id not in answered)
    if not people:
        return "every member has answered"
    text = (f"Meeting {meeting.number} of {ctx.terms.name} is on {show(meeting.starts_at, ctx.terms.zone)}. "
            f"If you cannot attend, say `apologies --meeting {meeting.number}` in the group's channel.")
    return Notice("Apologies?", text, people, added_for=deputy_offers(ctx, people))


def deputy_offers(ctx: Context, people: tuple[int, ...]) -> tuple[tuple[int, str], ...]:
    """For each of `people` whose seat the ToR lets name a deputy (PLPCP Membership: each DCS, an alternate), that
    they can, and how; nothing for a seat that cannot, nor where the ToR makes no provision for deputies."""
    if not ctx.terms.deputies.allowed:
        return ()
    seats = {m.person_id: m.seat_title for m in ctx.memberships()}
    named = standing_deputies(ctx, people)
    return tuple((person, offer) for person in people
                 if (offer := named.get(person) or deputies.offer_to(ctx.terms, seats.get(person))) is not None)


def standing_deputies(ctx: Context, people: tuple[int, ...]) -> dict[int, str]:
    """`nadia, your standing alternate, may attend in your place (ToR Membership).` for each of `people` who named
    one this term (PLPCP: one alternate each), instead of asking them to name one."""
    rule, held = ctx.terms.deputies, {m.person_id: m for m in ctx.memberships()}
    found: dict[int, str] = {}
    for nomination in ctx.session.scalars(select(DeputyNomination).where(
            DeputyNomination.group_id == ctx.group.id, DeputyNomination.revoked_at.is_(None),
            DeputyNomination.meeting_id.is_(None), DeputyNomination.member_id.in_(people))
            .order_by(DeputyNomination.id)):
        seat = held.get(nomination.member_id)
        if seat is None or (seat.term_starts_on is not None and
                            nomination.nominated_at.astimezone(ctx.terms.zone).date() < seat.term_starts_on):
            continue  # named in an earlier term: it lapsed with it
        found[nomination.member_id] = rule.cited(f"{nomination.deputy.display_name}, your standing {rule.word}, "
                                                 "may attend in your place") + "."
    return found
