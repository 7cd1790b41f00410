"""Slack: the `/gov` command, buttons, forms and App Home over Bolt, and the notifier the scheduler uses."""

from handlers.slack.app import build_app, mount, start_socket_mode
from handlers.slack.notifier import SlackNotifier

__all__ = ["SlackNotifier", "build_app", "mount", "start_socket_mode"]
