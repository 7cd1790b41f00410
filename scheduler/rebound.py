"""A channel message whose channel was bound to another group, or unbound, while it waited (a 429, a back-off): it
goes to the channels its group is bound to now, rather than failing while the group has a channel to hear it. The
channel it was queued for is never sent it: it is another group's now, or no group's, and may not share the
group's confidences."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import ChannelBinding, OutboxMessage
from bot.ports import DeliveryFailed
from bot.services.bindings import channel_named
from bot.services.workspaces import disabled_reason
from scheduler import outbox
from scheduler.outbox import Claimed

# What a forwarded copy starts afresh with: a new message to a new channel, not yet tried.
AFRESH = {"status": "queued", "attempts": 0, "claimed_until": None, "last_error": None, "sent_at": None}


class Rebound(DeliveryFailed):
    """The message's channel is no longer bound to its group."""

    def __init__(self) -> None:
        super().__init__("the channel is no longer bound to the group", permanent=True)



def forward(sessions: sessionmaker[Session], message: Claimed, now: dt.datetime) -> str | None:
    """Queue the message again, due now, for each channel its group is bound to and posting in, each once (a channel
    that had it already is not sent it twice), and set this one aside saying where it went. Returns why it was set
    aside, or None when the group has no channel to take it (it fails as before, and the chair is told)."""
    with unit_of_work(sessions) as session:
        bound = [b for b in session.scalars(select(ChannelBinding).where(ChannelBinding.group_id == message.group_id)
                                            .order_by(ChannelBinding.id)) if disabled_reason(b) is None]
        row = session.get(OutboxMessage, message.id)
        if not bound or row is None:
            return None
        stem = message.key.rpartition(":channel:")[0] or message.key
        table = cast(Table, OutboxMessage.__table__)
        kept: dict[str, Any] = {c.name: getattr(row, c.name) for c in table.columns if c.name != "id"}
        outbox.enqueue(session, [{**kept, **AFRESH, "key": f"{stem}:channel:{b.id}", "channel_binding_id": b.id,
                                  "next_attempt_at": now} for b in bound], now)
        # `group unbind` removes the binding; `group bind` in the channel gives the same binding to another group.
        moved = "unbound from the group" if message.channel_binding_id is None or session.get(
            ChannelBinding, message.channel_binding_id) is None else "bound to another group"
        why = f"its channel was {moved}; sent to {', '.join(channel_named(b) for b in bound)} instead"
        outbox.mark_expired(session, message.id, why)
        return why

