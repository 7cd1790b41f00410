"""The record: SQLAlchemy typed models. Times are stored in UTC."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from bot.terms_stored import stored

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores aware datetimes as naive UTC; returns them aware, in UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the record; times must be timezone-aware")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class Group(Base):
    __tablename__ = "groups"
    id: Mapped[int] = mapped_column(primary_key=True)
    short_name: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    terms_yaml: Mapped[str] = mapped_column(Text)
    # The validated ToR as JSON, read instead of the YAML while the digest matches (bot/terms_stored.py).
    terms_digest: Mapped[str | None] = mapped_column(String(64))
    terms_json: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id"))
    created_at: Mapped[dt.datetime]
    ended_at: Mapped[dt.datetime | None]

    @validates("terms_yaml")
    def _keep_terms_json(self, _key: str, terms_yaml: str) -> str:
        """Whoever sets the YAML sets the validated JSON kept beside it."""
        self.terms_digest, self.terms_json = stored(terms_yaml, self.short_name or "the group")
        return terms_yaml


class ChannelBinding(Base):
    """A chat channel bound to a group; `conversation` keeps what a platform needs to post there later."""

    __tablename__ = "channel_bindings"
    __table_args__ = (UniqueConstraint("platform", "channel_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    channel_id: Mapped[str] = mapped_column(String(200))
    channel_name: Mapped[str | None] = mapped_column(String(200))
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    conversation: Mapped[dict[str, Any] | None]
    confidentiality_warned: Mapped[bool] = mapped_column(Boolean, default=False)
    bound_at: Mapped[dt.datetime]
    disabled_at: Mapped[dt.datetime | None]  # the platform refused it for good (archived); `group bind` again
    disabled_reason: Mapped[str | None] = mapped_column(Text)


class Person(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    forgotten: Mapped[bool] = mapped_column(Boolean, default=False)
    identities: Mapped[list[Identity]] = relationship(back_populates="person")


class Identity(Base):
    """A person's account on one platform (`console`, `slack`, `teams`)."""

    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(200))
    handle: Mapped[str] = mapped_column(String(200), index=True)
    person: Mapped[Person] = relationship(back_populates="identities")


class Membership(Base):
    """A person holding a seat of a group for a term; `ended_at` set when they leave it."""

    __tablename__ = "memberships"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    seat_title: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    term_starts_on: Mapped[dt.date] = mapped_column(Date)
    term_ends_on: Mapped[dt.date | None] = mapped_column(Date)
    chair_term_ends_on: Mapped[dt.date | None] = mapped_column(Date)
    ended_at: Mapped[dt.datetime | None]
    also: Mapped[str | None] = mapped_column(String(200))  # a capacity a composition rule asks about
    person: Mapped[Person] = relationship()


class DeputyNomination(Base):
    """A member names a deputy: standing (no meeting) or for one meeting."""

    __tablename__ = "deputy_nominations"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    deputy_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    nominated_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]
    member: Mapped[Person] = relationship(foreign_keys=[member_id])
    deputy: Mapped[Person] = relationship(foreign_keys=[deputy_id])


class Meeting(Base):
    """A meeting of a group; `number` is what people call it (1, 2, 3… in each group), `id` is the record's own."""

    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("group_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    starts_at: Mapped[dt.datetime] = mapped_column(index=True)
    place: Mapped[str | None] = mapped_column(String(500))
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    minute_taker_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    status: Mapped[str] = mapped_column(String(16), default="scheduled")
    opened_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]
    quorate_at_open: Mapped[bool | None]
    close_noticed_at: Mapped[dt.datetime | None]  # when the scheduler took note of the close (0012)
    items: Mapped[list[AgendaItem]] = relationship(order_by="AgendaItem.position")


class AgendaItem(Base):
    __tablename__ = "agenda_items"
    __table_args__ = (UniqueConstraint("meeting_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    minute: Mapped[str | None] = mapped_column(Text)  # the discussion, as minuted
    resolution: Mapped[str | None] = mapped_column(Text)  # what was resolved, vote or no vote


class Attendance(Base):
    """One member's attendance at one meeting: present, apologies, deputised or absent; or a guest's (no seat)."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    status: Mapped[str] = mapped_column(String(16))
    deputy_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    reason: Mapped[str | None] = mapped_column(String(500))
    recorded_at: Mapped[dt.datetime]
    apologies_at: Mapped[dt.datetime | None]  # kept when a deputy then attends: minutes list both
    left_at: Mapped[dt.datetime | None]  # left the open meeting early: attended, but counts and votes no more
    relieved_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))  # deputy who stood down on arrival
    relieved_at: Mapped[dt.datetime | None]  # when that deputy stood down
    beside_left_at: Mapped[dt.datetime | None]  # when one attending beside the member (deputy_id, LIEG 2.4) left
    organisation: Mapped[str | None] = mapped_column(String(200))  # a guest's (status "guest"), as recorded


class Interest(Base):
    """A declaration of interest, or of none, by a person for a group (optionally a meeting and item)."""

    __tablename__ = "interests"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    nature: Mapped[str | None] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text)
    no_interests: Mapped[bool] = mapped_column(Boolean, default=False)
    declared_at: Mapped[dt.datetime]
    person: Mapped[Person] = relationship()


# Tables kept in modules of their own, imported here so that Base.metadata (and Alembic) knows every table.
from bot.models_delivery import ChannelReference as ChannelReference  # noqa: E402
from bot.models_delivery import PlatformDelivery as PlatformDelivery  # noqa: E402
from bot.models_delivery import PostedMessage as PostedMessage  # noqa: E402
from bot.models_delivery import ReminderGiven as ReminderGiven  # noqa: E402
from bot.models_delivery import ReminderPlan as ReminderPlan  # noqa: E402
from bot.models_delivery import SchedulerMark as SchedulerMark  # noqa: E402
from bot.models_events import AuditEvent as AuditEvent  # noqa: E402
from bot.models_events import GroupEvent as GroupEvent  # noqa: E402
from bot.models_events import OutboxMessage as OutboxMessage  # noqa: E402
from bot.models_pacing import ChannelPace as ChannelPace  # noqa: E402
from bot.models_polls import Ballot as Ballot  # noqa: E402
from bot.models_polls import Poll as Poll  # noqa: E402
from bot.models_polls import PollOption as PollOption  # noqa: E402
from bot.models_polls import SecretTally as SecretTally  # noqa: E402
from bot.models_polls import SecretVoter as SecretVoter  # noqa: E402
from bot.models_records import ActionItem as ActionItem  # noqa: E402
from bot.models_records import ApprovedMinutes as ApprovedMinutes  # noqa: E402
from bot.models_records import CalendarFeed as CalendarFeed  # noqa: E402
from bot.models_records import MinutesTemplate as MinutesTemplate  # noqa: E402
from bot.models_records import QuorumCheck as QuorumCheck  # noqa: E402
