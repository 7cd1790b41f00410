"""LCIIB Membership: "The LCIIB will be chaired by a Chief Executive" (alice). bob chaired meeting 1 alone, and may
approve its minutes as its chair; a refusal to anyone else said "Ask alice or bob, who hold the chair (ToR
Membership)", as if bob held the board's chair. It names each for what they are."""

from __future__ import annotations

from tests.conftest import Chat

REFUSED = ("Only the chair (or the meeting's chair) can approve the minutes of London Children's Innovation and "
           "Improvement Board. The ToR does not say who may, so this is the usual practice. Ask alice, the chair (ToR "
           "Membership), or bob, who chaired meeting 1.")


def test_lciib_minutes_refusal_names_the_chair_and_who_chaired_the_meeting(chat: Chat) -> None:
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00 --chair @bob")
    chat.now = chat.now.replace(day=10, hour=10)
    chat.ok("bob", "meeting open")
    chat.ok("carol", "here")
    chat.ok("bob", "meeting close")
    chat.advance(days=1)
    for who in ("carol", "sam", "liam"):
        assert chat.refused(who, "minutes approve 1").text == REFUSED
    chat.ok("bob", "minutes approve 1")


def test_lciib_while_bob_chairs_the_open_meeting_he_is_named_for_it(chat: Chat) -> None:
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00 --chair @bob")
    chat.now = chat.now.replace(day=10, hour=10)
    chat.ok("bob", "meeting open")
    said = chat.refused("carol", "meeting close").text
    assert said.endswith("Ask alice, the chair (ToR Membership), or bob, who chairs meeting 1."), said
