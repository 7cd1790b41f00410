"""Delivery: claim due messages, find where each goes, send it through the platform's notifier, record the outcome.

Each message is claimed, sent and marked in its own short transactions, so a crash loses at most the lease
of the messages in hand (they are sent again when it runs out) and never marks unsent ones as sent.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import ChannelBinding, Identity, Person
from bot.ports import DeliveryFailed, Destination, Notifier, Posted, UpdatesCards
from bot.replies import Reply
from bot.services.context import Place
from bot.services.posted_cards import PostedCard, note_shown, remember_card, shows_later
from bot.services.workspaces import disabled_reason
from scheduler import batch, outbox, stamps
from scheduler.batch import Batch
from scheduler.content import content
from scheduler.failures import record_failure
from scheduler.lease import Lease
from scheduler.outbox import Claimed
from scheduler.rebound import Rebound, forward

logger = logging.getLogger(__name__)


@dataclass
class Delivered:
    sent: list[str] = field(default_factory=list)
    retrying: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    expired: list[str] = field(default_factory=list)
    full: bool = False  # as many were claimed as the limit allows: others may wait
    set_aside: list[tuple[str, str]] = field(default_factory=list)  # its subject no longer calls for it: (key, why)

    def add(self, other: Delivered) -> Delivered:
        return Delivered(self.sent + other.sent, self.retrying + other.retrying, self.failed + other.failed,
                         self.expired + other.expired, other.full, self.set_aside + other.set_aside)


def destination(session: Session, message: Claimed, notifiers: Mapping[str, Notifier],
                read: Batch | None = None, identities: dict[int, list[Identity]] | None = None) -> Destination:
    """Where the message goes: its bound channel, or a direct message on a platform the person uses.
    Raises DeliveryFailed(permanent) when there is nowhere to send it. `read` and `identities`, when given, hold
    the group's bindings and the people's accounts read for the whole batch."""
    if message.channel_binding_id is not None:
        binding = session.get(ChannelBinding, message.channel_binding_id)
        if binding is None or binding.group_id != message.group_id:
            raise Rebound()
        if why := disabled_reason(binding):
            raise DeliveryFailed(why, permanent=True)
        if binding.platform not in notifiers:
            raise DeliveryFailed(f"no {binding.platform} connection is configured", permanent=True)
        return Destination(binding.platform, channel_id=binding.channel_id, conversation=binding.conversation)
    person = session.get(Person, message.recipient_id) if message.recipient_id is not None else None
    if person is None or person.forgotten:
        raise DeliveryFailed("the person is no longer in the record", permanent=True)
    # A direct message goes out through the group's own workspace or team: Slack needs its workspace, Teams the
    # stored reference of a channel the bot shares with the person.
    group_bindings = read.bindings.get(message.group_id) if read is not None else None
    if group_bindings is None:
        group_bindings = list(session.scalars(select(ChannelBinding).where(
            ChannelBinding.group_id == message.group_id).order_by(ChannelBinding.id)))
    bound = {b.platform: b.conversation for b in group_bindings}
    accounts = identities[person.id] if identities is not None and person.id in identities else \
        list(session.scalars(select(Identity).where(Identity.person_id == person.id)))
    for identity in sorted(accounts, key=lambda i: (i.platform not in bound, i.id)):
        if identity.platform in notifiers:
            return Destination(identity.platform, user_id=identity.external_id,
                               conversation=bound.get(identity.platform))
    raise DeliveryFailed(f"{person.display_name} has no account on a connected platform", permanent=True)


def accounts(session: Session, claimed: list[Claimed]) -> dict[int, list[Identity]]:
    """The platform accounts of the people the direct messages go to, by person."""
    people = sorted({m.recipient_id for m in claimed if m.recipient_id is not None})
    found: dict[int, list[Identity]] = {p: [] for p in people}
    for start in range(0, len(people), batch.CHUNK):
        chunk = people[start:start + batch.CHUNK]
        for identity in session.scalars(select(Identity).where(Identity.person_id.in_(chunk))):
            found[identity.person_id].append(identity)
    return found


def prepared(session: Session, claimed: list[Claimed], notifiers: Mapping[str, Notifier], now: dt.datetime
             ) -> tuple[dict[int, Destination | DeliveryFailed], dict[int, Reply | str]]:
    """Where each claimed message goes and what it says, read in the claiming transaction, the text composed from
    the record as it is now (then one short transaction a message renews its lease and marks the one before it
    sent). The groups, their channels and seat holders, the meetings and the people's accounts are read for the
    batch in a few queries, not message by message."""
    places: dict[int, Destination | DeliveryFailed] = {}
    says: dict[int, Reply | str] = {}
    seen = stamps.heads(session, {m.group_id for m in claimed if m.composed})  # before the record: see stamps
    read = batch.read(session, claimed, now)
    identities = accounts(session, claimed)
    for message in claimed:
        try:
            places[message.id] = destination(session, message, notifiers, read, identities)
        except DeliveryFailed as failure:
            places[message.id] = failure
        says[message.id] = outdone(session, places[message.id], content(session, message, now, read.contexts, seen))
    return places, says


def deliver(sessions: sessionmaker[Session], notifiers: Mapping[str, Notifier], now: dt.datetime,
            limit: int = 200, clock: Callable[[], dt.datetime] | None = None) -> Delivered:
    """Send every queued message due by `now` (at most `limit`). Never raises for a platform's failure.

    Sends can wait on a platform's Retry-After, so the batch may outlast its lease: just before each send the
    lease on that message is renewed from `clock()` (default: `now`), and a message another replica has claimed
    meanwhile is left to it."""
    report = Delivered()
    with unit_of_work(sessions) as session:
        claimed = outbox.claim(session, now, limit)
        report.full = len(claimed) == limit
        if not claimed:  # most passes: nothing to read for, the chains' heads included
            return report
        places, says = prepared(session, claimed, notifiers, now)
    lease = Lease(sessions, clock or (lambda: now))
    for message in claimed:
        if message.expires_at is not None and message.expires_at <= now:
            with lease.transaction() as session:
                outbox.mark_expired(session, message.id, "no longer useful by the time it could be sent")
            report.expired.append(message.key)
            continue
        reply = says[message.id]
        if isinstance(reply, str):
            with lease.transaction() as session:
                outbox.mark_expired(session, message.id, f"set aside when it was to be sent: {reply}")
            report.set_aside.append((message.key, reply))
            continue
        if not lease.held(message):
            logger.info("%s was claimed by another replica after this one's lease ran out", message.key)
            continue
        where = places[message.id]
        if isinstance(where, Rebound) and forwarded(sessions, lease, message, now, report):
            continue
        try:
            if isinstance(where, DeliveryFailed):
                raise where
            posted = notifiers[where.platform].send(where, reply)
        except DeliveryFailed as failure:
            lease.settle()
            refused = failure.permanent and where is not failure and message.channel_binding_id is not None
            (report.failed if record_failure(sessions, message, now, failure, refused)
             else report.retrying).append((message.key, failure.reason))
            continue
        except Exception as error:  # a notifier bug must not stop the other deliveries; retried with back-off
            # The exception's text may carry URLs, tokens or internals: it goes to the log only, never to the
            # chair's message or `govbot reminders`.
            lease.settle()
            logger.exception("delivering %s failed unexpectedly", message.key)
            reason = f"an unexpected error ({type(error).__name__}); details are in the bot's log"
            (report.failed if record_failure(sessions, message, now, DeliveryFailed(reason))
             else report.retrying).append((message.key, reason))
            continue
        if posted is not None and reply.subject is not None and where.channel_id is not None:
            # A record's card (a poll a 429 held back, a poll its deadline closed): later changes update this
            # message, as they would one posted at once; a card already shown for the record stays the one updated,
            # and shows what this post says. Marked with it, at once.
            lease.settle()
            keep_card(sessions, notifiers[where.platform], where, message.id, posted, reply, now)
        else:
            lease.sent(message.id, now, reply)
        report.sent.append(message.key)
    lease.settle()
    return report


def forwarded(sessions: sessionmaker[Session], lease: Lease, message: Claimed, now: dt.datetime,
              report: Delivered) -> bool:
    """Whether a message whose channel was bound to another group went to its group's channels now instead."""
    lease.settle()
    why = forward(sessions, message, now)
    if why is None:
        return False
    report.set_aside.append((message.key, why))
    report.full = True  # the copies for the group's channels are due now: deliver them in this pass
    return True


