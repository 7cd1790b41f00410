"""Each Slack delivery is handled once: retries (`X-Slack-Retry-Num`) and replays of a signed request are dropped.

The check runs in the work after the ack, not before it, so Slack's answer never waits on the database.
"""

from __future__ import annotations

import datetime as dt
import logging

from slack_bolt import BoltRequest
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import PlatformDelivery

logger = logging.getLogger(__name__)

PLATFORM = "slack"
# Slack rejects nothing older than five minutes and we refuse stale timestamps, so older keys can go.
KEPT_FOR = dt.timedelta(minutes=10)


def delivery_key(request: BoltRequest) -> str | None:
    """What makes a delivery the same one again: the event id of an Events API callback (Slack's retries carry
    it, re-signed), else the request signature, which only a byte-for-byte replay can repeat. None over Socket
    Mode, where interactions carry no signature."""
    body = request.body or {}
    event_id = body.get("event_id") if isinstance(body, dict) else None
    if event_id:
        return f"event:{event_id}"
    signature = (request.headers.get("x-slack-signature") or [""])[0]
    return f"sig:{signature[:190]}" if signature else None


def first_time(sessions: sessionmaker[Session], key: str, now: dt.datetime) -> bool:
    """Claim `key`; False when another delivery already claimed it (here or in another replica)."""
    try:
        with unit_of_work(sessions) as session:
            session.execute(delete(PlatformDelivery).where(PlatformDelivery.platform == PLATFORM,
                                                           PlatformDelivery.received_at < now - KEPT_FOR))
            session.add(PlatformDelivery(platform=PLATFORM, key=key, received_at=now))
    except IntegrityError:
        return False
    return True


def first_delivery(sessions: sessionmaker[Session], request: BoltRequest, now: dt.datetime) -> bool:
    """True the first time this delivery is seen; Slack's retries and replays are logged and dropped."""
    key = delivery_key(request)
    if key is None or first_time(sessions, key, now):
        return True
    retry = (request.headers.get("x-slack-retry-num") or ["0"])[0]
    logger.info("ignored a repeated Slack delivery (%s, retry %s)", key[:40], retry)
    return False
