"""What a claimed message says at the moment it is sent: a reminder as composed when it fell due, where the record
has not changed since (scheduler/stamps.py), else composed again from the record (the core says what, and whether it
is still called for); or a prepared reply as stored."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from bot.errors import DomainError
from bot.models import Group
from bot.replies import Reply
from bot.services.context import Context, scheduler_context
from bot.services.reminders import compose, for_recipient, restored
from scheduler import stamps
from scheduler.outbox import Claimed


def content(session: Session, message: Claimed, now: dt.datetime, contexts: dict[int, Context],
            seen: stamps.Heads | None = None) -> Reply | str:
    """The reply to send, or why the message is set aside (its subject no longer calls for it). `seen`: the audit
    chains' heads, read before the record for this delivery."""
    if not message.composed:
        return restored(message.reply) if message.reply else Reply(message.text, title=message.title)
    if message.group_id not in contexts:
        group = session.get(Group, message.group_id)
        if group is None:
            return "the group is no longer in the record"
        contexts[message.group_id] = scheduler_context(session, group, now)
    ctx = contexts[message.group_id]
    try:
        if seen is not None and (words := stamps.kept(message, seen, ctx)) is not None:
            return words
        notice = compose(ctx, message.kind, message.subject or "", message.instance or "")
    except DomainError as error:
        return f"the group's terms of reference cannot be read: {error.message}"
    return for_recipient(ctx, notice, message.recipient_id)
