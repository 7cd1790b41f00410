"""A record's post that its channel's platform would not take (still throttled after the bounded retries, or
busy): kept in the outbox with the prepared reply and the channel, for the delivery job to send later, once.

The record itself is already changed when this is called; only the post waits.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import ChannelBinding, OutboxMessage
from bot.replies import Reply
from bot.services.context import Place
from bot.services.reminders import stored

KIND = "channel-post"  # the outbox kind of a post that could not be sent at once
FOLLOWS = ("Recorded. {platform} is busy, so the post in this channel will follow in a few minutes; "
           "nothing needs doing again.\n{text}")


def postponed_text(reply: Reply) -> str:
    """The reply as text, for the outbox's listings and logs: its text, then its fields and notices as lines. What
    is posted is the reply itself, kept beside it (`reminders.stored`), buttons and all."""
    lines = [reply.text, *(f"{label}: {value}" for label, value in reply.fields), *reply.notices]
    return "\n".join(lines)


def postpone_post(session: Session, place: Place, reply: Reply, now: dt.datetime) -> bool:
    """Queue `reply` for the channel `place` in the outbox, due now. Returns False (nothing queued) when the
    channel is bound to no group: the caller must then show the reply some other way."""
    binding = session.scalar(select(ChannelBinding).where(ChannelBinding.platform == place.platform,
                                                          ChannelBinding.channel_id == place.channel_id))
    if binding is None:
        return False
    text = postponed_text(reply)
    digest = hashlib.sha256(f"{reply.title}\n{text}\n{now.isoformat()}".encode()).hexdigest()[:24]
    key = f"{KIND}:{binding.id}:{digest}"
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.key == key)) is not None:
        return True  # the same post, queued already
    session.add(OutboxMessage(key=key, group_id=binding.group_id, kind=KIND, recipient_id=None,
                              channel_binding_id=binding.id, title=reply.title[:200] if reply.title else None,
                              text=text, reply=stored(reply), composed=False, due_at=now, next_attempt_at=now,
                              status="queued", attempts=0))
    return True


def follows(platform: str, reply: Reply) -> Reply:
    """What the person who acted is told when the channel's post waits in the outbox."""
    return Reply(FOLLOWS.format(platform=platform, text=reply.text), private=True)
