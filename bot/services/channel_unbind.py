"""`group unbind`: a channel stops being one of its group's channels, on the word of one who may bind a channel for
that group (the same power `group bind` asks for). The group's other channels keep it; its cards and reminders go
only to those from then on (the scheduler reads a group's channels when it sends)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update

from bot.errors import NotFound
from bot.models import ChannelBinding, Group, OutboxMessage
from bot.replies import Reply
from bot.services import authority
from bot.services.bindings import channel_named
from bot.services.context import Context
from bot.services.workspaces import disabled_reason
from bot.verbs import GroupUnbind

NOT_BOUND = "This channel is not bound to a group; nothing changed."


def unbind(ctx: Context, cmd: GroupUnbind) -> Reply:
    """Remove the binding of the channel `ctx.place` to `ctx.group` (bot.conversation refuses with NOT_BOUND first
    where the channel is bound to no group). Raises NotAllowed, saying who may and the clause, unless the actor may
    bind a channel for the group."""
    session, group, place = ctx.session, ctx.group, ctx.place
    authority.require(ctx, cmd.act, f"unbind a channel from {group.name}")
    binding = None if place is None else session.scalar(select(ChannelBinding).where(
        ChannelBinding.platform == place.platform, ChannelBinding.channel_id == place.channel_id,
        ChannelBinding.group_id == group.id))
    if place is None or binding is None:  # pragma: no cover - the channel was found bound to the group just now
        raise NotFound(NOT_BOUND)
    waiting = session.scalar(select(func.count(OutboxMessage.id)).where(*waiting_for(binding.id))) or 0
    session.delete(binding)
    session.flush()
    left = list(session.scalars(select(ChannelBinding).where(ChannelBinding.group_id == group.id)
                                .order_by(ChannelBinding.id)))
    hearing = [b for b in left if disabled_reason(b) is None]  # where the delivery job forwards them (rebound.py)
    if waiting and not hearing:
        session.execute(update(OutboxMessage).where(*waiting_for(binding.id))
                        .values(status="expired", claimed_until=None, last_error=CANCELLED))
    ctx.audit("channel.unbound", platform=place.platform, channel=place.channel_id, waiting=waiting)
    return Reply(what_changes(group, left) + waiting_words(group, hearing, waiting))


def waiting_for(binding_id: int) -> tuple[Any, ...]:
    """The messages queued for the channel of `binding_id` and not yet posted (a platform pushed them back)."""
    return OutboxMessage.channel_binding_id == binding_id, OutboxMessage.status == "queued"


CANCELLED = "cancelled: its channel was unbound from the group, which has no channel now"


def what_changes(group: Group, left: list[ChannelBinding]) -> str:
    """What the unbinding means for the group: where its cards and reminders go now, or how it gets a channel."""
    stops = f"{group.short_name.upper()}'s cards and reminders no longer come to this channel"
    if left:
        return f"{stops}; they still go to {', '.join(channel_named(b) for b in left)}."
    return (f"{stops}. {group.name} has no channel now: its chair or secretariat binds one by saying "
            f"`group bind {group.short_name}` in it.")


def waiting_words(group: Group, left: list[ChannelBinding], waiting: int) -> str:
    """What becomes of the messages that were waiting to be posted in the channel unbound: posted in the channels
    left instead, or, where none is left, cancelled and posted nowhere."""
    if not waiting:
        return ""
    many, it, was = ("1 message", "it", "is") if waiting == 1 else (f"{waiting} messages", "they", "are")
    still = f" {many} still waiting to be posted in this channel"
    if left:
        return f"{still} will be posted in {', '.join(channel_named(b) for b in left)} instead, unless {it} {was} " \
            "there already."
    return f"{still} {was} cancelled: {it} will not be posted anywhere, as {group.short_name.upper()} has no " \
        "channel now."
