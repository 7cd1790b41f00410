"""What a derive pass reads about the groups whose reminders fell due, read for the whole batch in a few queries
rather than row by row: the groups, the channels bound to them, their seat holders with the people holding them, and
the meetings reminded of with their agenda.

The notices composed for the batch then find these in the session: a group's context is made once, a term reminder's
seat holder and the chair it also goes to need no query of their own, and a channel reminder needs no query for its
channels. What is read is what the row-by-row reads returned, so the messages queued are the same.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import BindParameter, bindparam, select
from sqlalchemy.orm import Session, joinedload, selectinload

from bot.models import ChannelBinding, Group, Meeting, Membership
from bot.rules.reminders import OFFSET_SUFFIX
from bot.rules.tenure import holding_on
from bot.services import ended, reviews
from bot.services.context import Context, scheduler_context

CHUNK = 1000  # ids per IN list
# Reminders whose notice does not read the group's seat holders: a group with only these is not read them (were
# one to read them after all, the context would read them itself).
NO_SEAT_HOLDERS = frozenset({"meeting", "meeting-start", "review", "end"})
# Reminders whose notice reads when the last review or report was recorded: read for the batch's groups at once.
DATED = frozenset({"review", "report"})
# Built once, with bound parameters (an expanding IN list): scheduler/plan.py's LOCKED_MARK says why.
IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
GROUPS = select(Group).where(Group.id.in_(IDS))
BINDINGS = select(ChannelBinding).where(ChannelBinding.group_id.in_(IDS)).order_by(ChannelBinding.id)
SEATED = select(Membership).options(joinedload(Membership.person)) \
    .where(Membership.group_id.in_(IDS), Membership.ended_at.is_(None)).order_by(Membership.id)
MEETINGS = select(Meeting).options(selectinload(Meeting.items)).where(Meeting.id.in_(IDS))


@dataclass
class Batch:
    """The contexts of the groups a derive pass queues reminders for, and the channels bound to each."""

    contexts: dict[int, Context] = field(default_factory=dict)
    bindings: dict[int, list[ChannelBinding]] = field(default_factory=dict)
    # Held for the pass: the session keeps only weak references to what it loaded.
    meetings: list[Meeting] = field(default_factory=list)


class Due(Protocol):
    """A reminder falling due (a plan row) or being sent (a claimed outbox message)."""

    @property
    def group_id(self) -> int: ...

    @property
    def kind(self) -> str: ...

    @property
    def subject(self) -> str | None: ...


def read(session: Session, due: Sequence[Due], now: dt.datetime) -> Batch:
    """Read the groups of the `due` rows, their bindings and their current seat holders (each group's context is
    given its seat holders, as its first `memberships()` would read them)."""
    batch = Batch()
    ids = sorted({row.group_id for row in due})
    seats_read = {row.group_id for row in due if OFFSET_SUFFIX.sub("", row.kind) not in NO_SEAT_HOLDERS}
    dated = {row.group_id for row in due if OFFSET_SUFFIX.sub("", row.kind) in DATED}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for group in session.scalars(GROUPS, {"ids": chunk}):
            batch.contexts[group.id] = scheduler_context(session, group, now)
        bindings: dict[int, list[ChannelBinding]] = defaultdict(list)
        for binding in session.scalars(BINDINGS, {"ids": chunk}):
            bindings[binding.group_id].append(binding)
        seated: dict[int, list[Membership]] = defaultdict(list)
        for membership in session.scalars(SEATED, {"ids": [g for g in chunk if g in seats_read]}):
            seated[membership.group_id].append(membership)
        for group_id in chunk:
            batch.bindings[group_id] = bindings.get(group_id, [])
            if group_id in batch.contexts and group_id in seats_read:
                context = batch.contexts[group_id]
                context._memberships = holding_on(seated.get(group_id, []), context.today)
    reviews.read_last_done({g: batch.contexts[g] for g in ids if g in batch.contexts and g in dated})
    ended.read_ended(batch.contexts)  # each notice asks whether its group still operates: one query, not one a group
    batch.meetings = meetings(session, due)
    return batch


def meetings(session: Session, due: Sequence[Due]) -> list[Meeting]:
    """Read the meetings the `due` rows are about, with their agenda, into the session."""
    ids = sorted({int(number) for row in due if (row.subject or "").startswith("meeting:")
                  and (number := (row.subject or "").split(":")[1]).isdigit()})
    found: list[Meeting] = []
    for start in range(0, len(ids), CHUNK):
        found += session.scalars(MEETINGS, {"ids": ids[start:start + CHUNK]})
    return found
