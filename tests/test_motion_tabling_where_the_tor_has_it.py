"""Only LIEG's ToR has motions tabled before the vote ("tabled with the LIEG steering group", ToR 6.3). `help motion
table` said "(steering group members)" and `terms` listed "Who may table a motion" in every group, though PLPCP,
LCIIB, CSCPWG and CJCG have no tabling step: there they say so, and `motion table` is refused."""

from __future__ import annotations

import pytest

from tests.conftest import Chat
from tests.platform_chats import meeting_opened


@pytest.mark.parametrize("group", ["plpcp", "lciib", "cscpwg", "cjcg"])
def test_a_group_without_tabling_says_its_tor_has_none(chat: Chat, group: str) -> None:
    chat.load(group)
    helped = chat.ok("alice", "help motion table").as_text()
    assert "steering group members" not in helped, helped
    assert "Who may table a motion: nobody: the ToR has no tabling step" in helped, helped
    assert "Who may table a motion" not in chat.ok("alice", "terms").as_text()


def test_plpcp_motion_table_is_refused_for_the_chair_and_a_member_alike(chat: Chat) -> None:
    meeting_opened(chat, "plpcp")
    chat.ok("bob", 'motion "Adopt the placements dashboard"')
    for who in ("alice", "bob", "sam"):
        said = chat.refused(who, "motion table 1").text
        assert said == ("The ToR has no tabling step: a proposed motion goes to the vote when the chair opens it "
                        "with `motion vote 1`."), said
    chat.ok("alice", "motion vote 1")


def test_lieg_still_lists_and_explains_its_tabling_step(chat: Chat) -> None:
    chat.load("lieg")
    helped = chat.ok("alice", "help motion table").as_text()
    assert "Who may table a motion: a member of the steering group (ToR 6.3)." in helped, helped
    assert "Who may table a motion: a member of the steering group (ToR 6.3)" in chat.ok("alice", "terms").as_text()
    chat.ok("erin", "meeting schedule 2026-12-10 10:00 --chair @erin")
    chat.ok("frank", 'motion "That LIEG changes its venue rota"')
    chat.refused("frank", "motion table 1")  # frank is a member, not on the steering group
    chat.ok("alice", "motion table 1")
