"""CSCPWG's elected chair as its document has one (Governance: "The working group will elect a chair at its first
meeting who will lead reports back to the Children and Young People Board"), on every platform: the Senior Adviser
runs the first meeting only until the election; the elected chair runs the rest of it and approves its minutes."""

from __future__ import annotations

import datetime as dt

from tests.platform_chats import Speaking
from tests.test_seed_meetings import elect_bob


def test_cscpwg_once_the_chair_is_elected_the_senior_adviser_no_longer_chairs_the_meeting(
        platform_chat: Speaking) -> None:
    """sam presided until bob's election, then closed the vote on bob's motion with nobody's votes in, closed the
    meeting and approved its minutes, whose signature block names bob."""
    chat = platform_chat
    chat.load("cscpwg")
    elect_bob(chat, closer=None)
    chat.ok("bob", 'motion "Recommend a national fostering campaign"')
    refused = chat.refused("sam", "poll close 2").text
    assert "Only the chair (or vice-chair, or the meeting's chair) can close a vote" in refused
    assert "Ask bob" in refused
    assert "Ask bob" in chat.refused("sam", "meeting close").text
    chat.ok("bob", "poll close 2")
    chat.now = dt.datetime(2023, 1, 17, 15, 0, tzinfo=dt.UTC)
    chat.ok("bob", "meeting close")
    assert "Ask bob" in chat.refused("sam", "minutes approve 1").text
    minutes = chat.ok("bob", "minutes approve 1").text.replace("*", "")
    assert "Chair: sam (LGA) until bob (Labour group) was elected chair by poll 1 (ToR Governance); then bob " \
           "(Labour group)" in minutes
    assert "Approved by bob" in minutes
