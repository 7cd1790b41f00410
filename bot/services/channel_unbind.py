"""`group unbind`: a channel stops being one of its group's channels, on the word of one who may bind a channel for
that group (the same power `group bind` asks for). The group's other channels keep it; its cards and reminders go
only to those from then on (the scheduler reads a group's channels when it sends)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import NotFound
from bot.models import ChannelBinding, Group
from bot.replies import Reply
from bot.services import authority
from bot.services.bindings import channel_named
from bot.services.context import Context
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
    session.delete(binding)
    session.flush()
    ctx.audit("channel.unbound", platform=place.platform, channel=place.channel_id)
    return Reply(what_changes(session, group))


def what_changes(session: Session, group: Group) -> str:
    """What the unbinding means for the group: where its cards and reminders go now, or how it gets a channel."""
    left = list(session.scalars(select(ChannelBinding).where(ChannelBinding.group_id == group.id)
                                .order_by(ChannelBinding.id)))
    stops = f"{group.short_name.upper()}'s cards and reminders no longer come to this channel"
    if left:
        return f"{stops}; they still go to {', '.join(channel_named(b) for b in left)}."
    return (f"{stops}. {group.name} has no channel now: its chair or secretariat binds one by saying "
            f"`group bind {group.short_name}` in it.")

