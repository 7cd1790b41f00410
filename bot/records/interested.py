"""Whether those who declared an interest in an item voted on it: the minutes give the interest under Declarations
and the tally under the item, and an auditor reading them needs the two joined (CJCG 6.5: interests "declared and
recorded")."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.models import Ballot, Interest, Poll
from bot.records.people import Namer

DECLARED_ON = select(Interest.person_id).where(Interest.item_id == bindparam("item_id"),
                                               Interest.no_interests.is_(False)).order_by(Interest.id)
CAST_BY = select(Ballot.cast_by_id).where(Ballot.poll_id == bindparam("poll_id"))


def interested(session: Session, poll: Poll, names: Namer, away: Collection[int] = ()) -> tuple[str, ...]:
    """`dan (Southend City Council), who did not vote` (`who voted`; `who has not voted yet` while it is open) for each
    person who declared an interest in `poll`'s agenda item; nothing for a vote on no item, or a secret one, whose
    ballots name no voter. `away`: deputies who declared ahead and did not attend (the member came), whom the
    minutes' declarations leave out (bot.records.roll_record.deputies_away): not named here either."""
    if poll.item_id is None or poll.secret or poll.opened_at is None:
        return ()
    declared = [person for person in dict.fromkeys(session.scalars(DECLARED_ON, {"item_id": poll.item_id}))
                if person not in away]
    if not declared:
        return ()
    cast = set(session.scalars(CAST_BY, {"poll_id": poll.id}))
    # a draft read while the vote is open: not voting is not yet a fact the minutes can state
    not_cast = "has not voted yet" if poll.status == "open" else "did not vote"
    return tuple(f"{names(person)}, who {'voted' if person in cast else not_cast}" for person in declared)
