"""Putting a record's card in place after a change: folded per card within a process (Coalesced), paced per channel
across replicas, and never a card showing an earlier change over one showing a later, whichever replica holds it."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from slack_sdk.errors import SlackApiError

from bot.refs import RecordRef
from bot.replies import Reply
from handlers.slack import cards
from handlers.slack.render import message

if TYPE_CHECKING:
    from handlers.slack.answer import Exchange

logger = logging.getLogger(__name__)

CARD_GONE = ("message_not_found", "cant_update_message")  # the card was deleted, or can no longer be edited


def refresh(exchange: Exchange, ref: RecordRef, shown: Reply | None) -> None:
    """Update the channel's card for `ref` with `shown` (the command's own transaction's card; None: read now).
    Refreshes arriving while one runs fold into one more, which reads the card again for each message clicked."""
    key = (exchange.place.channel_id, ref.key)
    core = exchange.core

    def read_now() -> None:
        update_card(exchange, ref, core.card(exchange.speaker, exchange.place, ref))

    def composed() -> None:  # a later change's refresh in this process may have gone first: its card must stay
        turn = exchange.changes.get(ref.key)
        if shown is not None and turn is not None and core.refreshing.latest(key, turn):
            update_card(exchange, ref, shown)
        else:
            read_now()

    try:
        core.refreshing.run(key, composed, read_now, exchange.clicked_ts)
    except Exception:  # the command is recorded and answered; a stale card is not worth failing it for
        logger.exception("could not refresh the card of %s", ref.key)


def update_card(exchange: Exchange, ref: RecordRef, public: Reply | None) -> None:
    """One refresh run: find the card now (it may have been replaced since the vote), then update it, unless any
    replica has since shown a later change on it (its turn in the channel is taken first, so the check and the
    update it allows come a pace apart from another replica's)."""
    if public is None:
        return  # the record has no card here
    core, channel = exchange.core, exchange.place.channel_id
    if core.refreshing.gate is None:  # no turn to wait for: the card and its check are read in one transaction
        with core.serially():
            ts, outdone = cards.placed(core.sessions, channel, ref, exchange.clicked_ts, public.version)
    else:
        ts = exchange.card(ref)
        if ts is not None:
            core.refreshing.wait_turn(channel)  # one pace in the channel for every replica
        outdone = ts is not None and public.version is not None and \
            cards.shows_later(core.sessions, channel, ref, public.version)
    if ts is None:
        return  # no card shows this record here
    if outdone:
        return  # another replica's refresh put a card showing a later change here: this one would undo it
    try:
        exchange.client.chat_update(channel=channel, ts=ts, **message(public))
    except SlackApiError as error:
        if error.response.get("error") not in CARD_GONE:
            raise
        logger.warning("the card of %s is gone (%s); posting a new one", ref.key, error.response.get("error"))
        posted = exchange.client.chat_postMessage(channel=channel, **message(public))
        with core.serially():
            cards.replace(core.sessions, channel, ref, ts, str(posted["ts"]), core.clock())
    finally:
        core.refreshing.turn_done(channel)
    if public.version is not None:
        with core.serially():
            cards.shown(core.sessions, channel, ref, public.version)
