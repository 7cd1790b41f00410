"""The votes a poll holds, read from the record: the one read of a tally, for cards, results and minutes alike."""

from __future__ import annotations

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from bot.models import Ballot, Poll, SecretTally, SecretVoter

CHOICES_CAST = select(Ballot.choices).where(Ballot.poll_id == bindparam("poll_id"))


def counts(session: Session, poll: Poll) -> tuple[dict[int, int], int]:
    """Votes per option position, and how many voted. A secret poll is read from its running tallies, so no
    ballot names a voter; the minutes and every card read votes through this one function."""
    if poll.secret:
        rows = session.execute(select(SecretTally.position, SecretTally.count).where(SecretTally.poll_id == poll.id))
        per = {position: count for position, count in rows}
        voters = session.scalar(select(func.count(SecretVoter.id)).where(SecretVoter.poll_id == poll.id)) or 0
        return per, voters
    per = {o.position: 0 for o in poll.options}
    ballots = session.scalars(CHOICES_CAST, {"poll_id": poll.id}).all()
    for choices in ballots:
        for position in choices:
            per[position] = per.get(position, 0) + 1
    return per, len(ballots)
