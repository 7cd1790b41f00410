"""The shared pace of each channel's card refreshes, kept in the record so every replica keeps to one pace."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from bot.models import Base


class ChannelPace(Base):
    """When the bot last refreshed a card in a channel (any replica): the next refresh waits for the pace."""

    __tablename__ = "channel_paces"
    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    refreshed_at: Mapped[dt.datetime]
