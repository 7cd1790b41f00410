"""Second read of year16: a notice that only a person can act on reaches someone when no chair is in term."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import at
from tests.scheduler.conftest import run
from tests.scheduler.test_failures import ArchivedRoom, minutes

WEEK_BEFORE = dt.datetime(2027, 1, 21, 9, 0, tzinfo=dt.UTC)


def test_cjcg_archived_channel_is_still_told_to_someone_once_the_chairs_term_lapsed_with_no_secretariat(
        chat: Chat) -> None:
    """CJCG 6.2/6.3: alice's 12 months as chair ended on 14 Jan 2027 and the administrative support seat is
    vacant. The channel is archived before the 28 Jan meeting's week's notice: 'Channel no longer reachable' went
    to nobody (reminders to the chair go to a chair in term, else the secretariat: here neither), so the group
    silently stopped hearing its reminders. It now goes to alice, the chair whose term lapsed, as before year16."""
    chat.load("cjcg")
    at(chat, "2026-12-10", "09:00")
    chat.ok("alice", "meeting schedule 2027-01-28 10:00")
    chat.ok("alice", "member remove @sam")
    archived = ArchivedRoom()
    run(chat.sessions, archived, minutes(WEEK_BEFORE, 3))
    told = [s.destination.user_id for s in archived.sent if s.reply.title == "Channel no longer reachable"]
    assert told == ["alice"]
