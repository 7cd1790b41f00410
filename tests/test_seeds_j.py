"""CJCG (seed 004) and its SEND task-and-finish group run as whole meetings on every platform: what a council officer
reading the replies, the roll and the minutes found wrong, each fixed."""

from __future__ import annotations

import datetime as dt

from tests.platform_chats import Speaking


def at(chat: Speaking, day: str, time: str) -> None:
    """Move the clock to `time` (UTC, as GMT in December) on `day`."""
    chat.now = dt.datetime.fromisoformat(f"{day}T{time}:00+00:00")


def test_cjcg_send_tfg_says_the_cjcg_set_its_quorum_and_end_date_when_it_formed_it(platform_chat: Speaking) -> None:
    """CJCG 6.6: "The Children's Joint Commissioning Group may establish task and finish groups". The SEND group's
    quorum of 2 and its end date, 31 March 2027, are the CJCG's when it formed the group; `terms`, the quorum at the
    meeting's opening and the refusal to schedule past the end stated them with no source at all."""
    chat = platform_chat
    chat.load("cjcg")
    chat.load("cjcg-send-tfg")
    at(chat, "2026-12-01", "09:00")
    source = "(set by the CJCG when it formed the group under CJCG ToR 6.6)"
    terms = chat.ok("bob", "terms").text
    assert f"Quorum: 2 members present {source}" in terms, terms
    assert f"Ends: operates until 31 Mar 2027 {source}" in terms, terms
    refused = chat.refused("bob", "meeting schedule 2027-04-10 10:00").text
    assert f"operates until 31 Mar 2027 {source}; schedule the meeting before then" in refused, refused
    chat.ok("bob", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    opened = chat.ok("bob", "meeting open").text
    assert f"not quorate: 1 member present, 2 needed {source}" in opened, opened
