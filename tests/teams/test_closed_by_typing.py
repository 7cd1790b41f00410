"""A vote closed by a typed command in a Teams channel: its card is updated in place, as Slack updates it, and the
person who typed is answered in their thread with a line, not a second card of the same vote."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.teams.conftest import SDK_WARNINGS, teams_world
from tests.teams.test_cards import open_vote
from tests.teams.test_meeting import card_of, card_text, tally

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)


def test_a_motion_closed_by_typing_updates_its_card_and_posts_no_second_card(
        sessions: sessionmaker[Session]) -> None:
    """The chair types `poll close 1`: the motion's card was refreshed and a second card of the closed motion posted
    in the chair's thread, which then became the card later changes updated. The channel had two cards of one
    vote, the first without its outcome; Slack updates its one card with the outcome."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            card_id, buttons = await open_vote(teams)
            await teams.invoke("bob", buttons["For"], card_id=card_id)
            answered = await teams.say("alice", "poll close 1")
            updates = [call for call in answered if call.method == "PUT"]
            posts = [call for call in answered if call.method == "POST"]
            assert [call.path.rsplit("/", 1)[-1] for call in updates] == [card_id], answered
            closed = card_of(updates[-1])
            assert "Motion 1 is closed: carried" in card_text(closed) and tally(closed)["Voted"] == "1"
            assert "actions" not in closed, "a closed vote's card offers no buttons"
            assert [post.body.get("attachments") for post in posts] == [None], "no second card of the motion"
            assert posts[0].body["text"].startswith("Motion 1 is closed: carried"), posts[0].body
            # The motion's card stays the one later changes update.
            again = await teams.say("alice", "poll close 1")
            assert all(call.path.rsplit("/", 1)[-1] == card_id for call in again if call.method == "PUT")

    asyncio.run(run())
