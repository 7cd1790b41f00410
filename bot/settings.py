"""Settings from the environment or `.env` (pydantic-settings); secrets never have defaults."""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    # An empty value (`SLACK_BOT_TOKEN=` as .env.example has it) is unset, not an empty secret.
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore",
                                      env_ignore_empty=True)

    database_url: str = "sqlite:///govbot.db"
    default_timezone: str = "Europe/London"
    default_group_file: str = "examples/000-plpcp.yaml"
    log_level: str = "INFO"
    port: int = Field(default=3000, ge=1, le=65535)
    # `govbot run` migrates (under the migration lock) before serving; false: it waits for `govbot db upgrade`.
    migrate_on_start: bool = True
    log_format: str = Field(default="text", pattern="^(text|json)$")
    # GET /metrics needs `Authorization: Bearer <this>`; unset, /metrics is not served.
    metrics_token: SecretStr | None = None
    # Sent and set-aside reminders are kept this long, then pruned; failed ones stay until acknowledged.
    reminder_retention_days: int = Field(default=90, ge=1, le=3650)
    # A request's line and headers must arrive within this many seconds of its first byte, else the connection is
    # closed (a client stalling part-way holds no socket longer); an idle connection between requests is kept as long
    # as before (75 s).
    request_headers_seconds: float = Field(default=15.0, gt=0, le=75)
    # The group pages: the address people reach this server at, and the key that signs personal links to them.
    public_url: str | None = None
    page_secret: SecretStr | None = None
    page_link_hours: int = Field(default=24, ge=1, le=24 * 30)

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    slack_token_key: SecretStr | None = None  # Fernet keys sealing OAuth tokens at rest, newest first

    teams_app_id: str | None = None
    teams_app_secret: SecretStr | None = None
    teams_tenant_id: str | None = None
    teams_anonymous: bool = False

    @field_validator("page_secret")
    @classmethod
    def long_enough_not_to_guess(cls, secret: SecretStr | None) -> SecretStr | None:
        """A personal page link is signed with this key: a short one could be found by trying."""
        if secret is not None and len(secret.get_secret_value()) < 32:
            raise ValueError("at least 32 characters, so a page link cannot be forged by guessing the key; "
                             "make one with: python3 -c \"import secrets; print(secrets.token_urlsafe(32))\"")
        return secret

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"DEFAULT_TIMEZONE: unknown time zone {value!r}; use an IANA name such as "
                             "Europe/London") from None
        return value

    @property
    def page_key(self) -> str | None:
        """The key that signs personal page links; None when unset or empty (no members' pages then)."""
        key = self.page_secret.get_secret_value() if self.page_secret else ""
        return key or None

    @property
    def slack_configured(self) -> bool:
        has_token = self.slack_bot_token is not None or self.slack_client_id is not None
        return has_token and self.slack_signing_secret is not None

    @property
    def teams_configured(self) -> bool:
        return bool(self.teams_app_id and self.teams_app_secret and self.teams_tenant_id)


@lru_cache
def get_settings() -> Settings:
    """The settings, read once per process."""
    return Settings()
