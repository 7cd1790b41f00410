"""Who may read a meeting's minutes before they are approved, on the group's page and in its downloads: whoever
holds the power the chat's `meeting minutes` asks for (`circulate_minutes`; LIEG 5.2: "approved by the steering
group before circulation"). The page let any member download the draft the chat refused them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from bot.errors import DomainError
from bot.models import Group, Meeting, Person
from bot.records.meeting_record import approved_minutes
from bot.rules.powers import decide
from bot.services.authority import require
from bot.services.context import Context
from bot.terms_powers import Act, PowerHolder
from bot.terms_stored import group_terms

READING = "read the draft minutes before they are approved"


def draft_refusal(session: Session, group: Group, reader_id: int | None, meeting: Meeting,
                  now: dt.datetime) -> str | None:
    """None when the reader (`reader_id`; None for anyone reading a public page) may read the minutes of `meeting`
    as they stand: approved minutes are read by all who see the page. Otherwise why not, saying who may and
    citing the clause, as the chat says it."""
    if approved_minutes(session, meeting.id) is not None:
        return None
    reader = session.get(Person, reader_id) if reader_id is not None else None
    if reader is None:  # a public page's visitor holds no role but 'anyone'
        verdict = decide(group_terms(group), Act.CIRCULATE_MINUTES, frozenset({PowerHolder.ANYONE}), READING)
        return None if verdict.allowed else verdict.refusal
    try:
        require(Context(session=session, group=group, actor=reader, now=now, platform="web"),
                Act.CIRCULATE_MINUTES, READING, meeting=meeting)
    except DomainError as refused:
        return refused.message
    return None
