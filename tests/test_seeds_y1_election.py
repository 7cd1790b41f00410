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
