"""The one-time states of Slack installs, signed rather than stored when issued.

The install page is open to anyone. slack_sdk's SQLAlchemy store wrote a row for each visit and removed it only
when an install completed with it, so anonymous GETs grew the record without end and queued writes behind the
members' votes. Here a state is a random nonce signed (itsdangerous) with a key derived from the app's client secret,
with the time it was issued: issuing writes nothing. Taking it back checks the signature and its age first, so a
state govbot did not sign or one too old costs no write; then its one use is recorded in slack_sdk's own table
(slack_oauth_states), from which every expired use is cleared in the same transaction."""

from __future__ import annotations

import datetime as dt
import secrets

from itsdangerous import BadData, URLSafeTimedSerializer
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine, delete, select

SALT = "govbot.slack-install-state"


class SignedStateStore(SQLAlchemyOAuthStateStore):
    """slack_sdk's state store, issuing signed states and keeping only those used, until they expire."""

    def __init__(self, key: str, expiration_seconds: int, engine: Engine) -> None:
        super().__init__(expiration_seconds=expiration_seconds, engine=engine)
        self.signer = URLSafeTimedSerializer(key, salt=SALT)

    def issue(self, *args: object, **kwargs: object) -> str:
        return str(self.signer.dumps(secrets.token_hex(16)))

    def consume(self, state: str) -> bool:
        """Whether `state` is one govbot signed within the expiry and not taken before (it is taken now)."""
        try:
            self.signer.loads(state, max_age=self.expiration_seconds)
        except BadData:
            return False
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # slack_sdk's table keeps naive UTC
        states = self.oauth_states
        with self.engine.begin() as connection:
            connection.execute(delete(states).where(states.c.expire_at <= now))
            if connection.execute(select(states.c.id).where(states.c.state == state)).first() is not None:
                return False
            connection.execute(states.insert().values(
                state=state, expire_at=now + dt.timedelta(seconds=self.expiration_seconds)))
        return True
