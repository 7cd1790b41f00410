"""The event of a group ended by a motion names that motion (0021); an older event the upgrade left with its note
`motion N: outcome` is still read, so the motion's record keeps saying it ended the group."""

from __future__ import annotations

from sqlalchemy import text

from tests.conftest import Chat
from tests.test_seeds_leftovers import cscpwg_all_present

ENDED = "ended the group on 7 Feb 2023 (ToR Operation)"


def end_cscpwg_by_motion_1(chat: Chat) -> None:
    """CSCPWG Operation: the group may "cease prior to this ... by agreement of all members"."""
    cscpwg_all_present(chat)
    chat.ok("alice", 'motion "That the working group ceases now"')
    chat.ok("alice", 'motion "That the minutes be kept"')
    for number in (1, 2):
        chat.ok("sam", f"motion vote {number}")
        for member in ("alice", "bob", "carol", "dan"):
            chat.ok(member, f"vote {number} for")
        chat.ok("sam", f"poll close {number}")
    chat.ok("sam", "meeting close")
    assert "Agreed: motion 1: carried" in chat.ok("sam", "group end --motion 1").text


def test_the_ended_event_names_its_motion_and_only_that_motion_ended_the_group(chat: Chat) -> None:
    end_cscpwg_by_motion_1(chat)
    with chat.sessions() as session:
        assert list(session.execute(text("SELECT p.number, e.note FROM group_events e JOIN polls p "
                                          "ON p.id = e.poll_id WHERE e.kind = 'ended'"))) == [(1, None)]
    assert ENDED in chat.ok("bob", "results 1").as_text()
    assert ENDED not in chat.ok("bob", "results 2").as_text()


def test_an_event_recorded_before_the_column_is_still_read_from_its_note(chat: Chat) -> None:
    end_cscpwg_by_motion_1(chat)
    with chat.sessions.begin() as session:
        outcome = session.scalar(text("SELECT outcome FROM polls WHERE number = 1"))
        session.execute(text("UPDATE group_events SET poll_id = NULL, note = :note WHERE kind = 'ended'"),
                        {"note": f"motion 1: {outcome} (as recorded before the upgrade)"})
    assert ENDED in chat.ok("bob", "results 1").as_text()
    assert ENDED in chat.ok("bob", "minutes 1").as_text()
    assert ENDED not in chat.ok("bob", "results 2").as_text()
