"""Which notifier delivers reminders on each platform (the lead adds Slack and Teams here)."""

from __future__ import annotations

import sys

from bot.ports import Notifier
from bot.settings import Settings
from handlers.console import ConsoleNotifier


def notifiers(settings: Settings) -> dict[str, Notifier]:
    """The notifiers to deliver reminders through, keyed by platform."""
    return {"console": ConsoleNotifier(sys.stdout)}
