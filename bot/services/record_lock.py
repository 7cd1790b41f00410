"""The check before every change to a meeting's record: its minutes approved lock it (bot/rules/record_lock.py)."""

from __future__ import annotations

from sqlalchemy import bindparam, select

from bot.errors import NotAllowed
from bot.models import ApprovedMinutes
from bot.numbers import meeting_number
from bot.rules.record_lock import locked_refusal
from bot.services.context import Context

# Checked before every change to a meeting's record, so only the date is read, never the text.
MINUTES_APPROVED_AT = select(ApprovedMinutes.approved_at).where(ApprovedMinutes.meeting_id == bindparam("meeting_id"))


def require_unlocked(ctx: Context, meeting_id: int | None, doing: str) -> None:
    """Refuse `doing` (NotAllowed, citing the clause) when the meeting's minutes are approved; return otherwise,
    and when the change concerns no meeting."""
    if meeting_id is None or meeting_id in ctx.unlocked:
        return
    approved_at = ctx.session.scalar(MINUTES_APPROVED_AT, {"meeting_id": meeting_id})
    if approved_at is None:
        ctx.unlocked.add(meeting_id)  # read once a command: `here` checked it for the roll and again for the row
        return
    refusal = locked_refusal(ctx.terms.minutes, meeting_number(ctx.session, meeting_id),
                             approved_at.astimezone(ctx.terms.zone).date(), doing)
    if refusal is not None:
        raise NotAllowed(refusal)
