"""Motions and polls: their options, the ballots cast, and who voted and what was counted in a secret vote."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.models import Base


class Poll(Base):
    """A motion (for / against / abstain under the ToR's voting rule) or a poll with its own options. Motions and
    polls share one numbering per group (`number`: 1, 2, 3…), which every command and message uses."""

    __tablename__ = "polls"
    __table_args__ = (UniqueConstraint("group_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    kind: Mapped[str] = mapped_column(String(16))
    question: Mapped[str] = mapped_column(Text)
    secret: Mapped[bool] = mapped_column(Boolean, default=False)
    multi: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16))
    proposed_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    tabled_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    proposed_at: Mapped[dt.datetime]
    opened_at: Mapped[dt.datetime | None]
    closes_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    closed_at: Mapped[dt.datetime | None]
    outcome: Mapped[str | None] = mapped_column(Text)
    options: Mapped[list[PollOption]] = relationship(order_by="PollOption.position")


class PollOption(Base):
    __tablename__ = "poll_options"
    __table_args__ = (UniqueConstraint("poll_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200))


class Ballot(Base):
    """An open ballot: whose vote it is, who cast it (the member or their deputy), and the choices."""

    __tablename__ = "ballots"
    __table_args__ = (UniqueConstraint("poll_id", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    cast_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    choices: Mapped[list[Any]]
    cast_at: Mapped[dt.datetime]


class SecretVoter(Base):
    """Who has voted in a secret poll, kept apart from what was voted."""

    __tablename__ = "secret_voters"
    __table_args__ = (UniqueConstraint("poll_id", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("people.id"))


class SecretTally(Base):
    """The running count for one option of a secret poll: no row per ballot, so nothing links a voter to a choice."""

    __tablename__ = "secret_tallies"
    __table_args__ = (UniqueConstraint("poll_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer, default=0)
