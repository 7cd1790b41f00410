"""What a meeting did besides its items, votes and actions, read from the record: the minutes of an earlier meeting
approved, the ToR review or a report to the parent body recorded, and earlier actions done, while it sat. A clerk
minutes each."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.models import Meeting
from bot.records.actions_done import actions_done
from bot.records.amendments import amended
from bot.records.minutes_reads import APPROVALS_DURING, EVENTS_DURING, NEVER
from bot.records.people import Namer
from bot.rules.approval import approval_cited
from bot.rules.calendar import show_date
from bot.terms import Terms


def recorded_during(session: Session, meeting: Meeting, terms: Terms, names: Namer) -> list[str]:
    """Sentences for what was recorded between `meeting`'s opening and its close (or now, while it is open)."""
    if meeting.opened_at is None:
        return []
    while_open = {"group_id": meeting.group_id, "opened": meeting.opened_at, "until": meeting.closed_at or NEVER}
    said = []
    approvals = session.execute(APPROVALS_DURING, {"meeting_id": meeting.id, **while_open})
    for by, number, starts, approved_id, approved_at in approvals:
        day = show_date(starts.astimezone(terms.zone).date())
        as_amended = amended(session, meeting.group_id, approved_id, meeting.opened_at, approved_at)
        said.append(approval_cited(terms.minutes, f"The minutes of meeting {number} ({day}) were approved as a correct "
                                                  f"record by {names(by)}{as_amended}") + ".")
    events = session.scalars(EVENTS_DURING, while_open)
    for event in events:
        note = f": {event.note}" if event.note else ""
        if event.kind == "review" and terms.review is not None:
            said.append(terms.review.cited(f"The review of the terms of reference was recorded as done by "
                                           f"{names(event.by_id)}{note}") + ".")
        elif event.kind == "report" and terms.reporting is not None:
            said.append(terms.reporting.cited(f"The report to {terms.reporting.to} was recorded as made by "
                                              f"{names(event.by_id)}{note}") + ".")
    return said + actions_done(session, meeting, while_open, names)
