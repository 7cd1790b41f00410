"""Shared by the group page tests: settings with a page secret, a recorded CJCG, and a personal link from chat."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from bot.settings import Settings, get_settings
from tests.conftest import Chat

SECRET = "a-test-secret-for-page-links-only"
LINK = re.compile(r"(https?://\S+/groups/\S+)")


@pytest.fixture
def page_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """PAGE_SECRET and PUBLIC_URL set, as an administrator sets them in .env."""
    monkeypatch.setenv("PAGE_SECRET", SECRET)
    monkeypatch.setenv("PUBLIC_URL", "http://localhost")
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


def link_for(chat: Chat, who: str) -> str:
    """The path and query of `who`'s personal link, as `page` gives it in chat."""
    found = LINK.search(chat.ok(who, "page").text)
    assert found, "page gave no link"
    return found.group(1).removeprefix("http://localhost")


def minuted_cjcg(recorded_chat: Chat) -> Chat:
    """The CJCG meeting with its items minuted and resolved, an action, and its minutes approved."""
    chat = recorded_chat
    chat.ok("alice", 'minute "The group considered the draft plan and the consultation responses." --item 1')
    chat.ok("alice", 'resolved "That the joint action plan 2027-29 be approved." --item 1')
    return chat
