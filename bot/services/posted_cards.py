"""Which message shows a record in a channel, on every platform: one row per (channel, record), so a later change
updates that message in place instead of posting the record again.

What a platform needs to find its message again is `message` (Slack's `ts`, Teams' activity id) and, where
messages live in threads of their own, `conversation` (the Teams thread).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, bindparam, or_, select, update
from sqlalchemy.orm import Session

from bot.models import PostedMessage
from bot.refs import RecordRef
from bot.services.speakers import Place


@dataclass(frozen=True)
class PostedCard:
    """Where a card is: the message, and the thread it is in where the platform needs one."""

    message: str
    conversation: str | None = None


def _where(place: Place, ref: RecordRef) -> tuple[ColumnElement[bool], ...]:
    return (PostedMessage.platform == place.platform, PostedMessage.channel_id == place.channel_id,
            PostedMessage.subject == ref.key)


# The statements asked after every card a command shows, built once with their values as parameters: building one
# anew cost more Python than running it (SQLAlchemy caches the SQL, not the expression).
_ANY = (PostedMessage.platform == bindparam("in_platform"), PostedMessage.channel_id == bindparam("in_channel"),
        PostedMessage.subject == bindparam("of_subject"))
_POSTED = select(PostedMessage.message_ref, PostedMessage.conversation).where(*_ANY)
_LATER = select(PostedMessage.id).where(*_ANY, PostedMessage.shown_change > bindparam("version"))
# No object in the session is brought up to date: the change shown is only ever read back by `shows_later`, in SQL.
_NOTE = update(PostedMessage).where(*_ANY, or_(PostedMessage.shown_change.is_(None),
                                               PostedMessage.shown_change < bindparam("version")))\
    .values(shown_change=bindparam("version")).execution_options(synchronize_session=False)


def _of(place: Place, ref: RecordRef, **more: object) -> dict[str, object]:
    return {"in_platform": place.platform, "in_channel": place.channel_id, "of_subject": ref.key, **more}


def posted_card(session: Session, place: Place, ref: RecordRef) -> PostedCard | None:
    """The message showing `ref` in `place`, if the bot posted one."""
    row = session.execute(_POSTED, _of(place, ref)).first()
    return PostedCard(row.message_ref, row.conversation) if row is not None else None


def shows_another(session: Session, place: Place, message: str, ref: RecordRef) -> bool:
    """Whether `message` in `place` is the card of a record other than `ref` (so must not be rewritten as ref's)."""
    return session.scalar(select(PostedMessage.id).where(
        PostedMessage.platform == place.platform, PostedMessage.channel_id == place.channel_id,
        PostedMessage.message_ref == message, PostedMessage.subject != ref.key).limit(1)) is not None


def remember_card(session: Session, place: Place, ref: RecordRef, card: PostedCard, now: dt.datetime, *,
                  latest: bool) -> PostedCard | None:
    """Note that `card` shows `ref` in `place`. With `latest` the newest card posted for a record becomes the one
    updated (Teams); without, the first stays (Slack, where two deliveries may race to post it). A race to insert
    the first row raises IntegrityError, which the caller may take as "another post came first". Returns the card
    that showed `ref` before, if another did."""
    row = session.scalar(select(PostedMessage).where(*_where(place, ref)))
    if row is None:
        session.add(PostedMessage(platform=place.platform, channel_id=place.channel_id, subject=ref.key,
                                  message_ref=card.message, conversation=card.conversation, posted_at=now))
        return None
    earlier = PostedCard(row.message_ref, row.conversation)
    if latest:
        row.message_ref, row.conversation, row.posted_at = card.message, card.conversation, now
    return earlier if earlier.message != card.message else None


def replace_card(session: Session, place: Place, ref: RecordRef, gone: str, card: PostedCard,
                 now: dt.datetime) -> bool:
    """Note that `card` shows `ref` in place of message `gone` (deleted, or no longer editable). False when the row
    no longer names `gone` (another process replaced it first, or there was none)."""
    moved = session.execute(update(PostedMessage).where(*_where(place, ref), PostedMessage.message_ref == gone)
                            .values(message_ref=card.message, conversation=card.conversation, posted_at=now))
    return bool(getattr(moved, "rowcount", 0))


def shows_later(session: Session, place: Place, ref: RecordRef, version: int) -> bool:
    """Whether the card showing `ref` in `place` was last updated to a change after `version`, by any replica."""
    return session.scalar(_LATER, _of(place, ref, version=version)) is not None


def note_shown(session: Session, place: Place, ref: RecordRef, version: int) -> None:
    """Note that the card showing `ref` now shows change `version`, unless it was updated to a later one since."""
    session.execute(_NOTE, _of(place, ref, version=version))


def channels_showing(session: Session, platform: str, ref: RecordRef) -> list[str]:
    """The channels on `platform` where a card the bot posted shows `ref`: where a change made elsewhere (a vote in
    a direct message) is to be shown."""
    return list(session.scalars(select(PostedMessage.channel_id).where(
        PostedMessage.platform == platform, PostedMessage.subject == ref.key).order_by(PostedMessage.id)))
