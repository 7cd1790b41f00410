"""Votes held between meetings: each is reported in the minutes of the next meeting, with its own dates."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import Meeting, Poll
from bot.records.minutes_reads import PREVIOUS_MEETING, VOTES_BEFORE, VOTES_BETWEEN


def previous_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    """The group's meeting before `meeting` (by start), cancelled ones aside."""
    return session.scalar(PREVIOUS_MEETING, {"group_id": meeting.group_id, "starts_at": meeting.starts_at})


def votes_before(session: Session, meeting: Meeting) -> list[Poll]:
    """The group's votes opened outside any meeting since the previous meeting began, and before `meeting` began:
    the ones its minutes report."""
    since = previous_meeting(session, meeting)
    before = {"group_id": meeting.group_id, "starts_at": meeting.starts_at}
    if since is None:
        return list(session.scalars(VOTES_BEFORE, before))
    return list(session.scalars(VOTES_BETWEEN, {**before, "since": since.starts_at}))


def next_meeting_number(session: Session, poll: Poll) -> int | None:
    """The number of the meeting whose minutes report `poll`, a vote held between meetings; None until one is
    scheduled (or for a vote held at a meeting)."""
    if poll.meeting_id is not None or poll.opened_at is None:
        return None
    opened: dt.datetime = poll.opened_at
    return session.scalar(select(Meeting.number).where(Meeting.group_id == poll.group_id,
                                                       Meeting.starts_at > opened, Meeting.status != "cancelled")
                          .order_by(Meeting.starts_at).limit(1))
