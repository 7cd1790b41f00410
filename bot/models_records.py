"""Records: approved minutes, quorum at each check, calendar feeds and action items."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.models import Base

# --- Records: approved minutes, quorum at each check, calendar feeds ---------------------------------------------


class ApprovedMinutes(Base):
    """The minutes of a meeting as approved: the text, its SHA-256, and who approved them. Locks the meeting."""

    __tablename__ = "approved_minutes"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), unique=True)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    approved_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    approved_at: Mapped[dt.datetime]


class QuorumCheck(Base):
    """The quorum as it stood when a meeting opened (`poll_id` None) or when a vote was opened."""

    __tablename__ = "quorum_checks"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    poll_id: Mapped[int | None] = mapped_column(ForeignKey("polls.id"))
    quorate: Mapped[bool] = mapped_column(Boolean)
    counted: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    checked_at: Mapped[dt.datetime]


class CalendarFeed(Base):
    """A group's calendar feed and the secret token its URL carries."""

    __tablename__ = "calendar_feeds"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), unique=True)
    token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime]


class ActionItem(Base):
    """An action agreed at a meeting: what, who owns it, by when, and when it was done. Like meetings and polls it
    has a `number`, 1, 2, 3… in its group, which people see and type (`action done 2`)."""

    __tablename__ = "action_items"
    __table_args__ = (UniqueConstraint("group_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    text: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    recorded_at: Mapped[dt.datetime]
    done_at: Mapped[dt.datetime | None]


class MinutesTemplate(Base):
    """A group's house Word template for its minutes (the ToR's `minutes.template`), read when the ToR was loaded
    and kept in the record, so every replica files the minutes on it whatever its disk holds."""

    __tablename__ = "minutes_templates"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), unique=True)
    name: Mapped[str] = mapped_column(String(500))  # the file as the ToR names it
    document: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[dt.datetime]
