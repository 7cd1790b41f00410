"""What the platforms and the scheduler keep: conversation references, deliveries, posted messages, reminders."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.models import Base

# --- Teams: conversation references (handlers/teams) -------------------------------------------------------------


class ChannelReference(Base):
    """What a platform needs to post into a channel later, kept from when the bot was added or first spoken to."""

    __tablename__ = "channel_references"
    __table_args__ = (UniqueConstraint("platform", "channel_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    channel_id: Mapped[str] = mapped_column(String(200))
    reference: Mapped[dict[str, Any]]
    updated_at: Mapped[dt.datetime]


# --- Every platform: what it needs to answer each delivery once and update the cards it posted ---


class PlatformDelivery(Base):
    """A request a platform delivered and we handled; a second delivery with the same key is a retry or replay."""

    __tablename__ = "platform_deliveries"
    __table_args__ = (UniqueConstraint("platform", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[dt.datetime] = mapped_column(index=True)


class PostedMessage(Base):
    """Which message shows a record in a channel (`subject`, a `RecordRef.key` such as `poll:12`), on any platform,
    so it can be updated in place: Slack's message `ts`; Teams' activity id, and the `conversation` (the thread)
    it was posted in."""

    __tablename__ = "posted_messages"
    __table_args__ = (UniqueConstraint("platform", "channel_id", "subject"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    channel_id: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(100))
    message_ref: Mapped[str] = mapped_column(String(200))
    conversation: Mapped[str | None] = mapped_column(String(400))
    posted_at: Mapped[dt.datetime]
    # The group's change (its place in the audit chain, `Reply.version`) the message was last updated to show, so no
    # replica puts back a card showing an earlier one (0021); None: not known, any card may replace it.
    shown_change: Mapped[int | None] = mapped_column(Integer)


# --- Scheduler: the reminders the record implies, planned ahead, and how far the scheduler has read ---


class ReminderPlan(Base):
    """One reminder the ToR implies (`occurrence` says what and which), due at `due_at`; replanned when its group
    changes, and turned into outbox messages when due."""

    __tablename__ = "reminder_plan"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str | None] = mapped_column(String(100))  # `meeting:12`
    instance: Mapped[str | None] = mapped_column(String(40))  # the meeting's start, the term's end date (0012)
    occurrence: Mapped[str] = mapped_column(String(200), unique=True)  # the key, from kind, subject and instance
    due_at: Mapped[dt.datetime] = mapped_column(index=True)
    expires_at: Mapped[dt.datetime | None]


class ReminderGiven(Base):
    """A reminder whose moment moves with the clock (the overdue meeting's: planned at the next reminder time until
    the meeting is scheduled), kept once it went to the outbox. The outbox prunes its sent messages after the
    retention, and with them the key that stopped a replan queueing it again (0023)."""

    __tablename__ = "reminders_given"
    occurrence: Mapped[str] = mapped_column(String(200), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    given_at: Mapped[dt.datetime]


class SchedulerMark(Base):
    """How far the scheduler has read: the last audit event it planned from and the time of its last pass; on
    PostgreSQL also the snapshot it read them in (`pg_current_snapshot()`), so the next pass reads every event
    that snapshot could not see, whatever its id."""

    __tablename__ = "scheduler_marks"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    audit_id: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[dt.datetime | None]
    snapshot: Mapped[str | None] = mapped_column(Text)
