"""Which notifier delivers reminders on each platform: the console always, Slack and Teams when configured."""

from __future__ import annotations

import sys

from sqlalchemy import Engine

from bot.ports import Notifier
from bot.settings import Settings
from handlers.console import ConsoleNotifier


def notifiers(settings: Settings, engine: Engine | None = None) -> dict[str, Notifier]:
    """The notifiers to deliver reminders through, keyed by platform. `engine` lets Slack find the token of each
    workspace installed by OAuth."""
    found: dict[str, Notifier] = {"console": ConsoleNotifier(sys.stdout)}
    if settings.slack_configured:
        from handlers.slack import SlackNotifier  # Bolt loads only where Slack is used

        found["slack"] = SlackNotifier.from_settings(settings, engine)
    if settings.teams_configured or settings.teams_anonymous:
        from handlers.teams import TeamsNotifier  # the Agents SDK loads only where Teams is used
        from handlers.teams.notifier import shared_slots

        # Seven messages a second per conversation, shared by every process on the record.
        found["teams"] = TeamsNotifier(settings, slots=shared_slots(engine) if engine is not None else None)
    return found
