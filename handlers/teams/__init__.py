"""Microsoft Teams: the /api/messages endpoint, Adaptive Cards and proactive delivery (Microsoft 365 Agents SDK)."""

from handlers.teams.app import mount
from handlers.teams.notifier import TeamsNotifier

__all__ = ["TeamsNotifier", "mount"]
