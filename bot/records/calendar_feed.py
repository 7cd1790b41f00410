"""A group's calendar as ICS (the icalendar library): meetings, term ends and review dates, with stable UIDs.

The feed is reached by a URL carrying a per-group secret token, so it can be subscribed to without an account.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets

from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import audit
from bot.models import CalendarFeed, Group, GroupEvent, Meeting, Membership
from bot.records.page_links import calendar_reader
from bot.rules.calendar import report_due, review_due
from bot.terms import SHORT_NAME, Terms
from bot.terms_stored import group_terms

DEFAULT_LENGTH = dt.timedelta(minutes=60)


def uid(kind: str, key: object, group: Group) -> str:
    """A UID that stays the same when the event changes, so calendars update it in place."""
    return f"{kind}-{key}@{group.short_name}.govbot"


def day_event(group: Group, kind: str, key: object, day: dt.date, summary: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", uid(kind, key, group))
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")
    return event


def meeting_event(group: Group, terms: Terms, meeting: Meeting, stamp: dt.datetime) -> Event:
    starts = meeting.starts_at.astimezone(terms.zone)  # TZID in the group's zone, so DST is the calendar's job
    length = dt.timedelta(minutes=terms.meetings.max_minutes) if terms.meetings.max_minutes else DEFAULT_LENGTH
    event = Event()
    event.add("uid", uid("meeting", meeting.id, group))
    event.add("dtstamp", stamp)
    event.add("dtstart", starts)
    event.add("dtend", starts + length)
    event.add("summary", f"{terms.name}: meeting {meeting.number}")
    event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
    if meeting.place:
        event.add("location", meeting.place)
    if meeting.items:
        event.add("description", "Agenda:\n" + "\n".join(f"{i.position}. {i.title}" for i in meeting.items))
    return event


def last_done(session: Session, group: Group, kind: str) -> dt.date | None:
    return session.scalar(select(GroupEvent.done_on).where(GroupEvent.group_id == group.id, GroupEvent.kind == kind)
                          .order_by(GroupEvent.done_on.desc()).limit(1))


def duty_events(session: Session, group: Group, terms: Terms, stamp: dt.datetime) -> list[Event]:
    """The ToR review, the next report to the parent body, and the group's end date, as all-day events."""
    adopted = terms.adopted_on or group.created_at.astimezone(terms.zone).date()
    found = []
    if terms.review:
        due = review_due(adopted, terms.review.first_after_months, terms.review.then_every_months,
                         last_done(session, group, "review"))
        if due != dt.date.max:
            found.append(day_event(group, "review", "next", due, terms.review.cited(f"{terms.name}: ToR review due"),
                                   stamp))
    if terms.reporting and terms.reporting.every_months:
        due = report_due(adopted, terms.reporting.every_months, last_done(session, group, "report"),
                         group.created_at.astimezone(terms.zone).date())
        found.append(day_event(group, "report", "next", due,
                               terms.reporting.cited(f"{terms.name}: report to {terms.reporting.to} due"), stamp))
    if terms.operates_until:
        found.append(day_event(group, "end", "date", terms.operates_until.date,
                               terms.operates_until.cited(f"{terms.name} ends"), stamp))
    return found


def feed(session: Session, group: Group, now: dt.datetime) -> bytes:
    """The group's calendar as ICS bytes."""
    terms = group_terms(group)
    calendar = Calendar.new(prodid="-//govbot//records//EN", name=terms.name, uid=uid("calendar", "feed", group))
    meetings = session.scalars(select(Meeting).where(Meeting.group_id == group.id).order_by(Meeting.starts_at))
    for meeting in meetings:
        calendar.add_component(meeting_event(group, terms, meeting, now))
    seats = session.scalars(select(Membership).where(Membership.group_id == group.id, Membership.ended_at.is_(None))
                            .order_by(Membership.id))
    for m in seats:
        if m.term_ends_on:
            calendar.add_component(day_event(group, "term-end", m.id, m.term_ends_on,
                                             f"{terms.name}: {m.seat_title} term ends ({m.person.display_name})", now))
        if m.chair_term_ends_on:
            calendar.add_component(day_event(group, "chair-term-end", m.id, m.chair_term_ends_on,
                                             f"{terms.name}: chair's term ends ({m.person.display_name})", now))
    for event in duty_events(session, group, terms, now):
        calendar.add_component(event)
    calendar.add_missing_timezones(first_date=dt.date(now.year - 1, 1, 1), last_date=dt.date(now.year + 5, 1, 1))
    return bytes(calendar.to_ical())


def feed_token(session: Session, group: Group, now: dt.datetime, *, rotate: bool = False) -> str:
    """The group's feed token, issued on first use; `rotate` replaces it so old URLs stop working."""
    current = session.scalar(select(CalendarFeed).where(CalendarFeed.group_id == group.id))
    if current is not None and not rotate:
        return current.token
    if current is None:
        current = CalendarFeed(group_id=group.id, token="", created_at=now)
        session.add(current)
    current.token, current.created_at = secrets.token_urlsafe(32), now
    audit.record(session, action="calendar.token_rotated" if rotate else "calendar.token_issued", at=now,
                 group_id=group.id, actor_id=None)
    return current.token


def feed_for_token(session: Session, short_name: str, token: str, now: dt.datetime,
                   secret: str | None = None) -> bytes | None:
    """The feed of the group named, if `token` is its token, or (signed with `secret`, the page links' key) a
    member's own calendar token; None otherwise (the caller must not say which)."""
    found = session.execute(select(Group, CalendarFeed.token).join(CalendarFeed, CalendarFeed.group_id == Group.id,
                                                                   isouter=True)
                            .where(Group.short_name == short_name)).first() if SHORT_NAME.fullmatch(short_name) \
        else None
    # Compare even when the group is unknown, so timing does not tell an unknown group from a wrong token.
    expected = found[1] if found and found[1] else secrets.token_urlsafe(32)
    matches = hmac.compare_digest(expected.encode(), token.encode())
    if found is None:
        return None
    member = calendar_reader(session, found[0], secret, token, now) if secret and not matches else None
    if not (matches and found[1]) and member is None:
        return None
    return feed(session, found[0], now)
