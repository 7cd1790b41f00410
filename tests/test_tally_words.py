"""Tallies a screen reader reads: words and a percentage, never block-character bars."""

from __future__ import annotations

from tests.conftest import Chat


def test_a_tally_is_given_in_words(chat: Chat) -> None:
    chat.load("plpcp")
    chat.ok("alice", 'poll "Venue for March?" "Civic Centre" "Online" --closes "2026-12-20 17:00"')
    for who, choice in (("alice", "1"), ("bob", "1"), ("carol", "2")):
        chat.ok(who, f"vote 1 {choice}")
    card = chat.ok("alice", "results 1")
    assert ("Civic Centre", "2 of 3 voted (67%)") in card.fields and ("Online", "1 of 3 voted (33%)") in card.fields
    assert not set("█░▓▒") & set(card.as_text())


def test_a_poll_with_no_votes_says_so(chat: Chat) -> None:
    chat.load("plpcp")
    card = chat.ok("alice", 'poll "Venue for March?" "Civic Centre" "Online" --closes "2026-12-20 17:00"')
    assert ("Civic Centre", "0 (no votes yet)") in card.fields
