"""The motion that ended a group early, as the record holds it: `group end --motion N` names the poll on the event.
What a ToR says comes next for a carried motion (CSCPWG: recommendations go to the Board "prior to being adopted as
LGA policy") does not follow a motion whose effect was to end the group, nor one whose words say the group ceases.""" 

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import GroupEvent, Poll
from bot.rules.calendar import show_date
from bot.rules.ending_words import ending_day, speaks_of_ending
from bot.rules.powers import power_for
from bot.rules.voting import next_step
from bot.terms import Terms, VotingRules
from bot.terms_powers import Act

ENDED = "ended"  # the GroupEvent kind of a group ended before its date


def ended_by_motion(session: Session, poll: Poll, by_vote: bool) -> dt.date | None:
    """The day `poll` ended its group, or None where it did not. The event names its motion (since 0021); an
    older event the upgrade could not match keeps its note `motion N: outcome`, read only where the ToR ends the
    group by a vote (`by_vote`), since elsewhere a note is the reference a member typed."""
    for done_on, poll_id, note in session.execute(select(GroupEvent.done_on, GroupEvent.poll_id, GroupEvent.note)
                                                  .where(GroupEvent.group_id == poll.group_id,
                                                         GroupEvent.kind == ENDED)):
        if poll_id == poll.id or (poll_id is None and by_vote and (note or "").startswith(f"motion {poll.number}:")):
            return done_on
    return None


def then_words(session: Session, terms: Terms, poll: Poll) -> str | None:
    """What follows `poll`'s vote: where the ToR sends a carried motion (next_step), or, for the motion that ended
    the group, that it did so, citing the power to end it."""
    then = next_step(terms.voting, poll.kind, poll.outcome)
    if then is None:
        return None
    power = power_for(terms, Act.END_GROUP)
    by_vote = power.agreement is not None and power.agreement.vote is not None
    ended = ended_by_motion(session, poll, by_vote)
    if ended is not None:
        return f"ended the group on {show_date(ended)}{power.cite()}"
    if by_vote and terms.voting.carried_is and speaks_of_ending(poll.question, terms.name, terms.short_name):
        # CSCPWG: "The group may cease ... by agreement of all members" (Operation): a decision of its own, not one of
        # the recommendations that go to the Board (Governance)
        since = (poll.closed_at or poll.proposed_at).replace(tzinfo=dt.UTC).astimezone(terms.zone).date()
        day = ending_day(poll.question, terms.name, terms.short_name, since)
        if day is not None:  # "ceases on 31 March": it runs until then, and its end is recorded that day
            return (f"the group ceases on {show_date(day)}, as the motion says: record it that day with "
                    f"`group end --motion {poll.number}`{power.cite()}")
        return f"the group ceases once this is recorded with `group end --motion {poll.number}`{power.cite()}"
    return then


def rules_for(terms: Terms, poll: Poll) -> VotingRules:
    """The voting rule `poll` is decided by, citing the clause it falls under: a motion that the group cease, under
    the clause that lets it (CSCPWG Operation, "by agreement of all members") where that asks the ToR's own voting
    rule; any other under the ToR's voting clause (CSCPWG Governance: "Any recommendations ...")."""
    power = power_for(terms, Act.END_GROUP)
    vote = power.agreement.vote if power.agreement is not None else None
    if poll.kind != "motion" or vote != terms.voting.rule.value or power.clause is None or \
            not speaks_of_ending(poll.question, terms.name, terms.short_name):
        return terms.voting
    return terms.voting.model_copy(update={"clause": power.clause})
