"""Fixtures for the web tests: a seed group's recorded meeting, and settings with a page secret."""

from tests.records.conftest import recorded
from tests.web.pages import page_settings

__all__ = ["page_settings", "recorded"]
