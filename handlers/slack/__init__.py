"""Slack: the `/gov` command, buttons, forms and App Home over Bolt, and the notifier the scheduler uses."""

from handlers.slack.app import build_app, mount
from handlers.slack.notifier import SlackNotifier
from handlers.slack.socket_mode import start_socket_mode

__all__ = ["SlackNotifier", "build_app", "mount", "start_socket_mode"]
