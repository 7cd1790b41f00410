"""Text longer than the record keeps is refused, saying the limit, on every platform over real HTTP
(platform_chat): it used to be cut short without a word (an agenda item at 500 characters, a motion at 2,000),
so what was recorded was not what was said."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.db import unit_of_work
from bot.models import AgendaItem, Meeting
from tests.platform_chats import Speaking

LONG = "x" * 2001

TOO_LONG = {
    "an agenda item": (f'agenda add "{"a" * 501}"', "at most 500 characters", "agenda 1", "no agenda items"),
    "a motion": (f'motion "{LONG}" --closes "2026-12-08 17:00"', "at most 2,000 characters", "polls", "No votes are open or proposed"),
    "an apology's reason": ("apologies " + "r" * 501, "at most 500 characters", "apologies sick", "Apologies from"),
    "an action": (f'action "{LONG}"', "at most 2,000 characters", "actions", "No open actions"),
    # a meeting's place (a Teams meeting's join link runs to hundreds of characters): kept whole on SQLite past
    # its column, and on PostgreSQL the command failed ('something went wrong')
    "a meeting's place": ("meeting schedule 2026-12-11 10:00 --where " + "w" * 501, "at most 500 characters",
                          "meeting schedule 2026-12-11 10:00 --where Room2", "Meeting 2"),
}


@pytest.mark.parametrize("name", list(TOO_LONG))
def test_text_too_long_for_the_record_is_refused_with_its_limit_not_cut(platform_chat: Speaking,
                                                                         name: str) -> None:
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    said, limit, ask, before = TOO_LONG[name]
    refusal = chat.refused("alice", said)
    assert limit in refusal.text, refusal.text
    assert "x" * 100 not in refusal.text
    assert before in chat.ok("alice", ask).text


def test_an_agenda_holds_at_most_a_hundred_items_and_says_so(platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    with unit_of_work(chat.sessions) as session:  # ninety-nine items already, as a long agenda would have them
        meeting = session.scalars(select(Meeting)).one()
        meeting.items.extend(AgendaItem(position=n, title=f"Item {n}") for n in range(1, 100))
    assert "Item 100 added" in chat.ok("alice", 'agenda add "The hundredth"').text
    refusal = chat.refused("alice", 'agenda add "One too many"')
    assert "at most 100 items" in refusal.text, refusal.text
    with chat.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AgendaItem)) == 100


def test_a_guests_organisation_longer_than_the_record_keeps_is_refused_not_cut(platform_chat: Speaking) -> None:
    """A guest's organisation was cut at 200 characters without a word, so the roll named an organisation nobody
    said; it is refused saying the limit, as every other text the record keeps is (bot/services/lengths.py)."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    refusal = chat.refused("sam", 'guest @zed --from "' + "Healthwatch " * 20 + '"')
    assert "at most 200 characters" in refusal.text, refusal.text
    assert "zed" not in chat.ok("alice", "attendance").text
    chat.ok("sam", 'guest @zed --from "Healthwatch Southend"')
    assert "zed (Healthwatch Southend) — guest" in chat.ok("alice", "attendance").text
