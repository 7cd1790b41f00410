"""Round 17's second read of what a change made in a direct chat with govbot posts in the group's channel
(bot/services/direct_posts.py): the person who acted must be told truly where it went, and a confidential group's
business must not be posted by govbot into a channel it knows people outside the group read."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.conversation import respond
from bot.identity import Audience, Place, Speaker
from bot.models import ChannelBinding, OutboxMessage
from bot.replies import Reply
from bot.services.bindings import disable_channel
from bot.services.channel_posts import KIND
from tests.conftest import Chat

SCHEDULE = 'meeting schedule 2026-12-10 10:00 --where "Civic Centre"'


def alone(chat: Chat, who: str, text: str) -> Reply:
    """`who` says `text` in their 1:1 chat with govbot."""
    return respond(chat.sessions, Speaker("console", who, who), Place("console", f"{who}-dm", direct=True), text,
                   chat.now)


def queued(chat: Chat) -> list[str]:
    with chat.sessions() as session:
        return list(session.scalars(select(OutboxMessage.text).where(OutboxMessage.kind == KIND)))


def test_a_change_made_in_a_direct_chat_is_not_said_to_reach_a_channel_the_platform_refused(chat: Chat) -> None:
    """LIEG's channel was archived (the platform refused it for good, and govbot stopped posting there). alice
    scheduled a meeting in her 1:1 chat and was told it was 'also posted in the channel ..., where everyone in it
    reads it (within a minute)'; the post was queued, then failed for good. Now she is told the channel gets
    nothing and how to bind one again, and nothing is queued for it."""
    chat.load("lieg")
    with chat.sessions.begin() as session:
        binding = session.scalars(select(ChannelBinding)).one()
        disable_channel(session, binding.id, "channel_archived", chat.now)
    said = alone(chat, "alice", SCHEDULE).as_text()
    assert "Meeting 1 scheduled" in said, said
    assert "where everyone in it reads it" not in said, said
    assert "channel_archived" in said and "group bind lieg" in said, said
    assert queued(chat) == []


def test_a_confidential_groups_change_made_in_a_direct_chat_is_not_posted_where_outsiders_read(chat: Chat) -> None:
    """CJCG 6.7-6.9: its channel is one the whole organisation reads (the platform said so, and the chair was
    warned). bob declared an interest in his 1:1 chat, and govbot queued it for that channel, where people outside
    the group read it. Now govbot posts nothing there of what was done in a 1:1 chat, and says why, citing the
    clause; in the group's own channel the members still read what is said there."""
    chat.load("cjcg")
    chat.ok("alice", SCHEDULE)
    open_room = Place("console", "room", audience=Audience(public=True, shared=False))
    respond(chat.sessions, Speaker("console", "alice", "alice"), open_room, "meetings", chat.now)  # warned
    said = alone(chat, "bob", 'declare "I own a care home" --nature "financial"').as_text()
    assert "bob declared an interest" in said, said
    assert "where everyone in it reads it" not in said, said
    assert "6.7-6.9" in said, said
    assert not any("care home" in text for text in queued(chat)), queued(chat)


def test_cjcg_a_deputy_attending_votes_in_the_one_poll_open_without_its_number(chat: Chat) -> None:
    """CJCG 7.2: yan attends meeting 1 for carol and may vote in her place. With one poll open, bob's `vote Camden`
    was cast there, but yan's was refused ("The poll is a number, not 'Camden'. Say `vote 3 for`", a poll that does
    not exist), as if he could not read the meeting he sits in. Now his is cast too; zed, who attends nothing, is
    still only told the poll is a number, with no poll named."""
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-01 10:00")
    chat.ok("alice", "deputy @yan --for @carol --meeting 1")
    chat.advance(hours=1)
    chat.ok("alice", "meeting open 1")
    for who in ("bob", "dan", "erin"):
        chat.ok(who, "here")
    chat.ok("yan", "here --for @carol")
    chat.ok("alice", 'poll "Venue?" "Camden" "Barnet"')
    assert "poll 1" in chat.ok("bob", "vote Camden").text
    said = chat.ok("yan", "vote Camden").text
    assert "poll 1" in said, said
    results = chat.ok("alice", "results 1").as_text()
    assert "Camden: 2 of" in results, results
    refused = chat.refused("zed", "vote Camden").text
    assert "Venue" not in refused and "poll 1" not in refused, refused


def test_lciib_a_poll_of_numbers_is_no_poll_of_dates_for_the_secretariat(chat: Chat) -> None:
    """LCIIB Board Support and Logistics gives the secretariat the meetings' arrangements, so sam may call a poll of
    dates; a poll on anything else is the chair's. sam's `poll "Which bid do we back?" "1" "2" "3"` was opened as 'A
    poll of dates, called to arrange a meeting', the numbers read as days of this month (and "2026" "2027" as 1 Dec);
    now it is refused as the chair's, and a poll of dates ("12 Jan", "19/1") still opens."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("lciib")
    closes = ' --closes "2026-12-08 17:00"'
    for options in ('"1" "2" "3"', '"2026" "2027"', '"1.5" "2.5"'):
        refused = chat.refused("sam", f'poll "Which bid do we back?" {options}{closes}').text
        assert refused.startswith("Only the chair"), refused
    said = chat.ok("sam", f'poll "When shall we meet?" "12 Jan" "19/1" "Tue 26 Jan 2pm"{closes}').text
    assert "A poll of dates, called to arrange a meeting (ToR Board Support and Logistics)." in said, said
