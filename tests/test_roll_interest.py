"""The roll agrees with the minutes on why someone left for an item (CJCG 6.5: interests "declared and recorded"):
carol, with a pecuniary interest declared in item 1, said `leaving --item 1`; the minutes gave "left the room for
item 1 (pecuniary interest declared) at 10:10" but the meeting's card and `attendance` said only "left for item 1
at 10:10", as if she had left for no interest of hers. Both now give the interest; dan, who left for an item he
declared nothing in, still reads "left for item 2"."""

from __future__ import annotations

import datetime as dt

from tests.platform_chats import Speaking, at

LEFT = "carol (left for item 1 (pecuniary interest declared) at 10:10"


def test_the_roll_and_the_card_give_the_interest_of_one_who_left_for_an_item(platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    card = chat.ok("alice", "meeting open")
    for who in ("bob", "carol", "dan", "erin"):
        chat.ok(who, "here")
    chat.ok("sam", 'agenda add "Placements contract"')
    chat.ok("sam", 'agenda add "Short breaks"')
    chat.ok("carol", 'declare "Shares in a placements provider" --item 1 --nature pecuniary')
    chat.now += dt.timedelta(minutes=10)
    chat.ok("carol", "leaving --item 1")
    chat.now += dt.timedelta(minutes=5)
    chat.ok("dan", "leaving --item 2")
    said = chat.ok("bob", "attendance").as_text()
    assert LEFT + ")" in said, said
    assert "dan (left for item 2 at 10:15)" in said, said
    if (shown := chat.card_now(card, showing="left for item 1")) is not None:
        assert LEFT in shown, shown
    chat.now += dt.timedelta(minutes=5)
    chat.ok("carol", "here")
    closed = chat.ok("alice", "meeting close").as_text()
    assert LEFT + ", back 10:20)" in closed, closed