def keep_card(sessions: sessionmaker[Session], notifier: Notifier, where: Destination, message_id: int,
              posted: Posted, reply: Reply, now: dt.datetime) -> None:
    """Mark the message sent and note `posted` as the card of `reply`'s record in the channel, with the change it
    shows; where a card of it was posted before, that one stays the card, and shows the reply too."""
    assert reply.subject is not None and where.channel_id is not None
    place = Place(where.platform, where.channel_id)
    with unit_of_work(sessions) as session:
        outbox.mark_sent(session, message_id, now, reply)
        earlier = remember_card(session, place, reply.subject, PostedCard(posted.message, posted.conversation), now,
                                latest=False)
        if earlier is None and reply.version is not None:
            note_shown(session, place, reply.subject, reply.version)
    if earlier is not None and update_earlier(notifier, where, earlier, reply) and reply.version is not None:
        with unit_of_work(sessions) as session:
            note_shown(session, place, reply.subject, reply.version)


def outdone(session: Session, where: Destination | DeliveryFailed, reply: Reply | str) -> Reply | str:
    """`reply`, or why it is set aside: a record's card that waited in the outbox (Slack or Teams pushed it back)
    while the record's card in the channel came to show a later change (the meeting opened, the roll went on),
    which it must neither be put over nor posted again below."""
    if isinstance(reply, str) or isinstance(where, DeliveryFailed) or reply.subject is None \
            or reply.version is None or where.channel_id is None:
        return reply
    if shows_later(session, Place(where.platform, where.channel_id), reply.subject, reply.version):
        return "the record's card in the channel already shows a later change"
    return reply


def update_earlier(notifier: Notifier, where: Destination, earlier: PostedCard, reply: Reply) -> bool:
    """Show `reply` on the record's card posted before in the channel, where the platform can: the new post is
    sent, so a card that cannot be updated (deleted since) is only logged. Whether the card now shows it."""
    if not isinstance(notifier, UpdatesCards):
        return False
    try:
        notifier.update(where, Posted(earlier.message, earlier.conversation), reply)
    except DeliveryFailed as failure:
        logger.warning("could not update the earlier card of %s: %s", reply.subject, failure.reason)
        return False
    except Exception:  # a notifier bug must not undo a delivery that is done
        logger.exception("could not update the earlier card of %s", reply.subject)
        return False
    return True
