"""What happened to a group: events recorded as done, the audit trail, and the outbox of messages to send."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.models import Base


class GroupEvent(Base):
    """A ToR review or a report to the parent body recorded as done, or the group ended before its date."""

    __tablename__ = "group_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # review | report | ended
    done_on: Mapped[dt.date] = mapped_column(Date)
    by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    note: Mapped[str | None] = mapped_column(Text)
    # The motion whose carrying ended the group (`group end --motion N`), where the ToR ends it by a vote (0021).
    poll_id: Mapped[int | None] = mapped_column(ForeignKey("polls.id"))
    recorded_at: Mapped[dt.datetime]


class AuditEvent(Base):
    """An append-only log of every change; each row carries the hash of the one before."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime]
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # Place in its group's chain (1, 2, …; None for events from before chains were per group, 0011), and the
    # digest of each record row the event changed ({"polls/12": sha256, or None when deleted}).
    seq: Mapped[int | None] = mapped_column(Integer)
    rows: Mapped[dict[str, Any] | None]
    # The PostgreSQL transaction that wrote the event (its default, `pg_current_xact_id()`; None on SQLite, whose
    # single writer commits events in id order): the scheduler reads the events its last pass could not yet see.
    xact: Mapped[int | None] = mapped_column(BigInteger, server_default=FetchedValue(), index=True)
    # A member's changes in a group over the last hour are counted before each change is kept
    # (bot/services/record_pace.py): read from this index alone, however long the group's trail.
    __table_args__ = (UniqueConstraint("group_id", "seq"), Index("ix_audit_events_member_pace", "group_id",
                                                                 "actor_id", "at"))


class OutboxMessage(Base):
    """A notification to deliver once; `key` says what, for whom and which occurrence."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))  # None: the group's channels
    text: Mapped[str] = mapped_column(Text)
    due_at: Mapped[dt.datetime]
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(index=True)
    claimed_until: Mapped[dt.datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[dt.datetime | None]
    # Added by the scheduler (0002): when sending stops being useful, and which bound channel it goes to
    # (None: a direct message to recipient_id).
    expires_at: Mapped[dt.datetime | None]
    channel_binding_id: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(String(200))
    # 0012: the reminder it delivers (composed from the record when sent), or a prepared reply sent as stored.
    reminder: Mapped[str | None] = mapped_column(String(200), index=True)
    subject: Mapped[str | None] = mapped_column(String(100))
    instance: Mapped[str | None] = mapped_column(String(40))
    composed: Mapped[bool] = mapped_column(Boolean, default=False)
    reply: Mapped[dict[str, Any] | None]
