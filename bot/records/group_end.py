"""The motion that ended a group early, as the record holds it: `group end --motion N` notes `motion N: outcome`.
What a ToR says comes next for a carried motion (CSCPWG: recommendations go to the Board "prior to being adopted as
LGA policy") does not follow a motion whose effect was to end the group."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import GroupEvent
from bot.rules.calendar import show_date
from bot.rules.powers import power_for
from bot.rules.voting import next_step
from bot.terms import Terms
from bot.terms_powers import Act

ENDED = "ended"  # the GroupEvent kind of a group ended before its date


def ended_by_motion(session: Session, group_id: int, number: int) -> dt.date | None:
    """The day motion `number` of the group ended it, or None where it did not."""
    for done_on, note in session.execute(select(GroupEvent.done_on, GroupEvent.note).where(
            GroupEvent.group_id == group_id, GroupEvent.kind == ENDED)):
        if (note or "").startswith(f"motion {number}:"):
            return done_on
    return None


def then_words(session: Session, terms: Terms, group_id: int, number: int, kind: str,
               outcome: str | None) -> str | None:
    """What follows a vote: where the ToR sends a carried motion (next_step), or, for the motion that ended the
    group, that it did so, citing the power to end it."""
    then = next_step(terms.voting, kind, outcome)
    power = power_for(terms, Act.END_GROUP)
    if then is None or power.agreement is None or power.agreement.vote is None:
        return then  # where no motion ends the group, its note is someone's reference, never 'motion N: ...'
    ended = ended_by_motion(session, group_id, number)
    return then if ended is None else f"ended the group on {show_date(ended)}{power.cite()}"
