"""A meeting moved (or scheduled) to a day its named chair's term has ended by, or named to a minute-taker who has
since left the group, says so, and how to name another (PLPCP Membership: "Each DCS will stand for twelve
months")."""

from __future__ import annotations

from tests.conftest import Chat


def test_plpcp_a_meeting_moved_past_its_chairs_term_says_so(chat: Chat) -> None:
    """sam scheduled meeting 1 for 20 Dec 2026 with bob (DCS North London, in term until 14 Jan 2027) to chair it and
    carol to take its minutes; carol has since left the group. sam moved it to 3 Feb 2027: the move said nothing,
    and bob stayed named to chair a meeting after his term, carol to take minutes in a group she has left. Now the
    move says both, and how to name others. bob, a member, may not move it."""
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-20 10:00 --chair @bob --minutes @carol")
    chat.ok("sam", "member remove @carol")
    chat.refused("bob", "meeting move 1 2027-02-03 10:00")
    notices = chat.ok("sam", "meeting move 1 2027-02-03 10:00").notices
    assert ("bob's term in DCS North London ends on 14 Jan 2027 (ToR Membership), before meeting 1 on 3 Feb 2027, so "
            "bob is not to chair it: name who does with `meeting chair @person --meeting 1`.") in notices, notices
    assert ("carol, named to take the minutes of meeting 1, no longer holds a seat in Pan-London Placements "
            "Commissioning Programme Steering Group: name who does with `meeting minute-taker @person --meeting "
            "1`.") in notices, notices


def test_plpcp_a_meeting_scheduled_after_its_chairs_term_says_so(chat: Chat) -> None:
    """sam schedules meeting 1 for 1 Feb 2027 with bob to chair it, whose term ends on 14 Jan 2027: it was
    scheduled with nothing said. A meeting within his term says nothing of it."""
    chat.load("plpcp")
    said = chat.ok("sam", "meeting schedule 2027-02-01 10:00 --chair @bob")
    assert ("bob's term in DCS North London ends on 14 Jan 2027 (ToR Membership), before meeting 1 on 1 Feb 2027, so "
            "bob is not to chair it: name who does with `meeting chair @person --meeting 1`.") in said.notices, \
        said.notices
    assert not any("term" in n for n in chat.ok("sam", "meeting schedule 2027-01-11 10:00 --chair @bob").notices)
