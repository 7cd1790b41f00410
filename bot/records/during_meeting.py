"""What a meeting did besides its items, votes and actions, read from the record: the minutes of an earlier meeting
approved, and the ToR review or a report to the parent body recorded, while it sat. A clerk minutes both."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import ApprovedMinutes, Meeting
from bot.models_events import GroupEvent
from bot.records.people import Namer
from bot.rules.approval import approval_cited
from bot.rules.calendar import show_date
from bot.terms import Terms


def recorded_during(session: Session, meeting: Meeting, terms: Terms, names: Namer) -> list[str]:
    """Sentences for what was recorded between `meeting`'s opening and its close (or now, while it is open)."""
    if meeting.opened_at is None:
        return []
    until = meeting.closed_at or dt.datetime.max.replace(tzinfo=dt.UTC)
    said = []
    approvals = session.execute(
        select(ApprovedMinutes.approved_by_id, Meeting.number, Meeting.starts_at)
        .join(Meeting, Meeting.id == ApprovedMinutes.meeting_id)
        .where(Meeting.group_id == meeting.group_id, Meeting.id != meeting.id,
               ApprovedMinutes.approved_at >= meeting.opened_at, ApprovedMinutes.approved_at <= until)
        .order_by(ApprovedMinutes.approved_at))
    for by, number, starts in approvals:
        day = show_date(starts.astimezone(terms.zone).date())
        said.append(approval_cited(terms.minutes, f"The minutes of meeting {number} ({day}) were approved as a correct "
                                                  f"record by {names(by)}") + ".")
    events = session.scalars(select(GroupEvent).where(
        GroupEvent.group_id == meeting.group_id, GroupEvent.recorded_at >= meeting.opened_at,
        GroupEvent.recorded_at <= until).order_by(GroupEvent.recorded_at))
    for event in events:
        note = f": {event.note}" if event.note else ""
        if event.kind == "review" and terms.review is not None:
            said.append(terms.review.cited(f"The review of the terms of reference was recorded as done by "
                                           f"{names(event.by_id)}{note}") + ".")
        elif event.kind == "report" and terms.reporting is not None:
            said.append(terms.reporting.cited(f"The report to {terms.reporting.to} was recorded as made by "
                                              f"{names(event.by_id)}{note}") + ".")
    return said
