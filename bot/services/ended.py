"""Whether the group has ended before its date, as its ToR allows ("may cease prior to this ... by agreement of
all members"): once ended it schedules no meeting and takes no vote; its record stays readable."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, select

from bot.errors import NotAllowed
from bot.models import GroupEvent
from bot.records.group_end import ENDED as ENDED
from bot.rules.calendar import show_date
from bot.services.context import Context

# Built once: read before every new meeting and vote.
ENDED_ON = select(GroupEvent.done_on).where(GroupEvent.group_id == bindparam("group_id"),
                                            GroupEvent.kind == ENDED).limit(1)


def ended_on(ctx: Context) -> dt.date | None:
    """The day the group was ended early, or None while it operates (read once a command: `motion` read it for the
    motion and again for its vote)."""
    if ctx.not_ended:
        return None
    day = ctx.session.scalar(ENDED_ON, {"group_id": ctx.group.id})
    ctx.not_ended = day is None
    return day


def require_not_ended(ctx: Context, doing: str) -> None:
    """Refuse `doing` once the group has been ended early, saying when; its record stays readable."""
    day = ended_on(ctx)
    if day is not None:
        raise NotAllowed(f"{ctx.terms.name} ended on {show_date(day)}, so it can no longer {doing}; its record stays "
                         "readable.")


def require_operating(ctx: Context, doing: str) -> None:
    """Refuse `doing` (new meetings and votes) once the group has ended early or a time-limited group's ToR says it
    has stopped operating, saying when; its record stays readable."""
    require_not_ended(ctx, doing)
    ends = ctx.terms.operates_until
    if ends and ctx.today > ends.date:
        raise NotAllowed(ends.cited(f"{ctx.terms.name} operated until {show_date(ends.date)}")
                         + f", so it can no longer {doing}; its record stays readable. If its work was extended, "
                           "an administrator imports the amended ToR (`govbot group import`) with the new end date.")


def unschedulable(ctx: Context) -> str | None:
    """Why no meeting can be scheduled, for a hint that would otherwise offer `meeting schedule`: the group was ended
    early (PLPCP Review: "time-limited for the duration of the programme"; CSCPWG Operation: "may cease prior to
    this"), or its ToR's time is over (CSCPWG: "operate until ... 27 June 2023"); None while it operates."""
    day = ended_on(ctx)
    if day is not None:
        return f"{ctx.terms.name} ended on {show_date(day)}, so no meeting can be scheduled; its record stays readable."
    ends = ctx.terms.operates_until
    if ends is not None and ctx.operation_over():
        return ends.cited(f"{ctx.terms.name} operated until {show_date(ends.date)}, so no meeting can be scheduled") \
            + "; its record stays readable."
    return None


def read_ended(contexts: dict[int, Context]) -> dict[int, dt.date]:
    """The day each of these groups was ended early, read in one query (the scheduler reads many groups at once);
    each context not in the answer is marked as not ended, as `ended_on` would have read it."""
    if not contexts:
        return {}
    session = next(iter(contexts.values())).session
    found = {group_id: day for group_id, day in session.execute(select(GroupEvent.group_id, GroupEvent.done_on)
                                                               .where(GroupEvent.group_id.in_(list(contexts)),
                                                                      GroupEvent.kind == ENDED))}
    for group_id, ctx in contexts.items():
        ctx.not_ended = group_id not in found
    return found


def stopped(ctx: Context) -> str | None:
    """Why the group's reminders stop: it was ended early, or the time its ToR gives it is over (CSCPWG Operation:
    "will operate until ... 27 June 2023"); None while it operates. Its meetings, terms, reviews and reports are
    then nothing anyone can act on (it schedules no meeting and takes no vote)."""
    day = ended_on(ctx)
    if day is not None:
        return f"{ctx.terms.name} ended on {show_date(day)}"
    ends = ctx.terms.operates_until
    if ends is not None and ctx.operation_over():
        return ends.cited(f"{ctx.terms.name} operated until {show_date(ends.date)}")
    return None
