"""CSCPWG Governance, "The working group will elect a chair at its first meeting" (round Y1): the ballot govbot
offers to copy names the group's own members, not two names of its own."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.test_seeds_y1 import cscpwg_chair_elected_in_january


def test_cscpwg_the_chair_ballot_offered_names_the_members_in_office(chat: Chat) -> None:
    """alice, elected chair at meeting 1, stood down from the group in February and amy took the Conservative seat.
    Every prompt to hold the election again offered `poll "Chair" "alice" "bob"`: a ballot naming alice, who holds
    no seat and cannot be elected (copied, it was refused). It now names two of the voting members in office."""
    cscpwg_chair_elected_in_january(chat)
    chat.now = dt.datetime(2023, 2, 1, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "member remove @alice")
    chat.ok("sam", 'member add @amy --seat "Conservative group councillor"')
    refused = chat.refused("sam", "chair @bob").text
    assert '`poll "Chair" "bob" "carol"`' in refused, refused
    chat.ok("sam", "meeting schedule 2023-03-07 10:00")
    chat.now = dt.datetime(2023, 3, 7, 10, 0, tzinfo=dt.UTC)
    opened = chat.ok("sam", "meeting open").text
    assert 'Hold the election with `poll "Chair" "bob" "carol"` (the candidates)' in opened, opened
    refused = chat.refused("bob", "meeting close").text
    assert 'calls the vote (`poll "Chair" "bob" "carol"`)' in refused, refused
    refused = chat.refused("sam", 'poll "Chair" "alice" "bob"').text
    assert refused.endswith('by the names `members` shows: `poll "Chair" "bob" "carol"`.'), refused
    closed = chat.ok("sam", "meeting close").as_text()
    assert '`poll "Chair" "bob" "carol"` (the candidates)' in closed, closed
    assert '"alice"' not in opened + closed


def test_plpcp_a_meeting_never_opened_is_named_when_the_chair_opens_it_late(chat: Chat) -> None:
    """PLPCP's meeting 1 was scheduled for 15 Dec 2026 at 10:00; nobody pressed open, and the next morning alice's
    `meeting open` was told 'No meeting is open or scheduled ... schedule one', while `meetings` listed meeting 1
    as scheduled. The refusal names it and how to hold it now, which works."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-15 10:00")
    chat.now = dt.datetime(2026, 12, 16, 10, 0, tzinfo=dt.UTC)
    refused = chat.refused("alice", "meeting open").text
    assert refused.startswith("No meeting is open or to come. Meeting 1 (Tue 15 Dec 2026, 10:00 GMT) was scheduled "
                              "but never opened: to hold it now, say `meeting open 1`; or cancel it with "
                              "`meeting cancel 1`."), refused
    assert "Meeting 1 of Pan-London" in chat.ok("alice", "meeting open 1").title
