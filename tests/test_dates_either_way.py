"""A date and a time in either order, and a local time the autumn change repeats, which must be chosen."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def test_time_before_date_is_understood(chat: Chat) -> None:
    chat.load("cjcg")
    reply = chat.ok("alice", "meeting schedule 10:00 2026-12-17")
    assert ("When", "Thu 17 Dec 2026, 10:00 GMT") in reply.fields


def test_a_time_given_as_a_date_says_what_a_date_looks_like(chat: Chat) -> None:
    chat.load("cjcg")
    reply = chat.refused("alice", "meeting schedule 10:00 11:00")
    assert "'11:00' is not a date" not in reply.text and "is a time, not a date" in reply.text


def test_a_repeated_local_time_must_be_chosen(chat: Chat) -> None:
    chat.now = dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    reply = chat.refused("alice", "meeting schedule 2026-10-25 01:30")
    assert "01:30 happens twice on 25 Oct 2026 in Europe/London (the clocks go back)" in reply.text
    assert "add --first (BST) or --second (GMT)" in reply.text
    first = chat.ok("alice", "meeting schedule 2026-10-25 01:30 --first")
    assert ("When", "Sun 25 Oct 2026, 01:30 BST") in first.fields
    second = chat.ok("alice", "meeting schedule 2026-10-25 01:30 --second")
    assert ("When", "Sun 25 Oct 2026, 01:30 GMT") in second.fields


def test_a_repeated_deadline_is_chosen_by_its_zone_name(chat: Chat) -> None:
    chat.now = dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    reply = chat.refused("alice", 'poll "Venue?" "Hall" "Online" --closes "2026-10-25 01:30"')
    assert '`--closes "2026-10-25 01:30 BST"` or `--closes "2026-10-25 01:30 GMT"`' in reply.text
    chosen = chat.ok("alice", 'poll "Venue?" "Hall" "Online" --closes "2026-10-25 01:30 GMT"')
    assert ("Closes", "Sun 25 Oct 2026, 01:30 GMT") in chosen.fields

