"""Reports a group's task-and-finish groups made to it (CJCG 6.6: set up "to support it in the discharge of its
functions"): each recorded in the sub-group (`report done`), and minuted by the parent at the meeting it reached,
the first meeting of the parent to close after it was made."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.models import Group, GroupEvent, Meeting
from bot.records.minutes_reads import NEVER
from bot.records.people import Namer
from bot.rules.calendar import show_date
from bot.terms import Terms
from bot.terms_stored import group_terms

LATE = dt.timedelta(hours=12)  # a meeting not opened on time is still the one to be held that day


def reports_to(parent: Group, terms: Terms) -> bool:
    """Whether a sub-group whose ToR is `terms` reports to `parent` (its `reporting.to` names it, by name or short
    name), and not to some other body."""
    if terms.reporting is None:
        return False
    to = terms.reporting.to.casefold()
    return parent.name.casefold() in to or parent.short_name.casefold() == to


def reports_in(session: Session, meeting: Meeting, names: Namer) -> list[str]:
    """A line for each report a sub-group of `meeting`'s group recorded as made to it since the group's meeting
    before it closed, until `meeting` closed (or now, while it is open or to be held)."""
    parent = session.get(Group, meeting.group_id)
    if parent is None:
        return []
    subgroups = {g.id: (g, group_terms(g)) for g in session.scalars(select(Group).where(Group.parent_id == parent.id))}
    subgroups = {i: (g, t) for i, (g, t) in subgroups.items() if reports_to(parent, t)}
    if not subgroups:
        return []
    since = session.scalar(select(func.max(Meeting.closed_at)).where(
        Meeting.group_id == parent.id, Meeting.status == "closed", Meeting.starts_at < meeting.starts_at)) \
        or dt.datetime.min.replace(tzinfo=dt.UTC)
    events = session.scalars(select(GroupEvent).where(
        GroupEvent.group_id.in_(list(subgroups)), GroupEvent.kind == "report", GroupEvent.recorded_at > since,
        GroupEvent.recorded_at <= (meeting.closed_at or NEVER)).order_by(GroupEvent.recorded_at, GroupEvent.id))
    said = []
    for event in events:
        group, terms = subgroups[event.group_id]
        note = f": {event.note}" if event.note else ""
        assert terms.reporting is not None  # reports_to
        said.append(terms.reporting.cited(f"{group.name}: a report recorded as made by {names(event.by_id)} on "
                                          f"{show_date(event.done_on)}{note}"))
    return said


def minuted_at(session: Session, parent: Group, now: dt.datetime) -> Meeting | None:
    """The meeting of `parent` whose minutes will show a report a sub-group records at `now`: the one open, else
    the next one to be held (one due today and not yet opened among them); None while none is scheduled."""
    to_come = (Meeting.status == "open") | ((Meeting.status == "scheduled") & (Meeting.starts_at >= now - LATE))
    return session.scalar(select(Meeting).where(Meeting.group_id == parent.id, to_come)
                          .order_by(Meeting.status != "open", Meeting.starts_at).limit(1))
