"""CJCG 7.2, "Where a member cannot attend a meeting, the member should nominate a named deputy to attend": a
deputy may declare an interest ahead of the meeting, but where the member then attends, the deputy does not, and
the minutes listed the deputy's declaration among those of the people at the meeting."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def zed_declared_and_meeting_opened(chat: Chat) -> None:
    """bob names zed his deputy for the meeting of 10 Dec, zed declares ahead of it, and alice opens it."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", "deputy @zed --meeting next")
    chat.ok("zed", 'declare "I advise a bidding provider"')
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")


def test_a_deputy_who_did_not_attend_is_not_minuted_among_the_declarations(chat: Chat) -> None:
    zed_declared_and_meeting_opened(chat)
    chat.ok("bob", "here")
    chat.ok("bob", 'declare "My sister manages a bidding provider"')
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").as_text()
    declared = minutes.split("## Declarations of interest")[1].split("\n## ")[0]
    assert "bob" in declared and "My sister manages a bidding provider" in declared, declared
    assert "zed" not in declared and "I advise a bidding provider" not in declared, declared
    assert "zed" not in minutes.split("## Declarations of interest")[0], minutes  # nor among those present


def test_a_deputy_who_attended_is_minuted_with_their_declaration(chat: Chat) -> None:
    zed_declared_and_meeting_opened(chat)
    chat.ok("zed", "here")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").as_text()
    declared = minutes.split("## Declarations of interest")[1].split("\n## ")[0]
    assert "zed (deputy for bob): I advise a bidding provider" in declared, declared
