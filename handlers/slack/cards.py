"""Where each record's card (a poll, a motion) was posted in a channel, so later changes update it in place."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import PostedMessage
from handlers.slack.payloads import PLATFORM


def card_ts(sessions: sessionmaker[Session], channel_id: str, subject: str) -> str | None:
    """The `ts` of the message showing `subject` in the channel, if the bot posted one."""
    with sessions() as session:
        return session.scalar(select(PostedMessage.message_ref).where(
            PostedMessage.platform == PLATFORM, PostedMessage.channel_id == channel_id,
            PostedMessage.subject == subject))


def remember(sessions: sessionmaker[Session], channel_id: str, subject: str, ts: str, now: dt.datetime) -> None:
    """Record that message `ts` shows `subject`; the first card posted for a subject stays the one updated."""
    try:
        with unit_of_work(sessions) as session:
            session.add(PostedMessage(platform=PLATFORM, channel_id=channel_id, subject=subject, message_ref=ts,
                                      posted_at=now))
    except IntegrityError:
        pass  # another delivery posted this subject's card first; that one is kept


def replace(sessions: sessionmaker[Session], channel_id: str, subject: str, gone_ts: str, ts: str,
            now: dt.datetime) -> None:
    """Record that message `ts` now shows `subject`, in place of `gone_ts` (deleted, or no longer editable)."""
    with unit_of_work(sessions) as session:
        moved = session.execute(update(PostedMessage).where(
            PostedMessage.platform == PLATFORM, PostedMessage.channel_id == channel_id,
            PostedMessage.subject == subject, PostedMessage.message_ref == gone_ts)
            .values(message_ref=ts, posted_at=now))
    if getattr(moved, "rowcount", 0) == 0:
        remember(sessions, channel_id, subject, ts, now)
