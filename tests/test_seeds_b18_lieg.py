"""LIEG (seed 003) meetings as its steering group runs them, where the bot differed from the document (round B18)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def lieg_two_meetings(chat: Chat) -> None:
    """LIEG meetings 1 (10 Dec 2026) and 2 (11 Mar 2027), both at 10:00, scheduled by alice, a co-chair on the
    steering group that plans the meetings (3.1), with erin in the chair of meeting 1 (5.1)."""
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin")
    chat.ok("alice", "meeting schedule 2027-03-11 10:00")


def test_lieg_a_guest_is_invited_ahead_of_the_meeting_and_recorded_on_arrival(chat: Chat) -> None:
    """LIEG 2.7: "Guests from partner organisations may be invited to attend for specific meetings". alice invited
    mia of the Metropolitan Police a week ahead and was told that a guest is recorded only once the meeting is open;
    the invitation went unrecorded, and mia, arriving, was told she held no seat. The invitation is now recorded for
    the meeting, and mia's `here` at it records her as a guest from the organisation she was invited from."""
    lieg_two_meetings(chat)
    said = chat.ok("alice", 'guest @mia --from "Metropolitan Police"').text
    assert said.startswith("mia (Metropolitan Police) is invited to meeting 1 (Thu 10 Dec 2026, 10:00 GMT) as a "
                           "guest (ToR 2.7)"), said
    said = chat.ok("alice", 'guest @noor --from "London Councils" --meeting 2').text
    assert "is invited to meeting 2 (Thu 11 Mar 2027, 10:00 GMT)" in said, said
    assert "already invited" in chat.ok("alice", 'guest @mia --from "Metropolitan Police"').text
    assert "Only the chair or the meeting's minute-taker" in chat.refused("frank", 'guest @kai --from "DfE"').text
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("erin", "meeting open")
    said = chat.ok("mia", "here").text
    assert said.startswith("mia (Metropolitan Police) attends meeting 1 as a guest, invited ahead: no vote, and not "
                           "counted for the quorum (ToR 2.7)"), said
    assert "held no seat" not in said
    assert "no member has named you their deputy" in chat.refused("noor", "here").text  # invited to meeting 2
    closed = dict(chat.ok("erin", "meeting close").fields)
    assert closed["In attendance"] == "mia (Metropolitan Police) — guest", closed
