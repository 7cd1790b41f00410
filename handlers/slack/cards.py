"""Where each record's card (a poll, a meeting) was posted in a Slack channel, so later changes update it in place
(kept in the record's one table of posted cards, bot.services.posted_cards)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.refs import RecordRef
from bot.services.posted_cards import (
    PostedCard,
    channels_showing,
    note_shown,
    posted_card,
    remember_card,
    replace_card,
    shows_another,
)
from bot.services.posted_cards import (
    shows_later as later_shown,
)
from bot.services.speakers import Place
from handlers.slack.payloads import PLATFORM


def card_ts(sessions: sessionmaker[Session], channel_id: str, ref: RecordRef, clicked: str | None = None) -> str | None:
    """The `ts` of the message showing `ref` in the channel, if the bot posted one; else the message `clicked` (a
    card posted before the bot noted its cards), unless that is another record's card: a click names its message
    itself, and one naming another poll's card would have that card rewritten as this one."""
    with sessions() as session:
        return _card_ts(session, Place(PLATFORM, channel_id), ref, clicked)


def channels(sessions: sessionmaker[Session], ref: RecordRef) -> list[str]:
    """The Slack channels where a card of `ref` was posted (a group's channel, for a vote in a direct message)."""
    with sessions() as session:
        return channels_showing(session, PLATFORM, ref)


def placed(sessions: sessionmaker[Session], channel_id: str, ref: RecordRef, clicked: str | None,
           version: int | None) -> tuple[str | None, bool]:
    """`card_ts`, and whether that card shows a change after `version` (`shows_later`), read in one session."""
    place = Place(PLATFORM, channel_id)
    with sessions() as session:
        ts = _card_ts(session, place, ref, clicked)
        return ts, ts is not None and version is not None and later_shown(session, place, ref, version)


def _card_ts(session: Session, place: Place, ref: RecordRef, clicked: str | None) -> str | None:
    card = posted_card(session, place, ref)
    if card is None and clicked is not None and shows_another(session, place, clicked, ref):
        clicked = None
    return card.message if card is not None else clicked


def remember(sessions: sessionmaker[Session], channel_id: str, ref: RecordRef, ts: str, now: dt.datetime,
             shown: int | None = None) -> str | None:
    """Record that message `ts` shows `ref`; the first card posted for a record stays the one updated. With `shown`,
    the change the card shows is noted in the same transaction (as `shown` would note it). Returns None where `ts`
    is the record's card now; else the `ts` of the card another delivery (on any replica) noted first, which is
    kept, and nothing is noted."""
    place = Place(PLATFORM, channel_id)
    try:
        with unit_of_work(sessions) as session:
            earlier = remember_card(session, place, ref, PostedCard(ts), now, latest=False)
            if earlier is None and shown is not None:
                note_shown(session, place, ref, shown)
    except IntegrityError:  # another delivery's first card was noted in between
        with sessions() as session:
            earlier = posted_card(session, place, ref)
    return earlier.message if earlier is not None and earlier.message != ts else None


def replace(sessions: sessionmaker[Session], channel_id: str, ref: RecordRef, gone_ts: str, ts: str,
            now: dt.datetime) -> None:
    """Record that message `ts` now shows `ref`, in place of `gone_ts` (deleted, or no longer editable)."""
    with unit_of_work(sessions) as session:
        moved = replace_card(session, Place(PLATFORM, channel_id), ref, gone_ts, PostedCard(ts), now)
    if not moved:
        remember(sessions, channel_id, ref, ts, now)


def shows_later(sessions: sessionmaker[Session], channel_id: str, ref: RecordRef, version: int) -> bool:
    """Whether the card of `ref` here shows a change after `version` (a `Reply.version`), put there by any replica."""
    with sessions() as session:
        return later_shown(session, Place(PLATFORM, channel_id), ref, version)


def shown(sessions: sessionmaker[Session], channel_id: str, ref: RecordRef, version: int) -> None:
    """Note that the card of `ref` here now shows change `version`, for every replica's `shows_later`."""
    with unit_of_work(sessions) as session:
        note_shown(session, Place(PLATFORM, channel_id), ref, version)
