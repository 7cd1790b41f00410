"""Terms that end: whether a person has just served a term in a seat, for ToRs that then want a new representative."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.errors import NotAllowed
from bot.grammar import mention
from bot.models import Membership
from bot.rules.calendar import show_date
from bot.rules.tenure import held_until
from bot.services.context import Context
from bot.services.standing import term_ended
from bot.terms import Seat


def served_a_term(ctx: Context, person_id: int, seat_title: str) -> bool:
    """Whether the person is the seat's latest holder and held it to the end of their term: the term ended while
    they held it (lapsed in place, or removed after it ended). A successor's term in between makes them new."""
    latest = ctx.session.scalar(select(Membership).where(
        Membership.group_id == ctx.group.id, Membership.seat_title == seat_title).order_by(Membership.id.desc())
        .limit(1))
    if latest is None or latest.person_id != person_id or latest.term_ends_on is None:
        return False
    if latest.ended_at is None:
        return term_ended(ctx, latest)
    return latest.term_ends_on < latest.ended_at.astimezone(ctx.terms.zone).date()


def refuse_occupied(seat: Seat, holding: Membership, person_id: int, person: str) -> None:
    """Refuse seating `person` where `holding` fills `seat`: while a term runs, from when they can be seated (its end,
    not the holder's removal on their last day); with no term, once the holder is removed."""
    holder = holding.person.display_name
    if holding.term_ends_on is not None and holding.person_id != person_id:
        raise NotAllowed(held_until(seat, holder, holding.term_ends_on, person))
    raise NotAllowed(f"{seat.title} is held by {holder}. Remove them first: `member remove {mention(holder)}`.")


def refuse_later_start(seat: Seat, start: dt.date, today: dt.date, person: str) -> None:
    """Refuse a seat taken up after today (`member add … --from` a later day): the record counts a holder from the
    day they are recorded (quorum, votes, reminders), so one recorded early would act before their term began."""
    if start > today:
        raise NotAllowed(f"{person} takes up {seat.title} on {show_date(start)}, a day still to come, and govbot "
                         f"counts a holder from the day they are recorded: seat them on {show_date(start)} with "
                         f"`member add {mention(person)} --seat \"{seat.title}\"`.")
