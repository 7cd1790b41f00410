"""What someone who held a seat and left it is told on saying `here`: the seat they held and until when, and who
holds it now only where that someone succeeded them."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def test_lciib_a_co_opted_lead_who_left_is_not_told_another_lead_holds_their_seat(chat: Chat) -> None:
    """LCIIB Membership: "DCS leads for London's priority themes will be co-opted to attend as required", several at
    once. mia, no longer co-opted, saying `here` was told "nina holds it now", as if nina had succeeded her; nina
    is the lead for another theme, and the seat was never mia's alone."""
    chat.load("lciib")
    for who in ("mia", "nina"):
        chat.ok("sam", f'member add @{who} --seat "DCS lead for a priority theme" --agreed "Board, minute 5"')
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", "member remove @mia")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    said = chat.refused("mia", "here").text
    assert said.startswith("You no longer hold a seat in London Children's Innovation and Improvement Board: you "
                           "held DCS lead for a priority theme until "), said
    assert "nina" not in said and "vacant" not in said, said
