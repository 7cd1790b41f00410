"""Minuting each item (`minute`, `resolved`), people named as the ToR names them, and the record's link in chat."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from bot.db import unit_of_work
from bot.errors import TermsError
from bot.models import Group
from bot.replies import Reply
from bot.services.context import Context, Speaker, person_for
from bot.services.groups import import_group
from bot.services.page import with_link
from bot.terms import parse_terms
from bot.verbs import Minutes
from tests.conftest import Chat
from tests.web.pages import page_settings
from tests.web.public import PUBLIC_TOR, load_public_group

__all__ = ["page_settings"]


def test_the_minute_taker_minutes_each_item_and_the_minutes_number_them(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --minutes @sam")
    chat.ok("alice", 'agenda add "Joint action plan"')
    chat.ok("alice", 'agenda add "Any other business"')
    chat.ok("alice", "meeting open --confirm")
    assert "can write the discussion note into the minutes (ToR 6.3)" in chat.refused("bob", 'minute "x" --item 1').text
    assert "Say which agenda item" in chat.refused("sam", 'minute "The plan was discussed"').text
    assert "Meeting 1 has no item 3" in chat.refused("sam", 'minute "x" --item 3').text
    assert "recorded" in chat.ok("sam", 'minute "The group discussed the draft plan." --item 1').text
    for who in ("carol", "dan"):  # quorate (ToR 6.4): a resolution, like a vote, needs it
        chat.ok(who, "here")
    chat.ok("alice", 'resolved "That the plan be adopted." --item 1')
    assert "replaced" in chat.ok("alice", 'resolved "That the plan be adopted as amended." --item 1').text
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").text
    item_1 = minutes.split("### 1. Joint action plan", 1)[1].split("### 2.", 1)[0]
    assert "The group discussed the draft plan." in item_1
    assert "**Resolved:** That the plan be adopted as amended." in item_1
    assert "Nothing was minuted and no vote was taken on this item." in minutes.split("### 2. Any other business")[1]
    assert "**Signed:** ________________________________ (Chair)" in minutes
    assert "**Name:** alice (Southend City Council)" in minutes
    chat.ok("alice", "minutes approve 1")
    assert "record is locked" in chat.refused("sam", 'minute "Late thought" --item 1 --meeting 1').text


def test_a_holder_named_in_the_tor_is_shown_by_name_and_organisation(chat: Chat) -> None:
    load_public_group(chat)
    members = chat.ok("alice", "members").as_text()
    assert "Cllr Jane Smith" in members and "alice" not in members
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.ok("alice", "meeting open --confirm")
    chat.ok("bob", "here")
    chat.ok("alice", "meeting close")
    assert "- **Chair:** Cllr Jane Smith (Camden)" in chat.ok("bob", "minutes 1").text
    with pytest.raises(TermsError):
        parse_terms(PUBLIC_TOR.replace("{id: alice, name:", "{name:"))
    with unit_of_work(chat.sessions) as session:  # the plain form still works beside the named one
        import_group(session, PUBLIC_TOR.replace("openboard", "plainboard").replace(
            '{id: alice, name: "Cllr Jane Smith"}', "alice"), chat.now)


def test_the_record_in_chat_ends_with_the_members_own_link(recorded: Callable[[str], Chat],
                                                           page_settings: object) -> None:
    chat = recorded("cjcg")
    for command in ("minutes 1", "interests", "attendance register", "actions"):
        link = chat.ok("bob", command).link
        assert link is not None and link[0] == "Open the record", command
        assert link[1].startswith("http://localhost/groups/cjcg/?t="), command
    page = chat.ok("bob", "page")
    assert page.private and "yours alone" in page.text and "(ToR 6.7-6.9)" in page.text


def test_without_a_page_secret_the_bot_says_pages_are_not_switched_on(recorded: Callable[[str], Chat]) -> None:
    chat = recorded("cjcg")
    assert "PAGE_SECRET" in chat.refused("bob", "page").text
    assert chat.ok("bob", "minutes 1").link is None


def test_a_personal_link_never_goes_into_a_reply_the_channel_sees(recorded: Callable[[str], Chat],
                                                                  page_settings: object) -> None:
    chat = recorded("cjcg")
    for_channel = with_link(lambda ctx, cmd: Reply("Posted in the channel"), "#meetings")
    for_bob = with_link(lambda ctx, cmd: Reply("Only bob sees this", private=True), "#meetings")
    with unit_of_work(chat.sessions) as session:
        group = session.scalars(select(Group)).one()
        bob = person_for(session, Speaker("console", "bob", "bob"))
        ctx = Context(session, group, bob, chat.now, "console")
        assert for_channel(ctx, Minutes()).link is None
        assert (for_bob(ctx, Minutes()).link or ("", ""))[1].startswith("http://localhost/groups/cjcg/?t=")
