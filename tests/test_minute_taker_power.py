"""Who may make someone a meeting's minute-taker with `meeting minute-taker`, which gives them the minute-taker's
powers over that meeting (recording its actions, minutes and resolutions where the ToR gives those to the
minute-taker, as CJCG 6.3 does)."""

from __future__ import annotations

from tests.platform_chats import Speaking
from tests.test_seeds_i import cjcg_meeting, plain


def test_cjcg_a_member_cannot_make_themself_minute_taker_and_take_its_powers(platform_chat: Speaking) -> None:
    """CJCG gives the note taking to the administrative support (6.3) and has no member volunteer to take the
    minutes. `meeting minute-taker @bob`, said by bob, made him the minute-taker without any power checked: he
    could then write minutes and resolutions into the record, which 6.3 gives the chair, the administrative support
    and a minute-taker they name."""
    chat = platform_chat
    cjcg_meeting(chat, before=(("sam", 'agenda add "Joint action plan"'),))
    refused = chat.refused("bob", "meeting minute-taker @bob").text
    assert "(ToR 6.3)" in refused, refused
    assert "(ToR 6.3)" in chat.refused("bob", 'minute "The group noted the plan" --item 1').text
    said = plain(chat.ok("sam", "meeting minute-taker @bob").text)
    assert "bob takes the minutes of meeting 1" in said, said
    chat.ok("bob", 'minute "The group noted the plan" --item 1')
