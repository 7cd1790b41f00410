"""Someone who sent apologies for a meeting is not at it: they do not take its roll (`here @carol`), record its
actions or guests, or call and close its votes while it runs, though their role would let them; back after all,
they say `here` first. Those at the meeting still may."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at

AWAY = ("You sent apologies for meeting 1, so you are not at it to {doing}: that is done by someone at the meeting "
        "(the ToR does not say, so this is the usual practice). If you have come after all, say `here` first.")


def cjcg_without_alice(chat: Chat) -> None:
    """CJCG 6.2: alice chairs the group; she sent apologies for meeting 1, and bob was named to chair it (6.3:
    the administrative support, sam, arranges the meetings)."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("alice", "apologies")
    chat.ok("sam", "meeting chair @bob --meeting 1")
    at(chat, "2026-12-10", "10:00")
    chat.ok("bob", "meeting open")


def test_cjcg_the_chair_who_sent_apologies_does_not_take_the_roll(chat: Chat) -> None:
    """alice, away, recorded carol present from wherever she was: the roll is taken in the room (CJCG 6.3: sam's
    note taking), and the minutes would read carol present on the word of someone who was not there."""
    cjcg_without_alice(chat)
    refused = chat.refused("alice", "here @carol").text
    assert refused.startswith(AWAY.format(doing="record others present")), refused
    assert "  Present: bob\n" in chat.ok("bob", "attendance").as_text()
    # sam, at the meeting, takes the roll, and is recorded in attendance for it (round Y2)
    assert chat.ok("sam", "here @carol").text == "carol is present. You are recorded present at meeting 1."
    assert "  Present: bob, carol\n" in chat.ok("bob", "attendance").as_text()


def test_cjcg_the_chair_who_sent_apologies_does_not_run_the_meetings_business(chat: Chat) -> None:
    """Nor does alice, away, move a motion at the meeting, call its vote, close it, or record its actions; bob,
    chairing, does."""
    cjcg_without_alice(chat)
    for who in ("carol", "dan"):
        chat.ok(who, "here")
    refused = chat.refused("alice", 'poll "Venue?" "Civic Centre" "Online"').text
    assert refused.startswith(AWAY.format(doing="call a poll")), refused
    refused = chat.refused("alice", 'motion "That the group adopts the plan"').text
    assert refused.startswith(AWAY.format(doing="propose motions in Children's Joint Commissioning Group")), refused
    refused = chat.refused("alice", 'action "Write to the ICB" --owner @carol').text
    assert refused.startswith(AWAY.format(doing="record actions")), refused
    chat.ok("bob", 'poll "Venue?" "Civic Centre" "Online"')
    refused = chat.refused("alice", "poll close 1").text
    assert refused.startswith(AWAY.format(doing="close a vote")), refused
    chat.ok("bob", "poll close 1")


def test_cjcg_the_chair_back_after_all_says_here_and_then_may(chat: Chat) -> None:
    """alice came after all: once she says `here`, she is at the meeting and records carol present."""
    cjcg_without_alice(chat)
    chat.ok("alice", "here")
    chat.ok("alice", "here @carol")
