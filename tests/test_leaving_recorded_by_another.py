"""`leaving @p` typed by whoever records the meeting (CJCG 6.3) is audited as theirs, naming the one who left, as
`here @p` is; the roll, the minutes and the "out of the room for item N" check still read who left."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import AuditEvent, Person
from bot.records.audit_trail import verify
from tests.conftest import Chat
from tests.test_commands13 import cjcg_with_items


def left_events(sessions: sessionmaker[Session]) -> list[tuple[str | None, str | None, int | None]]:
    """(who typed it, who left, the item's position) for each `attendance.left` of the trail, oldest first."""
    with unit_of_work(sessions) as session:
        names = {p.id: p.display_name for p in session.scalars(select(Person))}
        assert verify(session).intact
        return [(names.get(e.actor_id or 0), names.get(e.detail.get("attendee", e.actor_id)),
                 1 if e.detail.get("item") else None)
                for e in session.scalars(select(AuditEvent).where(AuditEvent.action == "attendance.left")
                                         .order_by(AuditEvent.id))]


def test_cjcg_leaving_recorded_by_the_secretariat_is_audited_as_the_secretariats(
        chat: Chat, sessions: sessionmaker[Session]) -> None:
    """CJCG 6.3 (administrative support): sam records dan leaving (`leaving @dan`), and carol leaving the room for
    item 1, in which she declared an interest (6.5: `leaving @carol --item 1`). The trail said dan and carol did so,
    as if they had typed it: it says sam did, naming each the attendee, as `here @p` does. carol's vote on item 1 is
    still refused while she is out; the minutes still say dan left and carol left the room for item 1. erin, a
    member, may not record bob leaving; dan's own `leaving` after coming back is his."""
    cjcg_with_items(chat)
    chat.ok("alice", 'motion "Award the placements contract" --item 1')
    chat.refused("erin", "leaving @bob")
    chat.advance(minutes=10)
    chat.ok("sam", "leaving @dan")
    chat.ok("sam", "leaving @carol --item 1")
    said = chat.refused("carol", "vote 1 against").text
    assert said.startswith("You left the room for item 1 (Placements contract) at 10:10, having declared a pecuniary "
                           "interest in it (ToR 6.5), so you do not vote on motion 1 while out."), said
    chat.advance(minutes=10)
    chat.ok("dan", "here")
    chat.advance(minutes=5)
    chat.ok("dan", "leaving")
    assert left_events(sessions) == [("sam", "dan", None), ("sam", "carol", 1), ("dan", "dan", None)]
    minutes = chat.ok("sam", "meeting minutes").text
    assert "dan (Southend City Council) — left at 10:10, back at 10:20, left at 10:25;" in minutes, minutes
    assert ("carol (Southend City Council) — left the room for item 1 (pecuniary interest declared) at 10:10;"
            in minutes), minutes
    assert "carol (Southend City Council) left the room for this item (pecuniary interest declared)" in minutes
