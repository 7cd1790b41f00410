"""`group unbind`: a channel stops being one of its group's channels, on the word of one who may bind a channel for
that group (the same power `group bind` asks for). The group's other channels keep it; its cards and reminders go
only to those from then on (the scheduler reads a group's channels when it sends)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import audit
from bot.errors import NotFound
from bot.models import ChannelBinding, Group, Person
from bot.replies import Reply
from bot.services import authority, groups
from bot.services.context import Context, Place
from bot.verbs import GroupUnbind

NOT_BOUND = "This channel is not bound to a group; nothing changed."


def unbind(session: Session, actor_id: int, place: Place, now: dt.datetime) -> Reply:
    """Remove `place`'s binding to its group. Raises NotFound when the channel is bound to no group, and
    NotAllowed, saying who may and the clause, unless the actor may bind a channel for that group."""
    group = None if place.direct else groups.group_for(session, place)
    if group is None:
        raise NotFound(NOT_BOUND)
    actor = session.get_one(Person, actor_id)
    ctx = Context(session=session, group=group, actor=actor, now=now, platform=place.platform)
    authority.require(ctx, GroupUnbind.act, f"unbind a channel from {group.name}")
    binding = session.scalar(select(ChannelBinding).where(ChannelBinding.platform == place.platform,
                                                          ChannelBinding.channel_id == place.channel_id))
    if binding is None:  # pragma: no cover - group_for found it in this same transaction
        raise NotFound(NOT_BOUND)
    session.delete(binding)
    session.flush()
    audit.record(session, action="channel.unbound", at=now, group_id=group.id, actor_id=actor_id,
                 platform=place.platform, channel=place.channel_id)
    return Reply(what_changes(session, group))


def what_changes(session: Session, group: Group) -> str:
    """What the unbinding means for the group: where its cards and reminders go now, or how it gets a channel."""
    left = list(session.scalars(select(ChannelBinding).where(ChannelBinding.group_id == group.id)
                                .order_by(ChannelBinding.id)))
    stops = f"{group.short_name.upper()}'s cards and reminders no longer come to this channel"
    if left:
        return f"{stops}; they still go to {', '.join(named(b) for b in left)}."
    return (f"{stops}. {group.name} has no channel now: its chair or secretariat binds one by saying "
            f"`group bind {group.short_name}` in it.")


def named(binding: ChannelBinding) -> str:
    return f"#{binding.channel_name}" if binding.channel_name else \
        f"the {binding.platform} channel {binding.channel_id}"
