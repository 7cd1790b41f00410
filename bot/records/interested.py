"""Whether those who declared an interest in an item voted on it: the minutes give the interest under Declarations
and the tally under the item, and an auditor reading them needs the two joined (CJCG 6.5: interests "declared and
recorded")."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.models import Ballot, Interest, Poll
from bot.records.people import Namer

DECLARED_ON = select(Interest.person_id).where(Interest.item_id == bindparam("item_id"),
                                               Interest.no_interests.is_(False)).order_by(Interest.id)
CAST_BY = select(Ballot.cast_by_id).where(Ballot.poll_id == bindparam("poll_id"))


def interested(session: Session, poll: Poll, names: Namer) -> tuple[str, ...]:
    """`dan (Southend City Council), who did not vote` (or `who voted`) for each person who declared an interest in
    `poll`'s agenda item; nothing for a vote on no item, or a secret one, whose ballots name no voter."""
    if poll.item_id is None or poll.secret or poll.opened_at is None:
        return ()
    declared = list(dict.fromkeys(session.scalars(DECLARED_ON, {"item_id": poll.item_id})))
    if not declared:
        return ()
    cast = set(session.scalars(CAST_BY, {"poll_id": poll.id}))
    return tuple(f"{names(person)}, who {'voted' if person in cast else 'did not vote'}" for person in declared)
