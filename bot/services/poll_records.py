"""Finding a poll by its number in the group, or by its record id."""

from __future__ import annotations

from sqlalchemy import bindparam, inspect, select
from sqlalchemy.orm import joinedload

from bot.errors import NotFound
from bot.models import Poll
from bot.services.context import Context

# Built once: every vote and every card reads them, and building a statement cost more than running it.
POLL = select(Poll).options(joinedload(Poll.options))
POLL_NUMBERED = POLL.where(Poll.group_id == bindparam("group_id"), Poll.number == bindparam("number"))
POLL_RECORD = POLL.where(Poll.id == bindparam("poll_id"))


def get_poll(ctx: Context, number: int) -> Poll:
    """The group's poll or motion `number` (the number people see). Raises NotFound pointing to `polls`."""
    # Its options come in the same query: nearly every use (a vote, a card) reads them next.
    poll = ctx.session.execute(POLL_NUMBERED, {"group_id": ctx.group.id, "number": number}).unique() \
        .scalar_one_or_none()
    if poll is None:
        raise NotFound(f"There is no poll or motion {number} in {ctx.terms.name}. Say `polls` to list open ones.")
    ctx.polls_read[poll.id] = poll
    return poll


def poll_of_record(ctx: Context, poll_id: int) -> Poll:
    """The group's poll or motion with database id `poll_id`, as a posted card's subject names it."""
    poll = loaded(ctx, poll_id) or ctx.session.execute(POLL_RECORD, {"poll_id": poll_id}).unique() \
        .scalar_one_or_none()
    if poll is None or poll.group_id != ctx.group.id:
        raise NotFound(f"That poll or motion is not in {ctx.terms.name}. Say `polls` to list open ones.")
    return poll


def loaded(ctx: Context, poll_id: int) -> Poll | None:
    """The poll as this command already read it, options and all (the vote just cast), else None. Reading it again
    would give this same object back, unchanged: a query never overwrites what its session holds."""
    poll = ctx.polls_read.get(poll_id)
    if poll is None:
        return None
    state = inspect(poll)
    return poll if state.session is ctx.session and not state.expired_attributes and "options" in poll.__dict__ \
        else None
