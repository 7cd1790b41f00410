"""Which Slack workspace a bound channel belongs to, so later notifications go out with that workspace's token."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import ChannelBinding
from bot.services.context import Place


def remember_team(sessions: sessionmaker[Session], place: Place, team_id: str | None) -> None:
    """Keep the channel's workspace in its binding's `conversation` (what the notifier needs to post there)."""
    if not team_id:
        return
    with unit_of_work(sessions) as session:
        binding = session.scalar(select(ChannelBinding).where(ChannelBinding.platform == place.platform,
                                                              ChannelBinding.channel_id == place.channel_id))
        if binding is not None and (binding.conversation or {}).get("team_id") != team_id:
            binding.conversation = {**(binding.conversation or {}), "team_id": team_id}
