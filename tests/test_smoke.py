"""The quickest check that the core answers: a CJCG meeting reaches quorum at three."""

from tests.conftest import Chat


def test_three_members_present_make_the_cjcg_quorate(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    chat.advance(days=2, hours=1)
    chat.ok("alice", "meeting open --confirm")
    chat.ok("bob", "here")
    assert "not quorate — 2 members present, 3 needed (ToR 6.4)" in chat.ok("alice", "quorum").text
    chat.ok("carol", "here")
    assert "quorate — 3 members present, 3 needed (ToR 6.4)" in chat.ok("alice", "quorum").text
