"""Failed deliveries, handled as an operator would: wait out a rate limit without counting it as a try, give up on
a message after MAX_ATTEMPTS real failures and tell the chair, and when the platform refuses a channel for good
(archived, the bot removed) stop posting there, tell the chair once how to rebind, and set aside what waits for it.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import Group, OutboxMessage
from bot.ports import DeliveryFailed
from bot.replies import Reply
from bot.rules.calendar import show
from bot.rules.reminders import instant
from bot.services.bindings import disable_channel, told_directly
from bot.services.context import group_terms, scheduler_context
from bot.services.reminders import queue_post
from scheduler import outbox
from scheduler.outbox import Claimed

logger = logging.getLogger(__name__)

FAILURE_NOTICE = "delivery-failed"
CHANNEL_NOTICE = "channel-disabled"


def record_failure(sessions: sessionmaker[Session], message: Claimed, now: dt.datetime, failure: DeliveryFailed,
                   channel_refused: bool = False) -> bool:
    """Record a failed attempt; returns True when the message has failed for good. `channel_refused`: the platform
    refused the message's bound channel for good."""
    with unit_of_work(sessions) as session:
        final = outbox.mark_failed(session, message, now, failure.reason, retry_after=failure.retry_after,
                                   permanent=failure.permanent)
        if channel_refused and message.channel_binding_id is not None:
            refuse_channel(session, message, message.channel_binding_id, failure.reason, now)
        elif final:
            tell_the_chair(session, message, failure.reason, now)
    logger.warning("delivering %s failed (%s)%s", message.key, failure.reason, " for good" if final else "")
    return final


def refuse_channel(session: Session, message: Claimed, binding_id: int, reason: str, now: dt.datetime) -> None:
    """Disable the binding, tell the chair once, and set aside every other message queued for it."""
    notice = disable_channel(session, binding_id, reason, now)
    session.execute(update(OutboxMessage).where(OutboxMessage.channel_binding_id == binding_id,
                                                OutboxMessage.status == "queued", OutboxMessage.id != message.id)
                    .values(status="expired", claimed_until=None,
                            last_error=f"set aside: the platform refused the channel ({reason[:500]})"))
    if notice is None:
        return  # another message found the channel refused first, and the chair was told then
    for chair in notice.people:
        queue_post(session, message.group_id, f"{CHANNEL_NOTICE}:binding:{binding_id}@{instant(now)}:person:{chair}",
                   Reply(notice.text, title=notice.title), now, recipient_id=chair, kind=CHANNEL_NOTICE)


def tell_the_chair(session: Session, message: Claimed, reason: str, now: dt.datetime) -> None:
    """Queue a direct message to the chair about a reminder that could not be delivered (not about a notice
    of that kind itself, which would loop)."""
    if message.kind in (FAILURE_NOTICE, CHANNEL_NOTICE):
        return
    group = session.get(Group, message.group_id)
    if group is None:
        return
    terms = group_terms(group)
    ctx = scheduler_context(session, group, now)
    text = (f"A reminder for {terms.name} could not be delivered ({reason}). It was: {message.title or message.kind}"
            f" — {message.text[:300]}\nFailed at {show(now, terms.zone)}; `govbot reminders --group "
            f"{group.short_name}` lists undelivered reminders.")
    rows = [{"key": f"{FAILURE_NOTICE}:outbox:{message.id}:person:{chair}", "group_id": group.id,
             "kind": FAILURE_NOTICE, "title": "Reminder not delivered", "text": text, "due_at": now,
             "expires_at": None, "recipient_id": chair} for chair in told_directly(ctx)]
    outbox.enqueue(session, rows, now)
