"""A long question shown cut says it was cut: a withdrawn motion's answer, a meeting's close, the list of open votes
gave its first 80 (or 120, or 60) characters and stopped mid-word, so a reader took the stub for the whole motion.
Now it ends at the last whole word within the limit, and an ellipsis."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import meeting_opened

AT_80 = "That the group commissions an independent review of placement sufficiency…"  # 74 characters and "…"
AT_120 = ("That the group commissions an independent review of placement sufficiency across all five boroughs before "
          "the next…")
LONG = ("That the group commissions an independent review of placement sufficiency across all five boroughs "
        "before the next budget round")


def test_a_withdrawn_motions_long_question_ends_in_an_ellipsis_where_it_is_cut(chat: Chat) -> None:
    meeting_opened(chat, "cjcg", "bob", "carol", "dan")
    chat.ok("bob", f'motion "{LONG}"')
    said = chat.ok("bob", "motion withdraw 1").text
    assert f"({AT_80}) is withdrawn by its proposer" in said, said


def test_a_long_question_left_at_the_close_and_in_the_list_of_votes_ends_in_an_ellipsis(chat: Chat) -> None:
    meeting_opened(chat, "cjcg", "bob", "carol", "dan")
    chat.ok("bob", f'motion "{LONG}"')
    listed = chat.ok("carol", "polls").as_text()
    assert AT_120 in listed, listed
    closed = chat.ok("alice", "meeting close").as_text()
    assert f"Motion 1 ({AT_80}) was not put to the vote" in closed, closed


def test_a_short_question_is_shown_whole_without_an_ellipsis(chat: Chat) -> None:
    meeting_opened(chat, "cjcg", "bob", "carol", "dan")
    chat.ok("bob", 'motion "That the plan is adopted"')
    assert "(That the plan is adopted) is withdrawn" in chat.ok("bob", "motion withdraw 1").text
