"""`group end --motion N` takes a motion as ending the group only where its words end the group: "closes the gap" and
"closes 2 sites" are not the group closing (CSCPWG Operation, "The group may cease prior to this if appropriate and
by agreement of all members")."""

from __future__ import annotations

import pytest

from bot.rules.ending_words import speaks_of_ending
from tests.conftest import Chat
from tests.test_seeds_n import cscpwg_first_meeting

NAME, SHORT = "Children's Services Placements Working Group", "cscpwg"


def carried(chat: Chat, text: str) -> None:
    """CSCPWG's first meeting elects alice chair, carries `text` as motion 2 with all four for, and closes."""
    cscpwg_first_meeting(chat)
    chat.ok("sam", 'poll "Chair" "alice" "bob"')
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, "vote 1 alice")
    chat.ok("sam", "poll close 1")
    chat.ok("sam", "chair @alice --poll 1")
    chat.ok("alice", f'motion "{text}"')
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, "vote 2 for")
    chat.ok("alice", "poll close 2")
    chat.ok("alice", "meeting close")


def test_a_motion_that_closes_a_gap_does_not_end_the_group_unconfirmed(chat: Chat) -> None:
    """alice's carried "That the group closes the gap in placement sufficiency" ended the group on `group end --motion
    2`, its meetings cancelled: "closes" was taken for the group closing."""
    carried(chat, "That the group closes the gap in placement sufficiency")
    said = chat.refused("alice", "group end --motion 2").text
    assert "which says nothing of the group ceasing" in said and "(ToR Operation)" in said, said


def test_a_motion_that_dissolves_the_group_ends_it(chat: Chat) -> None:
    carried(chat, "That the working group is dissolved with effect from today")
    assert "ends on 7 Feb 2023" in chat.ok("alice", "group end --motion 2").text


@pytest.mark.parametrize("text", ["That the working group ceases now", "Cease the working group early",
                                  "That the board be dissolved", "That the group is wound up", "Disband the group",
                                  "the winding up of the group", "That CSCPWG ceases on 1 March",
                                  "That the group ceases to operate", "The group's work is concluded.",
                                  "That the group stands down with immediate effect"])
def test_words_that_end_the_group(text: str) -> None:
    assert speaks_of_ending(text, NAME, SHORT)


@pytest.mark.parametrize("text", ["That the group closes the gap", "That the board closes 2 sites", "End child poverty",
                                  "Close the group's bank account", "That the group finishes the report",
                                  "Recommend that the board ends out-of-area placements",
                                  "Approve the end of year report"])
def test_ending_words_about_something_else(text: str) -> None:
    assert not speaks_of_ending(text, NAME, SHORT)
