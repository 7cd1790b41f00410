"""Each Slack delivery is handled once: retries (`X-Slack-Retry-Num`) and replays of a signed request are dropped.

A delivery carrying a command is claimed in the command's own transaction (`Core.respond_once`); the others
(opening a form, the App Home) claim theirs alone, here. Neither runs before the ack is decided, so a slow
database never makes Slack wait past its deadline.
"""

from __future__ import annotations

import datetime as dt
import logging

from slack_bolt import BoltRequest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.services.deliveries import Delivery, claim
from handlers.slack.payloads import PLATFORM

logger = logging.getLogger(__name__)


def delivery_of(request: BoltRequest) -> Delivery | None:
    """What makes a delivery the same one again: the event id of an Events API callback (Slack's retries carry
    it, re-signed), else the request signature, which only a byte-for-byte replay can repeat. None over Socket
    Mode, where interactions carry no signature."""
    body = request.body or {}
    event_id = body.get("event_id") if isinstance(body, dict) else None
    if event_id:
        return Delivery(PLATFORM, f"event:{event_id}")
    signature = (request.headers.get("x-slack-signature") or [""])[0]
    return Delivery(PLATFORM, f"sig:{signature[:190]}") if signature else None


def repeated(request: BoltRequest) -> None:
    """Log a delivery that was dropped as a repeat."""
    delivery = delivery_of(request)
    retry = (request.headers.get("x-slack-retry-num") or ["0"])[0]
    retry = retry if retry.isdecimal() and len(retry) <= 3 else "?"  # a header the signature does not cover
    logger.info("ignored a repeated Slack delivery (%s, retry %s)", delivery.key[:40] if delivery else "", retry)


def first_delivery(sessions: sessionmaker[Session], request: BoltRequest, now: dt.datetime) -> bool:
    """True the first time this delivery is seen; Slack's retries and replays are logged and dropped."""
    delivery = delivery_of(request)
    if delivery is None:
        return True
    try:
        with unit_of_work(sessions) as session:
            first = claim(session, delivery, now)
    except IntegrityError:  # another replica claimed it at the same moment
        first = False
    if not first:
        repeated(request)
    return first
