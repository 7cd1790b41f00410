"""A whole meeting of the Children's Joint Commissioning Group, from scheduling to close, written once and run on
the console, through signed Slack requests and through Teams activities: typed commands and the cards' buttons."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.db import unit_of_work
from bot.models import Attendance, Ballot, Interest, Meeting, Person, Poll
from tests.platform_chats import Speaking


def test_a_meeting_from_scheduling_to_close(platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cjcg")
    assert "Meeting 1 scheduled" in chat.ok("alice", 'meeting schedule 2026-12-10 10:00 --where "Civic Centre"').text
    chat.ok("alice", 'agenda add "Joint action plan 2027-29"')
    chat.ok("alice", 'agenda add "SEND placements procurement"')
    assert "Apologies from carol recorded for meeting 1" in chat.ok("carol", "apologies annual leave").text
    named = chat.ok("carol", "deputy @yan --meeting next").text
    assert "yan is carol's deputy for meeting 1" in named and "(ToR 7.2)" in named
    chat.ok("dan", "apologies")

    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    assert "Only the chair" in chat.refused("bob", "meeting open --confirm").text
    opened = chat.ok("alice", "meeting open --confirm")
    assert "Meeting 1 of Children's Joint Commissioning Group is open" in opened.text
    assert {"Here", "Apologies", "No interests to declare"} <= set(opened.buttons)

    # The roll call, from the meeting card's button and typed.
    assert "bob is present" in chat.press("bob", "Here", opened).text
    deputy = chat.ok("yan", "here").text
    assert "attending as deputy for carol" in deputy and "now quorate" in deputy

    # Declarations, typed and from the card's button.
    declared = chat.ok("bob", 'declare "My sister manages a provider bidding under item 2" --item 2 --nature personal')
    assert "bob declared an interest (personal) on item 2" in declared.text
    assert "yan has no interests to declare for meeting 1" in chat.press("yan", "No interests to declare", opened).text
    chat.ok("alice", "declare none")

    # The motion's card: votes and the close from its buttons.
    motion = chat.ok("alice", 'motion "Approve the joint action plan 2027-29" --item 1')
    assert "Vote open on motion 1" in motion.text
    assert {"For", "Against", "Abstain", "Close vote"} <= set(motion.buttons)
    assert "recorded: For" in chat.press("bob", "For", motion).text
    chat.press("yan", "For", motion)
    chat.press("alice", "Against", motion)
    late = chat.press("erin", "For", motion)
    assert late.error is not False and "not recorded present" in late.text
    closed = chat.press("alice", "Close vote", motion).text
    assert "carried" in closed and "(a majority of the votes cast, the usual practice: the ToR sets no voting rule)" in closed

    ended = chat.ok("alice", "meeting close").text
    assert "Deputies: yan for carol" in ended and "Apologies: carol — annual leave, deputy yan attended; dan" in ended
    assert "Absent: erin, frank, grace" in ended

    with unit_of_work(chat.sessions) as session:
        people = {p.id: p.display_name for p in session.scalars(select(Person))}
        roll = {people[a.member_id]: a.status for a in session.scalars(select(Attendance))}
        assert roll["alice"] == "present" and roll["bob"] == "present" and roll["dan"] == "apologies"
        assert roll["carol"] == "deputised" and roll["frank"] == "absent"
        poll = session.scalars(select(Poll)).one()
        assert poll.status == "closed" and poll.outcome and poll.outcome.startswith("carried")
        assert len(session.scalars(select(Ballot)).all()) == 3
        declared_by = {people[i.person_id]: i.no_interests for i in session.scalars(select(Interest))}
        assert declared_by == {"bob": False, "yan": True, "alice": True}
        assert session.scalars(select(Meeting)).one().status == "closed"
