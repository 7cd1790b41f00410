"""Leftovers found while playing the five seed groups' meetings (round X): where the bot differed from the ToR."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def cscpwg_meeting_scheduled(chat: Chat) -> None:
    """CSCPWG meeting 1 on 10 Oct 2022 at 10:00 BST, scheduled by sam, the Senior Adviser, on 1 Oct."""
    chat.now = dt.datetime(2022, 10, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cscpwg")
    chat.ok("sam", "meeting schedule 2022-10-10 10:00")


def test_cscpwg_the_senior_adviser_records_the_substitute_a_councillor_sent(chat: Chat) -> None:
    """CSCPWG Governance: "Members may send substitutes to working group meetings"; "supported by a Senior Adviser"
    (Operation). bob emails sam that vera will attend for him; sam records it as he records bob's apologies
    (`apologies --for @bob`): it was refused ("Only the member themself can name a substitute"). It stands as bob's
    nomination; carol, another member, is still refused, and vera must still be one the ToR makes eligible."""
    cscpwg_meeting_scheduled(chat)
    said = chat.ok("sam", "substitute @vera --for @bob").text
    assert said == ("vera is bob's substitute for meeting 1 (Mon 10 Oct 2022, 10:00 BST) and may vote in their place "
                    "(ToR Governance). Recorded by sam as bob's nomination."), said
    assert "bob: vera, meeting 1" in chat.ok("alice", "deputies").as_text()
    refused = chat.refused("carol", "substitute @wendy --for @bob").text
    assert refused.startswith("Only the member themself can name a substitute for a member (ToR Governance)"), refused
    assert "Board" in chat.refused("sam", "substitute @zed --for @dan").text
    help_text = chat.ok("sam", "help deputy").as_text()
    assert "Who may record a substitute a member sent them (`--for`), as the member's own nomination: the chair, " \
           "the secretariat" in help_text, help_text
    assert "vera is no longer bob's substitute" in chat.ok("sam", "substitute revoke @vera --for @bob").text
