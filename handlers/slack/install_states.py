"""The one-time states of Slack installs, signed rather than stored when issued.

The install page is open to anyone. slack_sdk's SQLAlchemy store wrote a row for each visit and removed it only
when an install completed with it, so anonymous GETs grew the record without end and queued writes behind the
members' votes. Here a state is a random nonce signed (itsdangerous) with a key derived from the app's client secret,
with the time it was issued: issuing writes nothing. Taking it back checks the signature and its age first, so a
state govbot did not sign or one too old costs no write; then its one use is claimed as a platform delivery
(bot.services.deliveries): one insert that does nothing on a nonce claimed before, under the table's unique key, so
of two redemptions at the same moment (two replicas, one replayed callback) exactly one gets the row. A check
for an earlier use followed by an insert let both pass on PostgreSQL, each before the other's insert committed.
Claims are cleared after KEPT_FOR (ten minutes), by when the state has expired anyway."""

from __future__ import annotations

import datetime as dt
import logging
import secrets

from itsdangerous import BadData, URLSafeTimedSerializer
from slack_sdk.oauth.state_store import OAuthStateStore
from sqlalchemy import Engine

from bot.db import session_factory, unit_of_work
from bot.services.deliveries import KEPT_FOR, Delivery, claim

SALT = "govbot.slack-install-state"
USES = "slack-install"  # the deliveries' platform under which each state's one use is claimed

logger = logging.getLogger(__name__)


class SignedStateStore(OAuthStateStore):
    """slack_sdk's state store, issuing signed states and keeping each one's use until it has expired."""

    def __init__(self, key: str, expiration_seconds: int, engine: Engine) -> None:
        assert dt.timedelta(seconds=expiration_seconds) <= KEPT_FOR, "a use must be kept until its state expires"
        self.expiration_seconds = expiration_seconds
        self.sessions = session_factory(engine)
        self.signer = URLSafeTimedSerializer(key, salt=SALT)

    @property
    def logger(self) -> logging.Logger:
        return logger

    def issue(self, *args: object, **kwargs: object) -> str:
        return str(self.signer.dumps(secrets.token_hex(16)))

    def consume(self, state: str) -> bool:
        """Whether `state` is one govbot signed within the expiry and not taken before (it is taken now)."""
        try:
            nonce = self.signer.loads(state, max_age=self.expiration_seconds)
        except BadData:
            return False
        with unit_of_work(self.sessions) as session:
            return claim(session, Delivery(USES, str(nonce)), dt.datetime.now(dt.UTC))
