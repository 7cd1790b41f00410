"""The seed groups' meetings as their members type them (round Z): where the bot named someone the ToR has no seat
for, listed those present out of order, or gave no useful answer to plain words, each fixed."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at


def lieg_meeting_open(chat: Chat) -> None:
    """LIEG's meeting 1 on 3 Dec 2026, opened by alice, a co-chair (ToR 3.1, 5.1)."""
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    at(chat, "2026-12-03", "10:00")
    chat.ok("alice", "meeting open")


def test_lieg_names_no_secretariat_it_has_no_seat_for(chat: Chat) -> None:
    """LIEG has no secretariat seat, yet `terms` said "the chair or the secretariat" may seat a member, mark an
    action done or record the review. Only who exists is named; CJCG, which has one (ToR 6.3), still names it."""
    chat.load("lieg")
    said = chat.ok("alice", "terms").as_text()
    assert "secretariat" not in said, said
    assert "Who may seat or remove a member: the chair (or a co-chair) (default" in said, said
    assert "Who may mark an action done: the action's owner or the chair (default" in said, said
    assert "Who may record a review or report done: the chair (or a co-chair) (default" in said, said
    chat.load("cjcg", channel="cjcg")
    said = chat.say("alice", "terms", channel="cjcg").as_text()
    assert "Who may mark an action done: the action's owner, the chair or the secretariat" in said, said


def test_lieg_who_may_not_mark_an_action_done_is_told_who_may(chat: Chat) -> None:
    """frank, a member, may not mark carol's action done: the refusal names her and the chair, no secretariat;
    carol (its owner) and alice (a co-chair) may."""
    lieg_meeting_open(chat)
    chat.ok("alice", "action @carol send the returns")
    chat.ok("alice", "action @dan check the figures")
    refused = chat.refused("frank", "action done 1").text
    assert refused.startswith("Only the action's owner or the chair can mark action 1 done."), refused
    assert "secretariat" not in refused, refused
    chat.ok("carol", "action done 1")
    chat.ok("alice", "action done 2")


def test_lieg_who_may_not_record_the_review_is_told_who_may(chat: Chat) -> None:
    """carol, a member, may not record LIEG's review done; alice, a co-chair, may (the usual practice: the ToR is
    silent on who records it)."""
    chat.load("lieg")
    refused = chat.refused("carol", "review done").text
    assert refused.startswith("Only the chair (or a co-chair) can "), refused
    assert "secretariat" not in refused, refused
    chat.ok("alice", "review done")
