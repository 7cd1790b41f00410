"""Writing a member's ballot on an open poll: a first vote, or a changed one, each a plain statement returning the
row for the audit event to seal (bot.sealed_rows.write_returning) rather than a tracked Ballot, whose flush cost
several times more.

On PostgreSQL a first vote is one statement that also takes the lock of the group's audit chain, sent with the read
of the chain's head in one round trip (bot.pg_chain.head_after): the vote's audit event then needs neither. A
member who has voted already is found by that insert writing nothing (their ballot is read and changed, as on
SQLite); two votes of one member at once queue on the ballot's unique key, the later one then changing it.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Integer, Row, Table, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql

from bot import audit, driver_sql, pg_chain
from bot.audit import CHAIN_LOCK_CLASS
from bot.connections import connection_of
from bot.models import Ballot, Poll
from bot.sealed_rows import note_returned, write_returning
from bot.services.context import Context

BALLOT = select(Ballot.id, Ballot.choices, Ballot.cast_by_id).where(Ballot.poll_id == bindparam("poll_id"),
                                                                   Ballot.member_id == bindparam("member_id"))
BALLOTS = cast(Table, Ballot.__table__)
# Each returns the whole row: the audit event seals it from that rather than reading it again.
CAST_BALLOT = insert(BALLOTS).returning(*BALLOTS.c)
CHANGE_BALLOT = update(BALLOTS).where(BALLOTS.c.id == bindparam("ballot_id")).returning(*BALLOTS.c)
WRITTEN = ("poll_id", "member_id", "cast_by_id", "choices", "cast_at")
# PostgreSQL: the chain's lock is taken as the row to insert is selected, before the insert; nothing is written (and
# no row returned) where the member has a ballot on the poll already.
FIRST_BALLOT = postgresql.insert(BALLOTS).from_select(
    list(WRITTEN), select(*[bindparam(name, type_=BALLOTS.c[name].type) for name in WRITTEN]).select_from(
        select(func.pg_advisory_xact_lock(CHAIN_LOCK_CLASS, bindparam("chain", type_=Integer))).subquery("chain")),
).on_conflict_do_nothing(index_elements=["poll_id", "member_id"]).returning(*BALLOTS.c)


def write_ballot(ctx: Context, poll: Poll, member_id: int, positions: list[int]) -> tuple[Row[Any] | None, bool]:
    """Record `positions` as `member_id`'s vote on `poll`: the ballot as it stood before (None for a first vote), and
    whether anything was written (not where it already held these choices)."""
    values = {"poll_id": poll.id, "member_id": member_id, "choices": positions, "cast_by_id": ctx.actor.id,
              "cast_at": ctx.now}
    connection = connection_of(ctx.session)
    if connection.dialect.name == "postgresql" and poll.group_id == ctx.group.id:
        written, head = pg_chain.head_after(connection, FIRST_BALLOT, values | {"chain": ctx.group.id}, ctx.group.id)
        audit.chain_locked(ctx.session, ctx.group.id, head)
        if written:
            note_returned(ctx.session, "ballots", [row._asdict() for row in written])
            return None, True
    # Ballots are written by statements only (never held by the ORM), so the read needs no flush first.
    ballot = next(iter(driver_sql.rows(connection, BALLOT, {"poll_id": poll.id, "member_id": member_id})), None)
    if ballot is not None and list(ballot.choices) == positions:
        return ballot, False
    if ballot is None:
        write_returning(ctx.session, CAST_BALLOT, values)
    else:
        write_returning(ctx.session, CHANGE_BALLOT, {"ballot_id": ballot.id, "choices": positions,
                                                     "cast_by_id": ctx.actor.id, "cast_at": ctx.now})
    return ballot, True
