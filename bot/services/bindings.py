"""A channel the platform refused for good (archived, the bot removed): the binding is disabled until someone binds
a channel again, the chair is told once how to do that, and nothing more is queued for it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update
from sqlalchemy.orm import Session

from bot import audit
from bot.models import ChannelBinding, Group
from bot.rules.calendar import show
from bot.services.context import Context, scheduler_context
from bot.services.notices import Notice, chairs
from bot.terms import CHAIR_ROLES


def disable_channel(session: Session, binding_id: int, reason: str, now: dt.datetime) -> Notice | None:
    """Disable the binding (once: None when it already was) and say what the chair should do."""
    result = session.execute(update(ChannelBinding).where(ChannelBinding.id == binding_id,
                                                          ChannelBinding.disabled_at.is_(None))
                             .values(disabled_at=now, disabled_reason=reason[:500]))
    if getattr(result, "rowcount", 0) != 1:
        return None
    binding = session.get(ChannelBinding, binding_id)
    group = session.get(Group, binding.group_id) if binding else None
    if binding is None or group is None:
        return None
    audit.record(session, action="channel.disabled", at=now, group_id=group.id, actor_id=None,
                 platform=binding.platform, channel=binding.channel_id, reason=reason[:500], by="scheduler")
    ctx = scheduler_context(session, group, now)
    text = (f"{channel_named(binding)}, bound to {ctx.terms.name}, refused a reminder on "
            f"{show(now, ctx.terms.zone)} ({reason}). "
            f"The bot has stopped posting there, and the reminders waiting for it are set aside. Once the channel "
            f"is restored (unarchived, the bot invited back), or in another channel of the group, say "
            f"`group bind {group.short_name}` there. `govbot reminders --group {group.short_name}` lists what was "
            f"not sent.")
    return Notice("Channel no longer reachable", text, told_directly(ctx))


def channel_named(binding: ChannelBinding) -> str:
    """How people are told of a bound channel: `#cjcg`, or `the slack channel C123` where its name is not known."""
    return f"#{binding.channel_name}" if binding.channel_name else \
        f"the {binding.platform} channel {binding.channel_id}"


def told_directly(ctx: Context) -> tuple[int, ...]:
    """Who hears what only a direct message can say (the channel refused a post): the chair in term, else the
    secretariat (notices.chairs), else the chair whose term has ended (CJCG 6.2), rather than nobody at all."""
    return chairs(ctx) or tuple(m.person_id for m in ctx.memberships() if m.role in CHAIR_ROLES)
