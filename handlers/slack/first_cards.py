"""One post at a time of a record's card in a channel, within a process. A card is noted (handlers/slack/cards.py)
only once Slack has answered its post; a second command on the same record arriving meanwhile (`meeting schedule`,
then at once `meeting open`) found no card noted and posted one of its own, which nothing noted or updated again.
Held around showing a record, the later command finds the first card noted and updates it. Replicas hold no lock
in common: where two posted a first card at once, the one noted second gives way (`give_way`)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from slack_sdk.errors import SlackApiError

from bot.replies import Reply
from handlers.keyed_locks import KeyedLocks
from handlers.slack import cards
from handlers.slack.render import message

if TYPE_CHECKING:
    from handlers.slack.answer import Exchange

logger = logging.getLogger(__name__)

Key = tuple[str, str]  # (channel, record key)


class CardPosts:
    """A lock for each (channel, record) being shown now (handlers/keyed_locks.py)."""

    def __init__(self) -> None:
        self._locks: KeyedLocks[threading.Lock] = KeyedLocks(threading.Lock)

    @contextmanager
    def one_at_a_time(self, key: Key) -> Iterator[None]:
        """Hold the card of `key`'s turn: a command showing the same record in the same channel waits for it."""
        lock = self._locks.take(key)
        try:
            with lock:
                yield
        finally:
            self._locks.leave(key)


def give_way(exchange: Exchange, reply: Reply, posted: str, kept: str) -> None:
    """`posted`, a first card of `reply`'s record, lost the race to be noted to `kept` (another replica's): it is
    taken down, so the channel has one card of the record, and `kept` is updated to `reply` unless it shows a later
    change already."""
    core, channel, ref = exchange.core, exchange.place.channel_id, reply.subject
    assert ref is not None  # only a record's card is noted
    try:
        exchange.client.chat_delete(channel=channel, ts=posted)
    except SlackApiError:  # it stays, unchanged: the record is kept, and its noted card is updated below
        logger.exception("could not take down a second card of %s", ref.key)
    if reply.version is not None and cards.shows_later(core.sessions, channel, ref, reply.version):
        return
    exchange.client.chat_update(channel=channel, ts=kept, **message(reply))
    exchange.noted(reply)
