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
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id"))
    created_at: Mapped[dt.datetime]
    ended_at: Mapped[dt.datetime | None]


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
    """One member's attendance at one meeting: present, apologies, deputised or absent."""

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


class GroupEvent(Base):
    """A ToR review or a report to the parent body, recorded as done."""

    __tablename__ = "group_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # review | report
    done_on: Mapped[dt.date] = mapped_column(Date)
    by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    note: Mapped[str | None] = mapped_column(Text)
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
    __table_args__ = (UniqueConstraint("group_id", "seq"),)


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


# --- Teams: conversation references (handlers/teams) -------------------------------------------------------------


class ChannelReference(Base):
    """What a platform needs to post into a channel later, kept from when the bot was added or first spoken to,
    and the message it last posted for each record (`posts`: subject -> message id) so it can update it in place."""

    __tablename__ = "channel_references"
    __table_args__ = (UniqueConstraint("platform", "channel_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    channel_id: Mapped[str] = mapped_column(String(200))
    reference: Mapped[dict[str, Any]]
    posts: Mapped[dict[str, Any]]
    updated_at: Mapped[dt.datetime]


# --- Slack (handlers/slack): what a platform needs to answer each delivery once and update its messages ---


class PlatformDelivery(Base):
    """A request a platform delivered and we handled; a second delivery with the same key is a retry or replay."""

    __tablename__ = "platform_deliveries"
    __table_args__ = (UniqueConstraint("platform", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[dt.datetime] = mapped_column(index=True)


class PostedMessage(Base):
    """A message the bot posted that shows a record (`subject`, e.g. `poll:12`), so it can be updated in place."""

    __tablename__ = "posted_messages"
    __table_args__ = (UniqueConstraint("platform", "channel_id", "subject"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    channel_id: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(100))
    message_ref: Mapped[str] = mapped_column(String(200))
    posted_at: Mapped[dt.datetime]


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


class SchedulerMark(Base):
    """How far the scheduler has read: the last audit event it planned from and the time of its last pass."""

    __tablename__ = "scheduler_marks"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    audit_id: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[dt.datetime | None]



# Tables kept in modules of their own, imported here so that Base.metadata (and Alembic) knows every table.
from bot.models_pacing import ChannelPace as ChannelPace  # noqa: E402
