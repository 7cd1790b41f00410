"""A chat workspace that removes govbot (uninstalls it, revokes its token) and one that installs it again: the
group channels there stop receiving records and reminders, and start again.

A binding's workspace is kept in its `conversation` (`team_id`), and the organisation it belongs to where the
platform names one (Slack's Enterprise Grid: `enterprise_id`); a disabled binding keeps there, under `disabled`,
why and since when, so the scheduler passes it over and a re-install can restore it. An organisation that removes
govbot as a whole (an org-wide install) stops every channel bound in it, as a workspace does its own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import audit
from bot.models import ChannelBinding, OutboxMessage

DISABLED = "disabled"
WORKSPACE, ORGANISATION = "team_id", "enterprise_id"  # where a binding's `conversation` keeps each


def disabled_reason(binding: ChannelBinding) -> str | None:
    """Why the binding's channel gets nothing now (the platform refused it for good, e.g. archived; or its
    workspace removed govbot), or None when it is in use."""
    if binding.disabled_at is not None:
        return (f"the platform refused the channel ({binding.disabled_reason}); it posts again once bound again "
                "with `group bind`")
    disabled = (binding.conversation or {}).get(DISABLED)
    return str(disabled["reason"]) if isinstance(disabled, dict) else None


def bindings_in(session: Session, platform: str, team_id: str, kept_as: str = WORKSPACE) -> list[ChannelBinding]:
    """The bindings kept as bound in workspace `team_id` (or, `kept_as` ORGANISATION, in that organisation)."""
    rows = session.scalars(select(ChannelBinding).where(ChannelBinding.platform == platform)
                           .order_by(ChannelBinding.id))
    return [b for b in rows if (b.conversation or {}).get(kept_as) == team_id]


def disable_workspace(session: Session, platform: str, team_id: str, reason: str, now: dt.datetime,
                      kept_as: str = WORKSPACE) -> int:
    """Stop using every channel bound in the workspace (`kept_as` ORGANISATION: in the organisation `team_id`, all
    its workspaces): mark its bindings disabled, set its queued reminders aside with `reason`, and audit it for
    each group. Returns how many bindings were disabled."""
    bindings = [b for b in bindings_in(session, platform, team_id, kept_as) if disabled_reason(b) is None]
    for binding in bindings:
        binding.conversation = {**(binding.conversation or {}),
                                DISABLED: {"reason": reason, "at": now.isoformat()}}
        set_aside = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.channel_binding_id == binding.id, OutboxMessage.status == "queued")
            .values(status="expired", claimed_until=None, last_error=reason))
        audit.record(session, action="channel.disabled", at=now, group_id=binding.group_id, actor_id=None,
                     **detail(binding, team_id, kept_as), reason=reason,
                     reminders_set_aside=int(getattr(set_aside, "rowcount", 0) or 0))
    return len(bindings)


def restore_workspace(session: Session, platform: str, team_id: str, now: dt.datetime,
                      kept_as: str = WORKSPACE) -> int:
    """govbot is installed in the workspace (`kept_as` ORGANISATION: the organisation) again: its disabled bindings
    are in use again, audited for each group. Returns how many were restored. (Reminders set aside meanwhile stay
    set aside: they are out of date.)"""
    bindings = [b for b in bindings_in(session, platform, team_id, kept_as) if disabled_reason(b) is not None]
    for binding in bindings:
        binding.conversation = {k: v for k, v in (binding.conversation or {}).items() if k != DISABLED}
        audit.record(session, action="channel.restored", at=now, group_id=binding.group_id, actor_id=None,
                     **detail(binding, team_id, kept_as))
    return len(bindings)


def detail(binding: ChannelBinding, team_id: str, kept_as: str = WORKSPACE) -> dict[str, Any]:
    where = "organisation" if kept_as == ORGANISATION else "workspace"
    return {"platform": binding.platform, where: team_id, "channel": binding.channel_id}
