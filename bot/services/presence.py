"""Who is evidently at a meeting though they never said `here`: whoever closes it, or keeps its record while it is
open (minutes an item, records an action or a guest), is recorded present rather than minuted absent beside their
own name as minute-taker or chair."""

from __future__ import annotations

from bot.errors import NotAllowed
from bot.models import Meeting
from bot.services import roll
from bot.services.context import Context


def present_by_acting(ctx: Context, meeting: Meeting) -> bool:
    """Record the speaker present at `meeting` when it is open, they hold a seat and the roll has nothing of them
    yet (apologies, leaving, a deputy in their place are left as they are), unless their organisation is already at
    the ToR's cap (LIEG 2.1: they keep the record without attending for it). True when recorded now."""
    if meeting.status != "open" or ctx.membership(ctx.actor) is None:
        return False
    if roll.row_for(ctx, meeting, ctx.actor) is not None:
        return False
    try:
        roll.check_cap(ctx, meeting, ctx.actor)
    except NotAllowed:
        return False
    row = roll.set_status(ctx, meeting, ctx.actor, "present")
    # When they came is not known (they never said `here`): the minutes claim no late arrival for them.
    row.recorded_at = meeting.opened_at or ctx.now
    ctx.audit("attendance.present", meeting=meeting.id, member=ctx.actor.id)
    return True
