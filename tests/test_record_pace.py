"""One member cannot flood the record (or the channel): past 120 changes a minute, or 1,200 an hour, a change is
refused, saying the limit and when it may be sent again, and nothing of it is recorded. Reading is never limited,
another member is not held up by it, and a meeting's pace is well inside it. On every platform over real HTTP."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot import audit
from bot.conversation import respond
from bot.db import unit_of_work
from bot.models import AuditEvent, Group, Identity, Interest
from bot.replies import Reply
from bot.services.context import Place, Speaker
from tests.conftest import START, Chat, cjcg_in_room
from tests.platform_chats import Speaking


def declarations(chat: Speaking) -> int:
    with chat.sessions() as session:
        return session.scalar(select(func.count()).select_from(Interest)) or 0


def events(chat: Speaking) -> int:
    with chat.sessions() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)) or 0


def earlier_changes(chat: Speaking, who: str, count: int, apart: dt.timedelta = dt.timedelta()) -> None:
    """`who` (who has spoken already) made `count` changes to CJCG's record before now, `apart` from each other and
    the last just now: a flood arranged in the record at once rather than sent one request at a time."""
    arranged(chat.sessions, chat.platform, who, count, chat.now, apart)


def arranged(sessions: sessionmaker[Session], platform: str, who: str, count: int, now: dt.datetime,
             apart: dt.timedelta = dt.timedelta()) -> None:
    """As `earlier_changes`, in the record of `sessions`, for `who` on `platform`, the last at `now`."""
    with unit_of_work(sessions) as session:
        group = session.scalars(select(Group).where(Group.short_name == "cjcg")).one()
        actor = session.scalars(select(Identity.person_id).where(Identity.platform == platform,
                                                                 Identity.external_id.contains(who))).first()
        for n in range(count):
            audit.record(session, action="interest.declared", at=now - apart * (count - n), group_id=group.id,
                         actor_id=actor, interest=f"earlier {n}")


def test_a_flood_of_declarations_is_stopped_politely_and_the_member_may_go_on_after_a_minute(
        platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("bob", "declare Shareholding number 1")
    earlier_changes(chat, "bob", 118)
    chat.ok("bob", "declare Shareholding number 120")  # the 120th change this minute is taken
    before = events(chat)
    refused = chat.refused("bob", "declare Shareholding number 121")
    assert "120 changes a minute" in refused.text and "1,200 an hour" in refused.text, refused.text
    assert "nothing was recorded" in refused.text and "09:01" in refused.text, refused.text
    assert (declarations(chat), events(chat)) == (2, before)
    assert "Shareholding number 120" in chat.ok("bob", "interests").text  # reading goes on
    chat.ok("carol", "declare Trustee of a bidding charity")  # and other members are not held up
    chat.advance(minutes=1)
    chat.ok("bob", "declare Shareholding number 121")
    assert declarations(chat) == 4


def test_a_slower_flood_is_stopped_at_1200_an_hour(platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("bob", "declare Shareholding number 1")
    chat.advance(minutes=1)
    earlier_changes(chat, "bob", 1198, apart=dt.timedelta(seconds=2.9))  # 20 a minute, within the minute's limit
    chat.ok("bob", "declare Shareholding number 1200")
    refused = chat.refused("bob", "declare one more")
    # the oldest of the hour's changes was at 08:03:05 (1,198 × 2.9 s before 09:01): free again from 09:04
    assert "1,200 an hour" in refused.text and "at 09:04" in refused.text, refused.text
    assert declarations(chat) == 2


def test_the_pace_is_counted_alike_on_postgresql(postgres_schema_url: str) -> None:
    """Several replicas share one PostgreSQL record: the count is the record's, not a process's."""
    room = Place("console", "room")
    engine, sessions = cjcg_in_room(postgres_schema_url, room)
    try:
        def say(text: str, at: dt.datetime) -> Reply:
            return respond(sessions, Speaker("console", "bob", "bob"), room, text, at)

        assert not say("declare Shareholding number 0", START).error
        arranged(sessions, "console", "bob", 118, START)  # from another replica, say: the record holds them
        assert not say("declare Shareholding number 119", START).error  # the 120th change this minute is taken
        refused = say("declare Shareholding number 120", START + dt.timedelta(seconds=30))
        assert refused.error and "Send it again at 09:01" in refused.text, refused.text
        assert not say("declare Shareholding number 120", START + dt.timedelta(minutes=1)).error
    finally:
        engine.dispose()


def test_the_pace_holds_in_a_one_to_one_chat_with_the_bot_too(chat: Chat) -> None:
    """A 1:1 chat reaches the person's groups by name (`--group`): the same count, the same refusal."""
    chat.load("cjcg")
    alone = Place("console", "bob-and-govbot", direct=True)

    def say(text: str) -> Reply:
        return respond(chat.sessions, Speaker("console", "bob", "bob"), alone, text, chat.now)

    assert not say("declare Shareholding number 0 --group cjcg").error
    arranged(chat.sessions, "console", "bob", 118, chat.now)
    assert not say("declare Shareholding number 119 --group cjcg").error  # the 120th change this minute is taken
    refused = say("declare Shareholding number 120 --group cjcg")
    assert refused.error and "120 changes a minute" in refused.text, refused.text
