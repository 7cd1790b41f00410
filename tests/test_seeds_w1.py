"""CJCG (seed 004, with its task-and-finish groups) and LIEG (seed 003) meetings as a secretary runs them, where the
bot once differed from the document."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def cjcg_meeting_open(chat: Chat) -> None:
    """CJCG meeting 1 on 14 Jan 2027 at 10:00, scheduled by sam (the administrative support, 6.3) on 1 Dec 2026 and
    opened by alice (the chair, 6.2)."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2027-01-14 10:00")
    chat.now = dt.datetime(2027, 1, 14, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")


def test_cjcg_administrative_support_records_the_room_present(chat: Chat) -> None:
    """CJCG 6.3: "Administrative support will be provided in terms of agendas, note taking and arrangements for
    meetings". At a hybrid meeting sam records those in the room, who have no chat open: they are present and count
    for the quorum of 6.4, as if each had said `here`; a member may not record another."""
    cjcg_meeting_open(chat)
    said = chat.ok("sam", "here @carol @dan").as_text()
    assert "carol is present" in said and "dan is present" in said
    assert "now quorate" in said
    quorum = chat.ok("alice", "quorum").text
    assert "quorate — 3 members present" in quorum or "3 members or deputies present" in quorum, quorum
    chat.ok("sam", "present @erin")
    assert "erin" in chat.ok("sam", "attendance").as_text().split("Absent")[0]
    refused = chat.refused("frank", "here @grace").text
    assert "secretariat or the meeting's minute-taker can record others present (ToR 6.3)" in refused
    # the deputy bob named, in the room, is recorded attending for bob
    chat.ok("bob", "deputy @yan --meeting 1")
    assert "yan is attending as deputy for bob" in chat.ok("sam", "here @yan").text
