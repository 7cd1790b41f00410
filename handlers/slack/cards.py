"""Where each record's card (a poll, a meeting) was posted in a Slack channel, so later changes update it in place
(kept in the record's one table of posted cards, bot.services.posted_cards)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.refs import RecordRef
from bot.services.posted_cards import PostedCard, posted_card, remember_card, replace_card
from bot.services.speakers import Place
from handlers.slack.payloads import PLATFORM


def card_ts(sessions: sessionmaker[Session], channel_id: str, ref: RecordRef) -> str | None:
    """The `ts` of the message showing `ref` in the channel, if the bot posted one."""
    with sessions() as session:
        card = posted_card(session, Place(PLATFORM, channel_id), ref)
    return card.message if card is not None else None


def remember(sessions: sessionmaker[Session], channel_id: str, ref: RecordRef, ts: str, now: dt.datetime) -> None:
    """Record that message `ts` shows `ref`; the first card posted for a record stays the one updated."""
    try:
        with unit_of_work(sessions) as session:
            remember_card(session, Place(PLATFORM, channel_id), ref, PostedCard(ts), now, latest=False)
    except IntegrityError:
        pass  # another delivery posted this record's card first; that one is kept


def replace(sessions: sessionmaker[Session], channel_id: str, ref: RecordRef, gone_ts: str, ts: str,
            now: dt.datetime) -> None:
    """Record that message `ts` now shows `ref`, in place of `gone_ts` (deleted, or no longer editable)."""
    with unit_of_work(sessions) as session:
        moved = replace_card(session, Place(PLATFORM, channel_id), ref, gone_ts, PostedCard(ts), now)
    if not moved:
        remember(sessions, channel_id, ref, ts, now)
