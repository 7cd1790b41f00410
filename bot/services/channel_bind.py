"""`group bind`: a channel becomes a group's channel, on the word of one who may bind a channel for that group and,
where the channel is another group's now, of one who may bind a channel for that group too (its chair gives the
channel away; nobody else takes it)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from bot.errors import NotAllowed
from bot.models import Group, Person
from bot.replies import Reply
from bot.services import authority, ended, groups
from bot.services.context import Context, Place
from bot.verbs import GroupBind


def bind(session: Session, actor_id: int, place: Place, short_name: str, now: dt.datetime) -> Reply:
    """Bind `place` to the group `short_name`. Raises NotFound for a group the actor may not know of, and
    NotAllowed, saying who may, unless the actor may bind a channel for it and, when the channel is another group's
    still (one that has not ended, early or at the date its ToR gives it), for that group as well."""
    group = groups.group_named(session, short_name, seen_by=actor_id)
    actor = session.get_one(Person, actor_id)
    ctx = Context(session=session, group=group, actor=actor, now=now, platform=place.platform)
    authority.require(ctx, GroupBind.act, f"bind a channel to {group.name}")
    held = groups.group_for(session, place)
    if held is not None and held.id != group.id and held.ended_at is None:
        holder = Context(session=session, group=held, actor=actor, now=now, platform=place.platform)
        if ended.stopped(holder) is None:  # a group that has ended keeps its record, not its channel
            require_giving(holder, group)
    return groups.bind_channel(session, group, place, now, actor_id)


def require_giving(holder: Context, taker: Group) -> None:
    """Return when the actor may give the channel of `holder`'s group to `taker`; else raise NotAllowed saying who
    may, and how `taker` gets a channel of its own."""
    try:
        authority.require(holder, GroupBind.act, f"give this channel, the channel of {holder.group.name}, to "
                                                 "another group")
    except NotAllowed as refused:
        raise NotAllowed(f"{refused.message} Nothing was changed: this is still the channel of {holder.group.name}. "
                         f"For {taker.name}, make a channel of its own and say `group bind {taker.short_name}` "
                         "there.") from None
