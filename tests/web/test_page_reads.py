"""The group page builds each meeting's record once: it built it for the meeting's summary and again for its
minutes, reading the whole record (roll, declarations, votes, quorum) twice for every meeting the page shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from tests.conftest import Chat
from tests.web.pages import link_for, minuted_cjcg
from tests.web.test_group_page import fetch

ROLL_READ = "FROM attendance WHERE attendance.meeting_id = "  # the roll, as a meeting's record reads it


def test_the_group_page_reads_each_meetings_roll_once(recorded: Callable[[str], Chat], engine: Engine,
                                                       sessions: sessionmaker[Session],
                                                       page_settings: Settings) -> None:
    chat = minuted_cjcg(recorded("cjcg"))
    link = link_for(chat, "bob")
    [(_, headers, _)] = fetch(page_settings, sessions, chat.now, link)
    sent: list[str] = []

    def counted(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", counted)
    try:
        [(status, _, body)] = fetch(page_settings, sessions, chat.now, "/groups/cjcg/",
                                    cookie=headers["Set-Cookie"].split(";")[0])
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    assert status == 200 and b"Meeting 1" in body, body[:400]
    rolls = [s for s in sent if ROLL_READ in " ".join(s.split()) and "ORDER BY attendance.id" in s]
    assert len(rolls) == 1, f"{len(rolls)} reads of meeting 1's roll in one view of the page ({len(sent)} statements)"
