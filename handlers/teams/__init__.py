"""Microsoft Teams: the /api/messages endpoint, Adaptive Cards and proactive delivery (Microsoft 365 Agents SDK)."""

from handlers.teams.app import mount

__all__ = ["mount"]
