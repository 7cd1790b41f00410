"""The roll taken by another (`here @p`, CJCG 6.3): the audit trail says who typed it, and the minutes still read the
spells away of those recorded; `here @me` typed in a 1:1 chat is posted in the group's channel as other changes
made there are."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import respond
from bot.db import unit_of_work
from bot.identity import Place, Speaker
from bot.models import AuditEvent, OutboxMessage, Person
from bot.records.audit_trail import verify
from bot.replies import Reply
from bot.services.channel_posts import KIND
from tests.conftest import Chat
from tests.platform_chats import meeting_opened


def alone(chat: Chat, who: str, text: str) -> Reply:
    """`who` says `text` in their 1:1 chat with govbot."""
    return respond(chat.sessions, Speaker("console", who, who), Place("console", f"{who}-dm", direct=True), text,
                   chat.now)


def test_cjcg_the_roll_taken_by_the_secretariat_is_audited_as_the_secretariats(
        chat: Chat, sessions: sessionmaker[Session]) -> None:
    """CJCG 6.3 (administrative support): sam records carol present with `here @carol`, and later records her back
    after she stepped out. The trail said carol did both, as if she had typed them: it says sam did, naming carol
    the attendee, and the minutes still read her spell away. erin, a member, may not record dan present."""
    meeting_opened(chat, "cjcg", "alice", "bob", "dan")
    chat.refused("erin", "here @dan")
    chat.ok("sam", "here @carol")
    chat.advance(minutes=10)
    chat.ok("carol", "leaving")
    chat.advance(minutes=10)
    chat.ok("sam", "here @carol")
    with unit_of_work(sessions) as session:
        names = {p.id: p.display_name for p in session.scalars(select(Person))}
        events = [(names.get(e.actor_id or 0), e.action, names.get(e.detail.get("attendee", 0)))
                  for e in session.scalars(select(AuditEvent).where(
                      AuditEvent.action.in_(("attendance.present", "attendance.returned")),
                      AuditEvent.detail["member"].as_integer() == next(i for i, n in names.items() if n == "carol")))]
        assert events == [("sam", "attendance.present", "carol"), ("sam", "attendance.returned", "carol")], events
        assert verify(session).intact
    minutes = chat.ok("sam", "meeting minutes").text
    assert "carol (" in minutes and "left at 10:10, back at 10:20" in minutes, minutes


def test_cjcg_here_at_me_in_a_one_to_one_chat_is_posted_in_the_groups_channel(chat: Chat) -> None:
    """bob mentions himself, `here @bob` (`here @me` as Slack and Teams show it), in his 1:1 chat with govbot while
    meeting 1 is open: he was recorded present, but the channel was told nothing, as it is of `here` and every other
    change made in a 1:1 chat. It is posted there now, and bob is told so."""
    meeting_opened(chat, "cjcg", "alice")
    said = alone(chat, "bob", "here @bob").as_text()
    assert "bob is present" in said and "also posted in the channel" in said, said
    with chat.sessions() as session:
        posted = list(session.scalars(select(OutboxMessage.text).where(OutboxMessage.kind == KIND)))
    assert any("bob is present" in text for text in posted), posted
    said = alone(chat, "bob", "leaving @bob").as_text()
    assert "bob has left meeting 1" in said and "also posted in the channel" in said, said
