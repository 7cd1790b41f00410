"""Slack tokens sealed at rest: slack_sdk's SQLAlchemy installation store, with every token Fernet-encrypted
under SLACK_TOKEN_KEY before it reaches the database and decrypted only when a request needs it.

SLACK_TOKEN_KEY holds one or more Fernet keys, comma-separated, the newest first: tokens are sealed with the first
and opened with any, so a key can be rotated by putting a new one in front, running `govbot slack seal-tokens`
(which reseals every stored token with it) and then dropping the old one.
"""

from __future__ import annotations

import copy
from typing import TypeVar

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from sqlalchemy import Engine, update

from bot.errors import DomainError
from bot.settings import Settings

TOKENS = ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token")
PLAIN = ("xox",)  # how Slack's own tokens begin: a value stored before sealing was introduced
NO_KEY = ("Slack OAuth (SLACK_CLIENT_ID) keeps each workspace's token in the database, sealed with SLACK_TOKEN_KEY, "
          "which is not set. Make a key with `python -c \"from cryptography.fernet import Fernet; "
          "print(Fernet.generate_key().decode())\"`, set SLACK_TOKEN_KEY to it (in the environment or .env) and "
          "start govbot again.")
Record = TypeVar("Record", Installation, Bot)


def token_key(settings: Settings) -> MultiFernet:
    """The keys in SLACK_TOKEN_KEY, newest first. Raises DomainError, saying how to make one, when it is unset or
    not a Fernet key."""
    keys = [k.strip() for k in (settings.slack_token_key.get_secret_value() if settings.slack_token_key else "")
            .split(",") if k.strip()]
    if not keys:
        raise DomainError(NO_KEY)
    try:
        return MultiFernet([Fernet(k) for k in keys])
    except ValueError:
        raise DomainError("SLACK_TOKEN_KEY must be Fernet keys (32 url-safe base64-encoded bytes each), "
                          "comma-separated, the newest first. " + NO_KEY.split(". ", 1)[1]) from None


class SealedInstallationStore(SQLAlchemyInstallationStore):
    """Installations and bots as slack_sdk keeps them, with the tokens sealed."""

    def __init__(self, client_id: str, engine: Engine, key: MultiFernet) -> None:
        super().__init__(client_id=client_id, engine=engine)
        self.key = key

    def save(self, installation: Installation) -> None:
        super().save(self.sealed(installation))  # which saves its bot through save_bot, already sealed

    def save_bot(self, bot: Bot) -> None:
        super().save_bot(self.sealed(bot))

    def find_bot(self, *, enterprise_id: str | None, team_id: str | None,
                 is_enterprise_install: bool | None = False) -> Bot | None:
        bot = super().find_bot(enterprise_id=enterprise_id, team_id=team_id,
                               is_enterprise_install=is_enterprise_install)
        return self.opened(bot) if bot is not None else None

    def find_installation(self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None,
                          is_enterprise_install: bool | None = False) -> Installation | None:
        # The store fills a user's installation with the latest bot token from find_bot, already opened: opening
        # is idempotent, since an open Slack token begins `xox` and is left as it is.
        installation = super().find_installation(enterprise_id=enterprise_id, team_id=team_id, user_id=user_id,
                                                 is_enterprise_install=is_enterprise_install)
        return self.opened(installation) if installation is not None else None

    def sealed(self, record: Record) -> Record:
        copied = copy.copy(record)
        for name in TOKENS:
            value = getattr(copied, name, None)
            if value and not self.is_sealed(value):
                setattr(copied, name, self.key.encrypt(value.encode()).decode())
        return copied

    def is_sealed(self, value: str) -> bool:
        try:
            self.key.decrypt(value.encode())
        except InvalidToken:
            return False
        return True

    def opened(self, record: Record) -> Record:
        copied = copy.copy(record)
        for name in TOKENS:
            value = getattr(copied, name, None)
            if value:
                setattr(copied, name, self.open(value))
        return copied

    def open(self, value: str) -> str:
        if value.startswith(PLAIN):
            return value  # stored before tokens were sealed; `govbot slack seal-tokens` seals it
        try:
            return self.key.decrypt(value.encode()).decode()
        except InvalidToken:
            raise DomainError("A Slack token in the database cannot be opened with SLACK_TOKEN_KEY: the key it "
                              "was sealed with is no longer among the keys set. Put that key back (after the "
                              "newest) or reinstall govbot in the workspace.") from None

    def reseal_all(self) -> int:
        """Seal every stored token with the newest key (plain ones too). Returns how many values changed."""
        changed = 0
        with self.engine.begin() as connection:
            for table in (self.installations, self.bots):
                for row in connection.execute(table.select()).mappings().all():
                    values = {name: self.resealed(row[name]) for name in TOKENS if row.get(name)}
                    values = {name: value for name, value in values.items() if value != row[name]}
                    if values:
                        connection.execute(update(table).where(table.c.id == row["id"]).values(**values))
                        changed += len(values)
        return changed

    def resealed(self, value: str) -> str:
        if value.startswith(PLAIN):
            return self.key.encrypt(value.encode()).decode()
        return self.key.rotate(value.encode()).decode()
