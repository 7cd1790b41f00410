"""The meeting a declaration's own words name (`declare "..." for meeting 2`) is the meeting it is declared for, as
`--meeting 2` is, and not part of what was declared (CJCG 6.5)."""

from __future__ import annotations

from tests.conftest import Chat


def cjcg_two_meetings(chat: Chat) -> None:
    """CJCG's meetings 1 (10 Dec 2026) and 2 (14 Jan 2027), scheduled by sam; meeting 2 with one item."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", "meeting schedule 2027-01-14 10:00")
    chat.ok("sam", 'agenda add "Placements contract" --meeting 2')


def test_cjcg_an_interest_declared_for_meeting_2_in_words_is_declared_for_it(chat: Chat) -> None:
    """CJCG 6.5 ("Conflicts of interest are to be declared and recorded at the beginning of each meeting"): bob typed
    `declare "My brother runs a care home" for meeting 2`; it was recorded for meeting 1, with "for meeting 2" in
    what he declared. carol and dan named meeting 2's item 1 too, before or after the meeting, and were refused:
    meeting 1 has no item 1. Each is now declared for meeting 2, in their own words; zed, who holds no seat, may not
    declare."""
    cjcg_two_meetings(chat)
    said = chat.ok("bob", 'declare "My brother runs a care home" for meeting 2').text
    assert said.startswith("Recorded: bob declared an interest for meeting 2: My brother runs a care home (ToR 6.5)"), \
        said
    said = chat.ok("carol", 'declare "Shares in a placements provider" item 1 for meeting 2').text
    assert "for meeting 2" in said and "Shares in a placements provider" in said and "item 1" in said, said
    assert "provider item 1" not in said and "provider for meeting" not in said, said
    said = chat.ok("dan", 'declare "Shares in a provider" at meeting 2 on item 1').text
    assert "for meeting 2" in said and "provider at meeting" not in said, said
    said = chat.ok("erin", "declare interest in item 1 for meeting 2 - my LA bids").text
    assert "for meeting 2" in said and "my LA bids" in said and "for meeting 2 -" not in said, said
    chat.refused("zed", 'declare "x" for meeting 2')
    register = chat.ok("sam", "interests --meeting 2").as_text()
    assert "My brother runs a care home" in register and "care home for meeting" not in register, register
    assert "No declarations" in chat.ok("sam", "interests --meeting 1").as_text()


def test_cjcg_words_that_only_mention_a_meeting_are_kept(chat: Chat) -> None:
    """`declare "..."` whose own words end by mentioning a meeting, with no 'for'/'at' before it (`I minute meeting
    2`) is declared for the next meeting in those words: only a meeting named as the declaration's is read."""
    cjcg_two_meetings(chat)
    said = chat.ok("bob", "declare I chair the panel reviewing meeting 2").text
    assert said.startswith("Recorded: bob declared an interest for meeting 1: I chair the panel reviewing meeting 2"), \
        said
