"""The votes a poll holds, read from the record: the one read of a tally, for cards, results and minutes alike."""

from __future__ import annotations

import json

from sqlalchemy import Text, bindparam, cast, func, select
from sqlalchemy.orm import Session

from bot.connections import connection_of
from bot.models import Ballot, Poll, SecretTally, SecretVoter

# The ballots grouped by their choices, as the database holds them: a vote's card reads the tally, and decoding
# every ballot's JSON in Python cost more than the rest of the read once a poll had a few dozen votes. Each
# distinct set of choices is decoded once (two spellings of one set are counted together after decoding).
CHOICES_CAST = cast(Ballot.choices, Text)
BY_CHOICES = (select(CHOICES_CAST, func.count()).where(Ballot.poll_id == bindparam("poll_id"))
              .group_by(CHOICES_CAST))
# A secret poll's running tallies and how many voted, built once as well.
SECRET_TALLY = select(SecretTally.position, SecretTally.count).where(SecretTally.poll_id == bindparam("poll_id"))
SECRET_VOTERS = select(func.count(SecretVoter.id)).where(SecretVoter.poll_id == bindparam("poll_id"))


def counts(session: Session, poll: Poll) -> tuple[dict[int, int], int]:
    """Votes per option position, and how many voted. A secret poll is read from its running tallies, so no
    ballot names a voter; the minutes and every card read votes through this one function."""
    if poll.secret:
        rows = session.execute(SECRET_TALLY, {"poll_id": poll.id})
        per = {position: count for position, count in rows}
        voters = session.scalar(SECRET_VOTERS, {"poll_id": poll.id}) or 0
        return per, voters
    per = {o.position: 0 for o in poll.options}
    voters = 0
    session.flush()  # as the ORM's autoflush would: the read below runs on the connection, without the ORM's path
    for choices, many in connection_of(session).execute(BY_CHOICES, {"poll_id": poll.id}):
        voters += many
        for position in json.loads(choices):
            per[position] = per.get(position, 0) + many
    return per, voters
